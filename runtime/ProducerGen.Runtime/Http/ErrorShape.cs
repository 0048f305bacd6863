using System;
using System.Collections.Generic;

namespace ProducerGen;

/// <summary>Where an error answer (an HTTP 4xx/5xx body) holds its message and its code.</summary>
public sealed class ErrorShape
{
    /// <summary>The v1 shape: the message in <c>error</c>, else <c>message</c>; no code.</summary>
    public static ErrorShape Default { get; } = new();

    /// <summary>The paths of the message, tried in order; a path to an object reads its <c>message</c>.</summary>
    public IReadOnlyList<string> MessagePaths { get; init; } = ["error", "message"];

    /// <summary>The path of a machine-readable error code (<c>error.code</c>, <c>error_type</c>), or <see langword="null"/>.</summary>
    public string? CodePath { get; init; }
}
