using System;

namespace ProducerGen;

/// <summary>
/// How the runtime retries transient failures (network errors, attempt timeouts, 408, 429, 500, 502, 503, 504).
/// Never retried: 400, 401, 402, 403, 404, 409. Set <see cref="MaxRetries"/> to 0 when the <see cref="System.Net.Http.HttpClient"/>
/// already has a retrying handler (e.g. <c>AddStandardResilienceHandler</c>), so nothing is retried twice.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>How many times a failed attempt is retried (so at most <c>MaxRetries + 1</c> attempts). Default 4; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; each retry doubles it. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay. Default 30 seconds. A longer <c>Retry-After</c> still wins, up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the runtime will sleep through. When the service asks for a longer wait,
    /// the call fails at once with <see cref="RateLimitedException"/> or <see cref="ServiceUnavailableException"/> carrying the wait. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether backoff delays are randomised (between half and all of the exponential delay) so clients do not retry in lockstep. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    internal void Validate()
    {
        if (MaxRetries is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "Retry.MaxRetries must be between 0 and 100.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), "Retry delays must not be negative.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, MaxRetryAfter = {MaxRetryAfter}, UseJitter = {UseJitter}";
}
