using System;
using System.Text.Json;

namespace ProducerGen;

/// <summary>
/// A parsed webhook event. The event name comes from the event header (e.g. <c>X-Webhook-Event</c>) or the body's <c>event</c>/<c>type</c>;
/// the job from the body's <c>job</c> or <c>data</c> member, or the body itself when it is a job object.
/// Parse only bodies whose signature <see cref="WebhookVerifier"/> has verified.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent(WebhookEventType type, string eventName, Job? job, JsonElement payload)
    {
        Type = type;
        EventName = eventName;
        Job = job;
        Payload = payload;
    }

    /// <summary>The kind of event.</summary>
    public WebhookEventType Type { get; }

    /// <summary>The event's name as sent, e.g. <c>completed</c> (empty when none was sent).</summary>
    public string EventName { get; }

    /// <summary>The job the event is about, or <see langword="null"/> when the payload carries none.</summary>
    public Job? Job { get; }

    /// <summary>The job's id, or <see langword="null"/>.</summary>
    public string? JobId => Job?.Id;

    /// <summary>The whole payload.</summary>
    public JsonElement Payload { get; }

    /// <summary>Parses an event from its raw body.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="api">The API, which says which statuses mean what.</param>
    /// <param name="eventHeader">The event header's value, if any; it wins over the body's <c>event</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The body is not a JSON object.</exception>
    public static WebhookEvent Parse(ReadOnlySpan<byte> body, ApiDescription api, string? eventHeader = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var reader = new Utf8JsonReader(body);
        var root = JsonElement.ParseValue(ref reader);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A webhook payload must be a JSON object (was {root.ValueKind}).");
        }

        var name = !string.IsNullOrWhiteSpace(eventHeader) ? eventHeader.Trim() : JsonText.String(root, "event") ?? JsonText.String(root, "type") ?? string.Empty;
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

        return new WebhookEvent(Classify(name, job), name, job, root);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Type} ({EventName}) {Job}";

    private static WebhookEventType Classify(string name, Job? job)
    {
        var bare = name;
        var dot = bare.LastIndexOf('.');
        if (dot >= 0)
        {
            bare = bare[(dot + 1)..]; // "job.completed" -> "completed"
        }

        return bare.ToUpperInvariant() switch
        {
            "PROGRESS" => WebhookEventType.Progress,
            "COMPLETED" or "SUCCEEDED" => WebhookEventType.Completed,
            "FAILED" or "CANCELLED" or "CANCELED" => WebhookEventType.Failed,
            _ when job is { IsSucceeded: true } => WebhookEventType.Completed,
            _ when job is { IsFailed: true } => WebhookEventType.Failed,
            _ when job is not null => WebhookEventType.Progress,
            _ => WebhookEventType.Unknown,
        };
    }
}
