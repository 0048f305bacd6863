namespace ProducerGen;

/// <summary>The API key was missing or invalid (HTTP 401), or is inactive or lacks permission (HTTP 403).</summary>
public sealed class AuthenticationException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong; says which of 401 and 403 it was.</param>
    /// <param name="response">The response.</param>
    public AuthenticationException(string message, ApiResponseInfo response)
        : base(message, response)
    {
    }
}
