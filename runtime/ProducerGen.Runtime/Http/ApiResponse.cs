using System;

namespace ProducerGen;

/// <summary>A buffered API response: all the runtime keeps of an <see cref="System.Net.Http.HttpResponseMessage"/>.</summary>
internal sealed record ApiResponse(int StatusCode, string? ReasonPhrase, byte[] Body, string? RequestId, TimeSpan? RetryAfter, Uri? Location, int Attempts)
{
    public bool IsSuccess => StatusCode is >= 200 and <= 299;
}
