using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ProducerGen.Emulator.Audio;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Jobs;

/// <summary>Writes the provider's <c>Job</c> object, webhook payloads and results.</summary>
internal static class JobJson
{
    /// <summary>The result shape used when the endpoint declares none: Apiframe's music tracks.</summary>
    private static readonly EquatableArray<MemberSpec> DefaultResult = EquatableArray.From(new[]
    {
        new MemberSpec("tracks", "Tracks", new TypeSpec(
            MemberType.Array,
            Items: new TypeSpec(MemberType.Object, Properties: EquatableArray.From(new[]
            {
                new MemberSpec("id", "Id", new TypeSpec(MemberType.String)),
                new MemberSpec("audioUrl", "AudioUrl", new TypeSpec(MemberType.Url)),
                new MemberSpec("imageUrl", "ImageUrl", new TypeSpec(MemberType.Url)),
                new MemberSpec("title", "Title", new TypeSpec(MemberType.String)),
                new MemberSpec("duration", "Duration", new TypeSpec(MemberType.Number)),
            })))),
    });

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static EquatableArray<MemberSpec> ResultSpec(EndpointSpec endpoint) => endpoint.Result.Count > 0 ? endpoint.Result : DefaultResult;

    /// <summary>How many files (tracks) a result holds: the size of its first array (2 when the schema allows it).</summary>
    public static int TrackCount(EndpointSpec endpoint)
    {
        foreach (var member in ResultSpec(endpoint))
        {
            if (member.Type.Kind == MemberType.Array)
            {
                return ItemCount(member.Type);
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
                var image = lower.Contains("image", StringComparison.Ordinal) || lower.Contains("cover", StringComparison.Ordinal) ||
                            lower.Contains("thumb", StringComparison.Ordinal) || lower.Contains("art", StringComparison.Ordinal);
                writer.WriteStringValue(FileUrl(job, index, image ? "svg" : "wav").AbsoluteUri);
                break;
            case MemberType.String:
                writer.WriteStringValue(
                    lower == "id" ? job.TrackId(index).ToString("D")
                    : lower == "title" ? job.Title
                    : lower == "lyrics" ? job.Recipe.Lyrics ?? string.Empty
                    : lower == "prompt" ? job.Recipe.Prompt
                    : type.IsEnum ? type.EnumValues[0]
                    : $"{name}-{(index + 1).ToString(CultureInfo.InvariantCulture)}");
                break;
            case MemberType.Number:
                writer.WriteNumberValue(lower.Contains("duration", StringComparison.Ordinal) ? MusicSynthesizer.DurationSeconds : type.Minimum ?? 0);
                break;
            case MemberType.Integer:
                writer.WriteNumberValue(
                    type.IsEnum && long.TryParse(type.EnumValues[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first) ? first
                    : lower.Contains("duration", StringComparison.Ordinal) ? (long)(MusicSynthesizer.DurationSeconds * 1000)
                    : (long)(type.Minimum ?? 0));
                break;
            case MemberType.Boolean:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
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
