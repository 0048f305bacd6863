using System.Text.Json;

namespace ProducerGen;

/// <summary>The answer of one operation call: its status, its JSON body (if any) and the request id to quote to support.</summary>
public sealed class OperationResponse
{
    /// <summary>Creates a response (for tests and mocks; the client creates them from the wire).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The JSON body, or <see langword="null"/> when the body was empty.</param>
    /// <param name="requestId">The response's request id, or <see langword="null"/>.</param>
    public OperationResponse(int statusCode, JsonElement? body, string? requestId)
    {
        StatusCode = statusCode;
        Body = body;
        RequestId = requestId;
    }

    /// <summary>The HTTP status code, e.g. 200, 201, 202 or 204.</summary>
    public int StatusCode { get; }

    /// <summary>The JSON body (a cloned element, safe to keep), or <see langword="null"/> when the body was empty (e.g. 204).</summary>
    public JsonElement? Body { get; }

    /// <summary>The <c>x-request-id</c> of the response, or <see langword="null"/>.</summary>
    public string? RequestId { get; }
}
