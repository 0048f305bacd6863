namespace ProducerGen;

/// <summary>What an error response said: status, request id, the server's message and the (bounded) body text.</summary>
/// <param name="StatusCode">The HTTP status code (or, for an answer whose envelope reports failure, the envelope's code when it is an HTTP status).</param>
/// <param name="RequestId">The <c>x-request-id</c> header, or <see langword="null"/>.</param>
/// <param name="ServerMessage">The body's <c>error</c> member, or <see langword="null"/>.</param>
/// <param name="Body">The body as text, cut to a few kilobytes, or <see langword="null"/> when empty.</param>
public sealed record ApiResponseInfo(int StatusCode, string? RequestId, string? ServerMessage, string? Body)
{
    /// <summary>The machine-readable error code the body gives (where the API's error shape or envelope names one), or <see langword="null"/>.</summary>
    public string? ErrorCode { get; init; }
}
