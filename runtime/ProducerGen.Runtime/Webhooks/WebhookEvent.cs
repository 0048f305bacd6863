using System;
using System.Security.Cryptography;
using System.Text.Json;

namespace ProducerGen;

/// <summary>
/// A parsed webhook event. Its kind comes from the signed body only: the job's status (the body's <c>job</c> or <c>data</c> member,
/// or the body itself when it is a job object) and the body's <c>event</c>/<c>type</c>. The unsigned event header
/// (e.g. <c>X-Webhook-Event</c>) never decides; when it is sent it must agree with the body, or parsing fails.
/// Parse only bodies whose signature <see cref="WebhookVerifier"/> has verified.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent(WebhookEventType type, string eventName, Job? job, JsonElement payload, string deduplicationKey)
    {
        Type = type;
        EventName = eventName;
        Job = job;
        Payload = payload;
        DeduplicationKey = deduplicationKey;
    }

    /// <summary>
    /// The kind of event, as the signed body says. <see cref="WebhookEventType.Completed"/> means the body's job has a succeeded status
    /// and <see cref="WebhookEventType.Failed"/> a failed one (or, for a body without a job, that its <c>event</c> says so);
    /// a job whose status the API does not declare gives <see cref="WebhookEventType.Unknown"/>.
    /// </summary>
    public WebhookEventType Type { get; }

    /// <summary>The event's name as the signed body gives it (<c>event</c> or <c>type</c>), e.g. <c>completed</c>; empty when the body names none. Never taken from the header.</summary>
    public string EventName { get; }

    /// <summary>The job the event is about, or <see langword="null"/> when the payload carries none.</summary>
    public Job? Job { get; }

    /// <summary>The job's id, or <see langword="null"/>.</summary>
    public string? JobId => Job?.Id;

    /// <summary>The whole payload.</summary>
    public JsonElement Payload { get; }

    /// <summary>
    /// The delivery's identity: <c>{api}:id:{webhook id}</c> where the scheme signs a delivery id (Standard Webhooks), else
    /// <c>{api}:{job id}:{kind}:{SHA-256 of the raw body, upper-case hex}</c>. A sender's retries of one delivery carry the
    /// same bytes and so the same key; two different deliveries (progress at 25 and at 50, or the terminal event) never share one.
    /// Used to acknowledge a delivery already handled without handling it again (see <see cref="IWebhookDeduplicationStore"/>).
    /// </summary>
    public string DeduplicationKey { get; }

    /// <summary>Parses an event from its raw, already verified body.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="api">The API, which says which statuses mean what.</param>
    /// <param name="eventHeader">
    /// The unsigned event header's value, if any. It never decides the kind: when it is present it must name the same kind as the
    /// signed body (<c>completed</c> and <c>job.completed</c> both name <see cref="WebhookEventType.Completed"/>).
    /// </param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The body is not a JSON object.</exception>
    /// <exception cref="WebhookVerificationException">
    /// The event header names another kind than the body (<see cref="WebhookVerificationFailure.EventHeaderMismatch"/>), or the body's
    /// <c>event</c> contradicts its job's status (<see cref="WebhookVerificationFailure.InconsistentEvent"/>).
    /// </exception>
    public static WebhookEvent Parse(ReadOnlySpan<byte> body, ApiDescription api, string? eventHeader = null) => Parse(body, api, eventHeader, deliveryId: null);

    /// <summary>Parses an event whose signed delivery id (Standard Webhooks' <c>webhook-id</c>), when there is one, is its deduplication key.</summary>
    internal static WebhookEvent Parse(ReadOnlySpan<byte> body, ApiDescription api, string? eventHeader, string? deliveryId)
    {
        ArgumentNullException.ThrowIfNull(api);
        var reader = new Utf8JsonReader(body);
        var root = JsonElement.ParseValue(ref reader);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A webhook payload must be a JSON object (was {root.ValueKind}).");
        }

        var name = (JsonText.String(root, "event") ?? JsonText.String(root, "type") ?? string.Empty).Trim();
        Job? job = null;
        foreach (var member in new[] { "job", "data" })
        {
            if (root.TryGetProperty(member, out var element) && element.ValueKind == JsonValueKind.Object)
            {
                job = Job.FromJson(element, api);
                break;
            }
        }

        if (job is null && root.TryGetProperty("status", out _) && (root.TryGetProperty(api.JobIdField, out _) || root.TryGetProperty("jobId", out _)))
        {
            job = Job.FromJson(root, api);
        }

        var type = Classify(name, job);
        if (!string.IsNullOrWhiteSpace(eventHeader) && ClassifyName(eventHeader) is var claimed && claimed != type)
        {
            // The header is not covered by the signature: a captured delivery replayed with another header is a forgery.
            throw new WebhookVerificationException(
                WebhookVerificationFailure.EventHeaderMismatch,
                $"The webhook's event header names a {claimed} event but its signed body is a {type} event; the header is not signed, so the delivery cannot be trusted.");
        }

        // A signed delivery id names the delivery itself: a replay under a fresh timestamp and signature still carries it.
        var key = deliveryId is not null
            ? string.Concat(api.Name, ":id:", deliveryId)
            : string.Concat(api.Name, ":", job?.Id ?? "-", ":", KindName(type), ":", Convert.ToHexString(SHA256.HashData(body)));
        return new WebhookEvent(type, name, job, root, key);
    }

    /// <inheritdoc/>
    public override string ToString() => EventName.Length == 0 ? $"{Type} {Job}" : $"{Type} ({EventName}) {Job}";

    private static WebhookEventType Classify(string name, Job? job)
    {
        var named = name.Length == 0 ? (WebhookEventType?)null : ClassifyName(name);
        if (job is null)
        {
            return named ?? WebhookEventType.Unknown;
        }

        var fromStatus = job.IsSucceeded ? WebhookEventType.Completed
            : job.IsFailed ? WebhookEventType.Failed
            : job.HasKnownStatus ? WebhookEventType.Progress
            : WebhookEventType.Unknown;
        if (fromStatus != WebhookEventType.Unknown && named is { } n && n != WebhookEventType.Unknown && n != fromStatus)
        {
            throw new WebhookVerificationException(
                WebhookVerificationFailure.InconsistentEvent,
                $"The webhook's body names a {n} event but its job has status {job.Status}; it is not acted on.");
        }

        return fromStatus;
    }

    private static string KindName(WebhookEventType type) => type switch
    {
        WebhookEventType.Progress => "progress",
        WebhookEventType.Completed => "completed",
        WebhookEventType.Failed => "failed",
        _ => "unknown",
    };

    private static WebhookEventType ClassifyName(string name)
    {
        var bare = name.AsSpan().Trim();
        var dot = bare.LastIndexOf('.');
        if (dot >= 0)
        {
            bare = bare[(dot + 1)..]; // "job.completed" -> "completed"
        }

        return bare switch
        {
            _ when bare.Equals("progress", StringComparison.OrdinalIgnoreCase) => WebhookEventType.Progress,
            _ when bare.Equals("completed", StringComparison.OrdinalIgnoreCase) || bare.Equals("succeeded", StringComparison.OrdinalIgnoreCase) => WebhookEventType.Completed,
            _ when bare.Equals("failed", StringComparison.OrdinalIgnoreCase) || bare.Equals("cancelled", StringComparison.OrdinalIgnoreCase) || bare.Equals("canceled", StringComparison.OrdinalIgnoreCase) => WebhookEventType.Failed,
            _ => WebhookEventType.Unknown,
        };
    }
}
