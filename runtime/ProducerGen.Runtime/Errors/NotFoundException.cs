namespace ProducerGen;

/// <summary>The resource (usually a job) does not exist or belongs to someone else (HTTP 404).</summary>
public sealed class NotFoundException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response.</param>
    public NotFoundException(string message, ApiResponseInfo response)
        : base(message, response)
    {
    }
}
