using System;

namespace ProducerGen;

/// <summary>
/// A webhook failed verification (missing or wrong signature, an event header that disagrees with the signed body) or its verified
/// body is not an event. <see cref="Reason"/> says which: answer signature failures with 401 and the rest with 400.
/// </summary>
public sealed class WebhookVerificationException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WebhookVerificationException(string message, Exception? innerException = null)
        : this(WebhookVerificationFailure.Unspecified, message, innerException)
    {
    }

    /// <summary>Creates the exception with its reason.</summary>
    /// <param name="reason">Why the webhook was not trusted.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WebhookVerificationException(WebhookVerificationFailure reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the webhook was not trusted.</summary>
    public WebhookVerificationFailure Reason { get; }

    /// <summary>Whether the signature itself failed (missing, malformed, wrong key, altered body), as opposed to a signed body that is not an acceptable event.</summary>
    public bool IsSignatureFailure => Reason is WebhookVerificationFailure.SignatureMissing or WebhookVerificationFailure.SignatureMismatch or WebhookVerificationFailure.TimestampOutsideTolerance;
}
