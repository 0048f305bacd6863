using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace ProducerGen;

/// <summary>
/// A job as the service reports it (a poll of the job route, webhook payloads), read where the API's <see cref="JobShape"/> says.
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

    /// <summary>The job's machine-readable failure code when the API gives one (<see cref="JobShape.ErrorCodePath"/>, or an error object's <c>code</c>), or <see langword="null"/>.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>The whole JSON answer the job was read from, for members the schema does not name. Safe to keep after the response is gone.</summary>
    public JsonElement Raw { get; private init; }

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

    /// <summary>Whether the status is one of the API's succeeded statuses (and, where the API says so, the job carries no error).</summary>
    public bool IsSucceeded => Api.IsSucceededStatus(Status) && !FailedByError;

    /// <summary>Whether the status is one of the API's failed statuses, or a succeeded one with an error where the API marks failure that way (<see cref="JobShape.ErrorFailsJob"/>).</summary>
    public bool IsFailed => Api.IsFailedStatus(Status) || FailedByError;

    /// <summary>Whether the job is still running; an unknown status counts as pending.</summary>
    public bool IsPending => !IsSucceeded && !IsFailed;

    /// <summary>Whether the status is one the API describes (pending, succeeded or failed).</summary>
    public bool HasKnownStatus => Api.IsKnownStatus(Status);

    private ApiDescription Api { get; }

    private IReadOnlyList<Uri>? ContentUrls { get; init; }

    private bool FailedByError => Error is not null && Api.JobShape.ErrorFailsJob && Api.IsSucceededStatus(Status);

    /// <summary>Parses a job from its UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON object.</param>
    /// <param name="api">The API, which says where the id, status, progress, result and error are and which statuses mean what.</param>
    /// <returns>The job.</returns>
    /// <exception cref="JsonException">The text is not a JSON object with an id and a status.</exception>
    public static Job Parse(ReadOnlySpan<byte> utf8Json, ApiDescription api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return FromJson(ParseRoot(utf8Json), api);
    }

    /// <summary>Reads a job from a JSON element (e.g. the <c>job</c> member of a webhook payload).</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="api">The API, which says where the id, status, progress, result and error are and which statuses mean what.</param>
    /// <returns>The job.</returns>
    /// <exception cref="JsonException">The element is not an object with an id and a status.</exception>
    public static Job FromJson(JsonElement json, ApiDescription api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Read(json, api, expectedId: null, httpStatus: null);
    }

    /// <summary>
    /// Parses <paramref name="utf8Json"/> in place, for a caller that is done with the element before it disposes the document (a
    /// submit's answer): no copy of the bytes and a pooled metadata table, where <see cref="ParseRoot"/> copies both so the element can
    /// outlive the buffer. <see langword="null"/> where the document parser refuses the body: the caller then uses
    /// <see cref="ParseRoot"/>, which accepts what it always accepted (a value followed by other text) or throws as before.
    /// </summary>
    internal static JsonDocument? TryParseInPlace(byte[] utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static JsonElement ParseRoot(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// Reads a job through the API's <see cref="JobShape"/>. <paramref name="expectedId"/> is the id asked for: a body that names
    /// no id (when the shape declares the id's path) is that job. <paramref name="httpStatus"/> is the poll's status code.
    /// </summary>
    internal static Job Read(JsonElement json, ApiDescription api, string? expectedId, int? httpStatus)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A job must be a JSON object (was {json.ValueKind}).");
        }

        // One clone of the whole answer; every value read below lives inside it, so keeping them costs nothing more.
        json = json.Clone();
        var reader = api.JobReader;
        var id = reader.ReadJobId(json);
        if (id is null)
        {
            id = reader.HasIdPath ? expectedId : null;
            if (id is null)
            {
                throw new JsonException($"The job object has no '{(reader.HasIdPath ? reader.IdDescription : api.JobIdField)}' member.");
            }
        }

        var status = reader.Shape.StatusSource == JobStatusSource.HttpStatus
            ? httpStatus?.ToString(CultureInfo.InvariantCulture) ?? throw new JsonException($"Job {id}'s status is its poll's HTTP status, which a job read from JSON alone does not have.")
            : reader.ReadStatus(json) ?? throw new JsonException($"Job {id} has no {reader.StatusDescription} member.");
        var (error, errorCode) = reader.ReadError(json);
        return new Job(api, id, status, reader.ReadModel(json))
        {
            Progress = reader.ReadProgress(json),
            Error = error,
            ErrorCode = errorCode,
            CreditCost = JsonText.Int64(json, "creditCost"),
            WebhookStatus = JsonText.String(json, "webhookStatus"),
            CreatedAt = reader.ReadCreatedAt(json),
            CompletedAt = reader.ReadCompletedAt(json),
            Expired = json.TryGetProperty("expired", out var expired) && expired.ValueKind == JsonValueKind.True,
            Result = reader.Shape.ResultRoute is null ? reader.ReadResult(json) : null,
            Input = ReadElement(json, "input"),
            Raw = json,
        };
    }

    /// <summary>A job built from its members, not from JSON: what <see cref="ProducerGenModelFactory.Job"/> returns.</summary>
    internal static Job Create(ApiDescription api, string id, string status, string model, int? progress, string? error, string? errorCode,
        JsonElement? result, DateTimeOffset? createdAt, DateTimeOffset? completedAt, long? creditCost, bool expired,
        IReadOnlyList<Uri>? outputUrls, string? webhookStatus, JsonElement? input, JsonElement raw) => new(api, id, status, model)
        {
            Progress = progress,
            Error = error,
            ErrorCode = errorCode,
            Result = result,
            CreatedAt = createdAt,
            CompletedAt = completedAt,
            CreditCost = creditCost,
            Expired = expired,
            ContentUrls = outputUrls,
            WebhookStatus = webhookStatus,
            Input = input,
            Raw = raw,
        };

    /// <summary>This job with the result read from a separate result endpoint.</summary>
    internal Job WithResult(JsonElement? result) => Copy(result, ContentUrls);

    /// <summary>This job with the URLs of its binary content endpoint as its output URLs.</summary>
    internal Job WithContentUrls(IReadOnlyList<Uri> urls) => Copy(Result, urls);

    private Job Copy(JsonElement? result, IReadOnlyList<Uri>? contentUrls) => new(Api, Id, Status, Model)
    {
        Progress = Progress,
        Error = Error,
        ErrorCode = ErrorCode,
        CreditCost = CreditCost,
        WebhookStatus = WebhookStatus,
        CreatedAt = CreatedAt,
        CompletedAt = CompletedAt,
        Expired = Expired,
        Result = result,
        Input = Input,
        Raw = Raw,
        ContentUrls = contentUrls,
    };

    /// <summary>Every absolute http(s) URL in <see cref="Result"/>, whatever its shape (a string, <c>{tracks:[{audioUrl,imageUrl}]}</c>, arrays, nesting), in document order without duplicates.</summary>
    /// <returns>The URLs; empty when there is no result.</returns>
    /// <remarks>When the API serves outputs from a content endpoint (<see cref="JobShape.ContentRoute"/>), these are its URLs, one per variant, main output first.</remarks>
    public IReadOnlyList<Uri> GetOutputUrls() => ContentUrls ?? (Result is { } result ? OutputUrls.Find(result) : []);

    /// <summary>Throws <see cref="JobFailedException"/> when the job failed; returns the job otherwise.</summary>
    /// <returns>This job.</returns>
    /// <exception cref="JobFailedException">The job's status is a failed status.</exception>
    public Job EnsureSucceeded() => IsFailed ? throw new JobFailedException(this) : this;

    /// <inheritdoc/>
    public override string ToString() => Progress is { } p ? $"Job {Id} {Status} {p}%" : $"Job {Id} {Status}";

    private static JsonElement? ReadElement(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value.Clone() : null;
}
