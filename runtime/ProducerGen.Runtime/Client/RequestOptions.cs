using System;

namespace ProducerGen;

/// <summary>Per-call settings of a submission.</summary>
public sealed class RequestOptions
{
    private TimeSpan? _timeout;

    /// <summary>
    /// The idempotency key of this submission. When <see langword="null"/> a new one is generated.
    /// Every retry of the submission sends the same key, so the API never creates a second job.
    /// </summary>
    /// <remarks>
    /// Choose the key yourself, derived from your own request id (e.g. <c>$"order-{orderId}"</c>), when a retry must be safe across
    /// a crash, a restart or another worker: resubmitting with the same key returns the job the first call created instead of
    /// paying for a second one. When the runtime generated the key, a failed submission's exception carries it in
    /// <see cref="ProducerGenException.IdempotencyKey"/>: pass it back here to retry that same submission.
    /// </remarks>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// Extra headers for this call only (<c>Prefer: wait</c>, a tracing header), added after the API's own; <see langword="null"/> for none.
    /// The key's and the idempotency key's headers, <c>Content-Type</c>, <c>Content-Length</c> and <c>Host</c> cannot be set here.
    /// </summary>
    public System.Collections.Generic.IDictionary<string, string>? Headers { get; set; }

    /// <summary>
    /// The timeout of each attempt of this call, overriding <see cref="ProducerGenClientOptions.RequestTimeout"/>;
    /// <see langword="null"/> keeps the client's. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> removes the attempt
    /// timeout for this call (as it does for <see cref="ProducerGenClientOptions.RequestTimeout"/>): only the caller's
    /// <see cref="System.Threading.CancellationToken"/> then ends a stalled attempt.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            // A zero or negative timeout would silently turn the attempt timeout off (Polly treats it as "no timeout"): refuse it.
            if (value is { } t && t <= TimeSpan.Zero && t != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(Timeout), t, "RequestOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan for no attempt timeout); leave it null to use ProducerGenClientOptions.RequestTimeout.");
            }

            _timeout = value;
        }
    }
}
