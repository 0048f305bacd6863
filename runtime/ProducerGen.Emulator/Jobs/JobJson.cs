using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ProducerGen.Emulator.Audio;
using ProducerGen.Emulator.Media;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Jobs;

/// <summary>Writes the provider's <c>Job</c> object, webhook payloads and results.</summary>
internal static class JobJson
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The endpoint's declared result, or its modality's shape (Apiframe's music tracks, images, videos).</summary>
    public static EquatableArray<MemberSpec> ResultSpec(EndpointSpec endpoint) =>
        endpoint.Result.Count > 0 ? endpoint.Result : ResultShapes.For(ModalityOf.Endpoint(endpoint));

    /// <summary>
    /// How many files (tracks, images, videos) a result holds: as many as the params ask for (<see cref="MediaPlan.Count"/>)
    /// when the result has a list, else the size of its first array (2 when the schema allows it; the modality's default
    /// for an undeclared result), 1 without an array.
    /// </summary>
    public static int TrackCount(EndpointSpec endpoint, MediaPlan plan)
    {
        if (endpoint.Result.Count == 0)
        {
            return plan.Count ?? ResultShapes.DefaultCount(plan.Modality);
        }

        foreach (var member in endpoint.Result)
        {
            if (member.Type.Kind == MemberType.Array)
            {
                return plan.Count is { } count ? Bounded(member.Type, count) : ItemCount(member.Type);
            }
        }

        return 1;
    }

    public static void WriteJob(Utf8JsonWriter writer, EmulatedJob job, JobSnapshot state, string idField, string? webhookStatus, bool expired, string? statusText = null, bool includeInput = true)
    {
        writer.WriteStartObject();
        writer.WriteString(idField, job.Id.ToString("D"));
        writer.WriteString("status", statusText ?? state.Status);
        writer.WriteString("model", job.Model.Id);
        writer.WriteNumber("progress", state.Progress);
        if (state.Error is null)
        {
            writer.WriteNull("error");
        }
        else
        {
            writer.WriteString("error", state.Error);
        }

        writer.WriteNumber("creditCost", job.CreditCost);
        if (webhookStatus is null)
        {
            writer.WriteNull("webhookStatus");
        }
        else
        {
            writer.WriteString("webhookStatus", webhookStatus);
        }

        writer.WriteString("createdAt", Timestamp(job.CreatedAt));
        if (state.CompletedAt is { } completed)
        {
            writer.WriteString("completedAt", Timestamp(completed));
        }
        else
        {
            writer.WriteNull("completedAt");
        }

        writer.WritePropertyName("result");
        if (state.Status == JobStatus.Completed)
        {
            WriteResult(writer, job);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteBoolean("expired", expired);
        if (includeInput)
        {
            writer.WritePropertyName("input");
            job.Input.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    public static byte[] WebhookPayload(string eventName, EmulatedJob job, JobSnapshot state, string idField, string webhookStatus)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", eventName);
            writer.WriteString("jobId", job.Id.ToString("D"));
            writer.WritePropertyName("job");
            WriteJob(writer, job, state, idField, webhookStatus, expired: false);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static Uri FileUrl(EmulatedJob job, int index, string extension) =>
        new(job.PublicBase, $"files/{job.Id:D}/{(index + 1).ToString(CultureInfo.InvariantCulture)}.{extension}");

    /// <summary>The result object of a completed job, as written at the schema's result path.</summary>
    public static void WriteResultValue(Utf8JsonWriter writer, EmulatedJob job) => WriteResult(writer, job);

    /// <summary>The result object as JSON text, for APIs that send it as a string.</summary>
    public static string ResultText(EmulatedJob job)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteResult(writer, job);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteResult(Utf8JsonWriter writer, EmulatedJob job)
    {
        writer.WriteStartObject();
        if (job.IsStems)
        {
            // A stems split: the parent track as its two parts, files 1 and 2; such a result accepts no further actions.
            writer.WriteString("vocals", FileUrl(job, 0, "wav").AbsoluteUri);
            writer.WriteString("instrumental", FileUrl(job, 1, "wav").AbsoluteUri);
            writer.WriteEndObject();
            return;
        }

        foreach (var member in ResultSpec(job.Endpoint))
        {
            writer.WritePropertyName(member.Name);
            WriteValue(writer, job, member.Name, member.Type, 0, job.TrackCount);
        }

        writer.WriteEndObject();
    }

    // count: for a top-level array, the job's own file count (a follow-up action's; the first array's size otherwise).
    private static void WriteValue(Utf8JsonWriter writer, EmulatedJob job, string name, TypeSpec type, int index, int? count = null)
    {
        var lower = name.ToLowerInvariant();
        switch (type.Kind)
        {
            case MemberType.Array:
                writer.WriteStartArray();
                if (type.Items is { } items)
                {
                    for (var i = 0; i < (count ?? ItemCount(type)); i++)
                    {
                        WriteValue(writer, job, name, items, i);
                    }
                }

                writer.WriteEndArray();
                break;
            case MemberType.Object:
                writer.WriteStartObject();
                foreach (var property in type.Properties)
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, job, property.Name, property.Type, index);
                }

                writer.WriteEndObject();
                break;
            case MemberType.Url:
                writer.WriteStringValue(FileUrl(job, index, MediaFiles.ExtensionFor(job.Media, name)).AbsoluteUri);
                break;
            case MemberType.String:
                writer.WriteStringValue(
                    lower == "id" ? job.TrackId(index).ToString("D")
                    : lower == "title" ? job.Title
                    : lower == "lyrics" ? job.Recipe.Lyrics ?? string.Empty
                    : lower == "prompt" ? job.Recipe.Prompt
                    : lower is "contenttype" or "content_type" or "mimetype" or "mime_type" ? MediaFiles.MainContentType(job.Media)
                    : type.IsEnum ? type.EnumValues[0]
                    : $"{name}-{(index + 1).ToString(CultureInfo.InvariantCulture)}");
                break;
            case MemberType.Number:
                writer.WriteNumberValue(
                    lower.Contains("duration", StringComparison.Ordinal) ? DurationSeconds(job)
                    : Dimension(job, lower) ?? type.Minimum ?? 0);
                break;
            case MemberType.Integer:
                writer.WriteNumberValue(
                    type.IsEnum && long.TryParse(type.EnumValues[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first) ? first
                    : lower.Contains("duration", StringComparison.Ordinal) ? (long)(DurationSeconds(job) * 1000)
                    : Dimension(job, lower) ?? (long)(type.Minimum ?? 0));
                break;
            case MemberType.Boolean:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static double DurationSeconds(EmulatedJob job) => job.Media.Modality.IsVideo() ? job.Media.Seconds : MusicSynthesizer.DurationSeconds;

    /// <summary>The main file's width or height for a member so named (images and videos), else null.</summary>
    private static int? Dimension(EmulatedJob job, string lower) =>
        job.Media.Modality == Modality.Music ? null
        : lower is "width" or "w" ? job.Media.Width
        : lower is "height" or "h" ? job.Media.Height
        : null;

    private static int Bounded(TypeSpec array, int count)
    {
        if (array.MaxItems is { } max)
        {
            count = Math.Min(count, Math.Max(1, max));
        }

        return array.MinItems is { } min ? Math.Max(count, min) : count;
    }

    private static int ItemCount(TypeSpec array)
    {
        var count = 2;
        if (array.MaxItems is { } max)
        {
            count = Math.Min(count, Math.Max(1, max));
        }

        if (array.MinItems is { } min)
        {
            count = Math.Max(count, min);
        }

        return count;
    }
}
