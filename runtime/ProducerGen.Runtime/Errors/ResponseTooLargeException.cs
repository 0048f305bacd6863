namespace ProducerGen;

/// <summary>A response body was larger than the runtime reads for an API answer (see <see cref="ProducerGenClientOptions.MaxResponseBodyBytes"/>).</summary>
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

    /// <summary>The limit in bytes that the body exceeded.</summary>
    public long Limit { get; }
}
