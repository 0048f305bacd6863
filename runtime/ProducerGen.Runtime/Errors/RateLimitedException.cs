using System;

namespace ProducerGen;

/// <summary>The service is rate limiting the caller (HTTP 429), after the retries allowed, or asked for a wait longer than the configured cap.</summary>
public sealed class RateLimitedException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response.</param>
    /// <param name="retryAfter">The wait the service asked for, or <see langword="null"/>.</param>
    public RateLimitedException(string message, ApiResponseInfo response, TimeSpan? retryAfter)
        : base(message, response)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The wait the service asked for (<c>Retry-After</c>), or <see langword="null"/> when it named none.</summary>
    public TimeSpan? RetryAfter { get; }
}
