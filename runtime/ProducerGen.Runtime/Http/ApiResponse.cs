using System;

namespace ProducerGen;

/// <summary>A buffered API response: all the runtime keeps of an <see cref="System.Net.Http.HttpResponseMessage"/>.</summary>
internal sealed record ApiResponse(int StatusCode, string? ReasonPhrase, byte[] Body, string? RequestId, TimeSpan? RetryAfter, Uri? Location, int Attempts)
{
    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>The requests the call really sent, counting a retrying handler's retries; 0 when not counted (see <see cref="WireRequestCount"/>).</summary>
    public int Requests { get; init; }

    /// <summary>The retrying handler in the HttpClient pipeline, when there is one.</summary>
    public string? RetryLayer { get; init; }

    /// <summary>How many times the call was tried, for error messages: "after 5 attempts (20 requests: ...)", or empty for one request.</summary>
    public string AttemptsText => AttemptText.After(Attempts, Requests, RetryLayer);
}
