using System;

namespace ProducerGen;

/// <summary>A webhook failed verification (missing or wrong signature) or its verified body is not an event. Answer such requests with 401 or 400.</summary>
public sealed class WebhookVerificationException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WebhookVerificationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
