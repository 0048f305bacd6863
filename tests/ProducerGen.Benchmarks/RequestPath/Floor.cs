using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.Benchmarks.RequestPath;

// The floor of issue 20: what a careful developer writes by hand with no library at all: the DTO records of HandWritten.cs
// serialized by a System.Text.Json source-generated context, the schema's ranges, lengths and steps checked by hand (no
// DataAnnotations, no reflection, nothing allocated when valid), and HttpClient used directly.

/// <summary>Hand-written checks of the Producer request's constraints: the same rules the schema states, with no error list.</summary>
public static class FloorValidation
{
    /// <summary>Throws on the first broken rule; allocates nothing when the request is valid.</summary>
    public static void Validate(HandProducerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Prompt is not { Length: >= 1 and <= 5000 })
        {
            throw new ArgumentException("prompt must be 1 to 5000 characters", nameof(request));
        }

        if (request.WebhookUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            throw new ArgumentException("webhookUrl must be an absolute http(s) URL", nameof(request));
        }

        if (request.WebhookEvents is { Count: 0 })
        {
            throw new ArgumentException("webhookEvents must have at least 1 item", nameof(request));
        }

        if (request.WebhookEvents is { } events)
        {
            foreach (var e in events)
            {
                if (!Enum.IsDefined(e))
                {
                    throw new ArgumentException("webhookEvents holds an undefined value", nameof(request));
                }
            }
        }

        if (request.Params is not { } p)
        {
            return;
        }

        if (p.ModelVersion is { } version && !Enum.IsDefined(version))
        {
            throw new ArgumentException("model_version is undefined", nameof(request));
        }

        if (p.Lyrics is { Length: > 5000 } || p.Title is { Length: > 80 })
        {
            throw new ArgumentException("lyrics or title too long", nameof(request));
        }

        Step(p.LyricsStrength, 0.0, 1.0, 0.05, "lyrics_strength");
        Step(p.SoundStrength, 0.2, 1.0, 0.05, "sound_strength");
        Step(p.Weirdness, 0.0, 1.0, 0.05, "weirdness");
    }

    private static void Step(double? value, double minimum, double maximum, double step, string name)
    {
        if (value is not { } v)
        {
            return;
        }

        var k = (v - minimum) / step;
        if (!double.IsFinite(v) || v < minimum || v > maximum || Math.Abs(k - Math.Round(k)) > 1e-9 * Math.Max(1.0, Math.Abs(k)))
        {
            throw new ArgumentException($"{name} must be in [{minimum}, {maximum}] on the {step} grid", nameof(value));
        }
    }
}

/// <summary>The 202 answer of <c>POST /v2/music/generate</c>, as a hand-written client reads it.</summary>
public sealed record FloorAccepted
{
    [JsonPropertyName("jobId")]
    public string? JobId { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }
}

[JsonSerializable(typeof(FloorAccepted))]
public sealed partial class FloorJsonContext : JsonSerializerContext;

/// <summary>The hand-written submit: validate, serialize, POST with the key and a fresh idempotency key, read the 202.</summary>
/// <param name="newKey">Makes the idempotency key; by default <see cref="Guid.NewGuid"/>, as a hand-written client would.</param>
public sealed class FloorClient(HttpClient http, Uri baseAddress, string apiKey, Func<string>? newKey = null)
{
    private readonly Func<string> _newKey = newKey ?? (static () => Guid.NewGuid().ToString("N"));

    private readonly Uri _generate = new(baseAddress, "/v2/music/generate");

    public async Task<FloorAccepted> SubmitAsync(HandProducerRequest request, CancellationToken cancellationToken = default)
    {
        FloorValidation.Validate(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, HandWrittenJsonContext.Default.HandProducerRequest);
        using var message = new HttpRequestMessage(HttpMethod.Post, _generate);
        message.Headers.TryAddWithoutValidation("X-API-Key", apiKey);
        message.Headers.TryAddWithoutValidation("Idempotency-Key", _newKey());
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted && !response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        }

        return await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.FloorAccepted, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("empty answer");
    }
}

/// <summary>
/// An in-memory server: answers every request with the canned 202 of a submission, reading nothing. The job id is a UUID, as the
/// provider's document declares it (<c>format: uuid</c>; NSwag and Kiota parse it into a <see cref="Guid"/>).
/// </summary>
public sealed class Canned202Handler : HttpMessageHandler
{
    /// <summary>The job id of every answer.</summary>
    public const string JobId = "3f1c9a52-7b2e-4d1a-9c8e-5a6b7c8d9e0f";

    private static readonly byte[] Accepted = """{"jobId":"3f1c9a52-7b2e-4d1a-9c8e-5a6b7c8d9e0f","status":"QUEUED"}"""u8.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Accepted);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted) { Content = content, RequestMessage = request });
    }
}
