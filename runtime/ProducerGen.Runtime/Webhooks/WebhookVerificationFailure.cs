namespace ProducerGen;

/// <summary>Why a webhook was not trusted; see <see cref="WebhookVerificationException.Reason"/>.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>Not said (the exception was created without a reason).</summary>
    Unspecified = 0,

    /// <summary>The delivery carries no signature.</summary>
    SignatureMissing,

    /// <summary>The signature is malformed, made with another key, or made for other bytes (an altered or truncated body).</summary>
    SignatureMismatch,

    /// <summary>The signature is valid but the body is not a JSON object.</summary>
    NotAnEvent,

    /// <summary>
    /// The signature is valid but the unsigned event header (e.g. <c>X-Webhook-Event</c>) names another kind of event than the signed
    /// body: a captured delivery replayed with a forged header, e.g. a progress body sent as <c>completed</c>.
    /// </summary>
    EventHeaderMismatch,

    /// <summary>The signature is valid but the body contradicts itself: its <c>event</c> names another kind than its job's status.</summary>
    InconsistentEvent,

    /// <summary>The signature is valid but its signed timestamp is further from now than the tolerance allows: an old delivery replayed, or a clock far off.</summary>
    TimestampOutsideTolerance,
}
