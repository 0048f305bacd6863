using System;
using System.Collections.Generic;

namespace ProducerGen;

/// <summary>
/// How an API wraps its answers (<c>{"code": 200, "msg": "success", "data": {…}}</c>) and signals an error inside an HTTP 200:
/// an answer whose <see cref="CodePath"/> value is not one of <see cref="SuccessCodes"/> is a failure, typed by that code as an
/// HTTP status would be (401 authentication, 402 credits, 404 not found, 429 rate limit, 5xx server error, …).
/// </summary>
public sealed class ResponseEnvelope
{
    /// <summary>The path of the code, e.g. <c>code</c>.</summary>
    public required string CodePath { get; init; }

    /// <summary>The codes that mean success, as text (<c>200</c>).</summary>
    public required IReadOnlyList<string> SuccessCodes { get; init; }

    /// <summary>The paths of the message, tried in order (<c>msg</c>, <c>message</c>).</summary>
    public IReadOnlyList<string> MessagePaths { get; init; } = Array.Empty<string>();
}
