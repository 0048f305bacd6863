using System;

namespace ProducerGen;

/// <summary>
/// The service answered with something the API does not document: an unexpected status (including a redirect,
/// which is never followed with the API key), or a success body that is not the expected JSON.
/// </summary>
public sealed class UnexpectedResponseException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response.</param>
    /// <param name="innerException">The parse error, if any.</param>
    public UnexpectedResponseException(string message, ApiResponseInfo response, Exception? innerException = null)
        : base(message, response, innerException)
    {
    }
}
