namespace ProducerGen;

/// <summary>The request conflicts with the resource's state, e.g. an idempotency key reused with a different body (HTTP 409).</summary>
public sealed class ConflictException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response.</param>
    public ConflictException(string message, ApiResponseInfo response)
        : base(message, response)
    {
    }
}
