using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace ProducerGen;

/// <summary>
/// A job as the service reports it (<c>GET /v2/jobs/{id}</c>, webhook payloads).
/// Parsing is tolerant: unknown members are ignored and unknown statuses count as pending.
/// </summary>
public sealed class Job
{
    private Job(ApiDescription api, string id, string status, string model)
    {
        Api = api;
        Id = id;
        Status = status;
        Model = model;
    }

    /// <summary>The job's id.</summary>
    public string Id { get; }

    /// <summary>The job's status as the service spelled it, e.g. <c>PROCESSING</c>.</summary>
    public string Status { get; }

    /// <summary>The model the job runs (empty when the service did not say).</summary>
    public string Model { get; }

    /// <summary>Progress from 0 to 100, or <see langword="null"/> when the service gives none.</summary>
    public int? Progress { get; private init; }

    /// <summary>The job's error message when it failed, or <see langword="null"/>.</summary>
    public string? Error { get; private init; }

    /// <summary>The credits the job cost, or <see langword="null"/>.</summary>
    public long? CreditCost { get; private init; }

    /// <summary>The delivery state of the job's webhook (<c>pending</c>, <c>delivered</c>, <c>failed</c>), or <see langword="null"/>.</summary>
    public string? WebhookStatus { get; private init; }

    /// <summary>When the job was created, or <see langword="null"/>.</summary>
    public DateTimeOffset? CreatedAt { get; private init; }

    /// <summary>When the job completed, or <see langword="null"/>.</summary>
    public DateTimeOffset? CompletedAt { get; private init; }

    /// <summary>
    /// <see langword="true"/> once a completed job's output files have been purged from the CDN (after about 24 hours):
    /// the URLs in <see cref="Result"/> may then answer 404. Download outputs promptly.
    /// </summary>
    public bool Expired { get; private init; }

    /// <summary>The job's raw <c>result</c> (a string, an object or an array depending on the model), or <see langword="null"/>. Safe to keep after the response is gone.</summary>
    public JsonElement? Result { get; private init; }

    /// <summary>The job's echoed <c>input</c>, or <see langword="null"/>.</summary>
    public JsonElement? Input { get; private init; }

    /// <summary>Whether the status is one of the API's succeeded statuses.</summary>
    public bool IsSucceeded => Api.IsSucceededStatus(Status);

    /// <summary>Whether the status is one of the API's failed statuses.</summary>
    public bool IsFailed => Api.IsFailedStatus(Status);

    /// <summary>Whether the job is still running; an unknown status counts as pending.</summary>
    public bool IsPending => !IsSucceeded && !IsFailed;

    /// <summary>Whether the status is one the API describes (pending, succeeded or failed).</summary>
    public bool HasKnownStatus => Api.IsKnownStatus(Status);

    private ApiDescription Api { get; }

    /// <summary>Parses a job from its UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON object.</param>
    /// <param name="api">The API, which says which statuses mean what and which member is the id.</param>
    /// <returns>The job.</returns>
    /// <exception cref="JsonException">The text is not a JSON object with an id and a status.</exception>
    public static Job Parse(ReadOnlySpan<byte> utf8Json, ApiDescription api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var root = JsonElement.ParseValue(ref reader);
        return FromJson(root, api);
    }

    /// <summary>Reads a job from a JSON element (e.g. the <c>job</c> member of a webhook payload).</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="api">The API, which says which statuses mean what and which member is the id.</param>
    /// <returns>The job.</returns>
    /// <exception cref="JsonException">The element is not an object with an id and a status.</exception>
    public static Job FromJson(JsonElement json, ApiDescription api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A job must be a JSON object (was {json.ValueKind}).");
        }

        var id = JsonText.String(json, api.JobIdField) ?? JsonText.String(json, "id") ?? JsonText.String(json, "jobId")
            ?? throw new JsonException($"The job object has no '{api.JobIdField}' member.");
        var status = JsonText.String(json, "status") ?? throw new JsonException($"Job {id} has no 'status' member.");
        return new Job(api, id, status, JsonText.String(json, "model") ?? string.Empty)
        {
            Progress = ReadProgress(json),
            Error = JsonText.String(json, "error"),
            CreditCost = JsonText.Int64(json, "creditCost"),
            WebhookStatus = JsonText.String(json, "webhookStatus"),
            CreatedAt = ReadDate(json, "createdAt"),
            CompletedAt = ReadDate(json, "completedAt"),
            Expired = json.TryGetProperty("expired", out var expired) && expired.ValueKind == JsonValueKind.True,
            Result = ReadElement(json, "result"),
            Input = ReadElement(json, "input"),
        };
    }

    /// <summary>Every absolute http(s) URL in <see cref="Result"/>, whatever its shape (a string, <c>{tracks:[{audioUrl,imageUrl}]}</c>, arrays, nesting), in document order without duplicates.</summary>
    /// <returns>The URLs; empty when there is no result.</returns>
    public IReadOnlyList<Uri> GetOutputUrls() => Result is { } result ? OutputUrls.Find(result) : [];

    /// <summary>Throws <see cref="JobFailedException"/> when the job failed; returns the job otherwise.</summary>
    /// <returns>This job.</returns>
    /// <exception cref="JobFailedException">The job's status is a failed status.</exception>
    public Job EnsureSucceeded() => IsFailed ? throw new JobFailedException(this) : this;

    /// <inheritdoc/>
    public override string ToString() => Progress is { } p ? $"Job {Id} {Status} {p}%" : $"Job {Id} {Status}";

    private static int? ReadProgress(JsonElement json)
    {
        if (!json.TryGetProperty("progress", out var value))
        {
            return null;
        }

        double? number = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return number is { } n && !double.IsNaN(n) ? (int)Math.Clamp(Math.Round(n), 0, 100) : null;
    }

    private static DateTimeOffset? ReadDate(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (value.TryGetDateTimeOffset(out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date) ? date : null;
    }

    private static JsonElement? ReadElement(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value.Clone() : null;
}
