namespace ProducerGen;

/// <summary>A request body ready to send, attempt after attempt: its bytes and their content type.</summary>
/// <param name="Bytes">The encoded body.</param>
/// <param name="ContentType">The <c>Content-Type</c> header value (a multipart body names its boundary), or null for JSON.</param>
internal sealed record RequestBody(byte[] Bytes, string? ContentType);
