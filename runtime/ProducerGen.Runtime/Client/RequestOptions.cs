using System;

namespace ProducerGen;

/// <summary>Per-call settings of a submission.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The idempotency key of this submission. When <see langword="null"/> a new one is generated.
    /// Every retry of the submission sends the same key, so the API never creates a second job.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The timeout of each attempt of this call, overriding <see cref="ProducerGenClientOptions.RequestTimeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }
}
