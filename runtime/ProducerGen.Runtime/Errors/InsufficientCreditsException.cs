namespace ProducerGen;

/// <summary>The team has too few credits to run the job (HTTP 402).</summary>
public sealed class InsufficientCreditsException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response.</param>
    /// <param name="creditsRequired">Credits the job needs, in the API's smallest unit.</param>
    /// <param name="creditsAvailable">Credits the team has, in the API's smallest unit.</param>
    public InsufficientCreditsException(string message, ApiResponseInfo response, long? creditsRequired, long? creditsAvailable)
        : base(message, response)
    {
        CreditsRequired = creditsRequired;
        CreditsAvailable = creditsAvailable;
    }

    /// <summary>Credits the job needs, or <see langword="null"/> when the service did not say.</summary>
    public long? CreditsRequired { get; }

    /// <summary>Credits the team has, or <see langword="null"/> when the service did not say.</summary>
    public long? CreditsAvailable { get; }
}
