using System;

namespace ProducerGen;

/// <summary>
/// A response body was larger than the runtime reads: an API answer over <see cref="ProducerGenClientOptions.MaxResponseBodyBytes"/>,
/// or a download over <see cref="ProducerGenClientOptions.MaxDownloadBytes"/> (then <see cref="Url"/> says which file).
/// </summary>
public sealed class ResponseTooLargeException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response (status and request id; no body).</param>
    /// <param name="limit">The limit in bytes.</param>
    public ResponseTooLargeException(string message, ApiResponseInfo response, long limit)
        : base(message, response)
    {
        Limit = limit;
    }

    /// <summary>Creates the exception for a download.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response (status and request id; no body).</param>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="url">The file's URL, without its query string, fragment or user information.</param>
    public ResponseTooLargeException(string message, ApiResponseInfo response, long limit, Uri? url)
        : this(message, response, limit)
    {
        Url = url;
    }

    /// <summary>The downloaded file's URL without its query string, fragment or user information; <see langword="null"/> for API answers.</summary>
    public Uri? Url { get; }

    /// <summary>The limit in bytes that the body exceeded.</summary>
    public long Limit { get; }
}
