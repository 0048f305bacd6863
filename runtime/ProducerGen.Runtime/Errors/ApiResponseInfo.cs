namespace ProducerGen;

/// <summary>What an error response said: status, request id, the server's message and the (bounded) body text.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="RequestId">The <c>x-request-id</c> header, or <see langword="null"/>.</param>
/// <param name="ServerMessage">The body's <c>error</c> member, or <see langword="null"/>.</param>
/// <param name="Body">The body as text, cut to a few kilobytes, or <see langword="null"/> when empty.</param>
public sealed record ApiResponseInfo(int StatusCode, string? RequestId, string? ServerMessage, string? Body);
