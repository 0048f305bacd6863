using System.Globalization;

namespace ProducerGen;

/// <summary>
/// Says how often a failed call was tried, truthfully when a retrying handler in the HttpClient pipeline multiplied the runtime's
/// attempts: "5 attempts (20 requests: another retry layer, ResilienceHandler, retried each attempt; set Retry.MaxRetries = 0 or remove it)".
/// </summary>
internal static class AttemptText
{
    /// <summary>" after N attempts (...)" for an error message, or empty for a call that sent one request.</summary>
    public static string After(int attempts, int requests, string? retryLayer)
        => attempts > 1 || requests > attempts ? " after " + Count(attempts, requests, retryLayer) : string.Empty;

    /// <summary>"1 attempt", "N attempts", or "N attempts (M requests: ...)" when the wire saw more requests than the runtime made attempts.</summary>
    public static string Count(int attempts, int requests, string? retryLayer)
    {
        var text = attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{attempts} attempts");
        if (requests <= attempts)
        {
            return text;
        }

        var layer = retryLayer is null ? "another retry layer in the HttpClient pipeline" : $"another retry layer in the HttpClient pipeline ({retryLayer})";
        return string.Create(CultureInfo.InvariantCulture, $"{text} ({requests} requests: {layer} retried each attempt; set Retry.MaxRetries = 0 or remove that handler)");
    }
}
