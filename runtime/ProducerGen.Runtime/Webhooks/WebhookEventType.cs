namespace ProducerGen;

/// <summary>The kind of a webhook event.</summary>
public enum WebhookEventType
{
    /// <summary>An event this runtime does not know; see <see cref="WebhookEvent.EventName"/>.</summary>
    Unknown = 0,

    /// <summary>The job made progress (<c>progress</c>).</summary>
    Progress,

    /// <summary>The job completed (<c>completed</c>).</summary>
    Completed,

    /// <summary>The job failed or was cancelled (<c>failed</c>).</summary>
    Failed,
}
