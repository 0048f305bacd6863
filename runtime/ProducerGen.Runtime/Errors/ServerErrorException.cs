namespace ProducerGen;

/// <summary>The service failed (HTTP 5xx other than 503) after the retries allowed.</summary>
public sealed class ServerErrorException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response.</param>
    public ServerErrorException(string message, ApiResponseInfo response)
        : base(message, response)
    {
    }
}
