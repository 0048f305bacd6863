using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Apiframe;
using BenchmarkDotNet.Attributes;

namespace ProducerGen.Benchmarks.RequestPath;

/// <summary>
/// Build + validate + serialize one Producer request (all params set, a webhook URL and events) to UTF-8 bytes:
/// the generated <see cref="ProducerRequest"/> (<c>Validate()</c> + <c>WriteJson</c>, serialized exactly as the runtime's
/// <c>ProducerGenClient.Serialize</c> does) against the same shape as a hand-written record with DataAnnotations, serialized by
/// (a) reflection-based <see cref="JsonSerializer"/> and (b) System.Text.Json's source-generated context, both validated by
/// <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}?, bool)"/> with
/// <c>validateAllProperties: true</c> including the nested params object.
/// </summary>
[MemoryDiagnoser]
public class RequestPathBenchmarks
{
    private const string Prompt = "an upbeat synthwave track with a driving bassline";
    private static readonly Uri Webhook = new("https://example.com/hooks/apiframe");

    [GlobalSetup]
    public void Setup()
    {
        // All three produce the same JSON members (order aside) and all three accept the request.
        var generated = JsonDocument.Parse(Generated());
        var reflection = JsonDocument.Parse(DataAnnotationsReflection());
        var sourceGen = JsonDocument.Parse(DataAnnotationsSourceGenerated());
        foreach (var other in new[] { reflection, sourceGen })
        {
            foreach (var property in generated.RootElement.EnumerateObject())
            {
                if (!other.RootElement.TryGetProperty(property.Name, out var value) || value.GetRawText().Length != property.Value.GetRawText().Length)
                {
                    throw new InvalidOperationException($"baseline JSON differs at '{property.Name}': {other.RootElement.GetRawText()} vs {generated.RootElement.GetRawText()}");
                }
            }
        }

        // The peers send every member the generated request sends, with the same values (NSwag adds "lyrics":null: it writes nulls),
        // but compared ignoring case: NSwag's System.Text.Json client sends "model":"Producer" where the document says "producer"
        // (the enum converter it puts on the property ignores the [EnumMember] values it generates); a real server would refuse it.
        foreach (var peer in new[] { JsonDocument.Parse(NSwag()), JsonDocument.Parse(Kiota()) })
        {
            foreach (var property in generated.RootElement.EnumerateObject())
            {
                var peerValue = peer.RootElement.GetProperty(property.Name);
                var same = property.Value.ValueKind == JsonValueKind.Object
                    ? Same(property.Value, peerValue)
                    : string.Equals(property.Value.GetRawText(), peerValue.GetRawText(), StringComparison.OrdinalIgnoreCase);
                if (!same)
                {
                    throw new InvalidOperationException($"a peer's JSON differs at '{property.Name}': {peer.RootElement.GetRawText()} vs {generated.RootElement.GetRawText()}");
                }
            }
        }

        static bool Same(JsonElement expected, JsonElement actual)
        {
            foreach (var member in expected.EnumerateObject())
            {
                if (!actual.TryGetProperty(member.Name, out var value) || !JsonElement.DeepEquals(member.Value, value))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The generated code, as <c>SubmitAsync</c> runs it before sending (the runtime's own <c>RequestBody.SerializeJson</c>).</summary>
    [Benchmark(Description = "generated: build + Validate() + WriteJson")]
    public byte[] Generated()
    {
        var request = GeneratedRequest();
        if (!request.Validate().IsValid)
        {
            throw new InvalidOperationException("invalid");
        }

        return RequestBody.SerializeJson(request);
    }

    /// <summary>The serialization SubmitAsync used before issue 20: a fresh 1 KB <see cref="ArrayBufferWriter{T}"/> and writer per request.</summary>
    [Benchmark(Description = "generated, fresh 1 KB buffer per request (before issue 20)")]
    public byte[] GeneratedFreshBuffer()
    {
        var request = GeneratedRequest();
        if (!request.Validate().IsValid)
        {
            throw new InvalidOperationException("invalid");
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteJson(writer);
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>(a) DataAnnotations + reflection-based JsonSerializer.</summary>
    [Benchmark(Description = "(a) record + DataAnnotations + reflection JsonSerializer")]
    public byte[] DataAnnotationsReflection()
    {
        var request = HandWritten();
        Validate(request);
        return JsonSerializer.SerializeToUtf8Bytes(request, HandWrittenJson.ReflectionOptions);
    }

    /// <summary>The floor of issue 20: hand-written range checks (nothing allocated when valid) + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true, Description = "floor: record + hand checks + STJ source-generated context")]
    public byte[] Floor()
    {
        var request = HandWritten();
        FloorValidation.Validate(request);
        return JsonSerializer.SerializeToUtf8Bytes(request, HandWrittenJsonContext.Default.HandProducerRequest);
    }

    /// <summary>(b) DataAnnotations + System.Text.Json source generation.</summary>
    [Benchmark(Description = "(b) record + DataAnnotations + STJ source-generated context")]
    public byte[] DataAnnotationsSourceGenerated()
    {
        var request = HandWritten();
        Validate(request);
        return JsonSerializer.SerializeToUtf8Bytes(request, HandWrittenJsonContext.Default.HandProducerRequest);
    }

    /// <summary>NSwag's generated model (from the Producer subset of the provider's document) and its serialization; no validation.</summary>
    [Benchmark(Description = "NSwag: generated model + its STJ serialization (no validation)")]
    public byte[] NSwag() => PeerClients.NSwagSerialize(PeerClients.NSwagRequest());

    /// <summary>Kiota's generated model (the oneOf wrapper from the whole document) and its JsonSerializationWriter; no validation.</summary>
    [Benchmark(Description = "Kiota: generated model + JsonSerializationWriter (no validation)")]
    public byte[] Kiota() => PeerClients.KiotaSerialize(PeerClients.KiotaRequest());

    internal static ProducerRequest GeneratedRequest() => new(Prompt)
    {
        WebhookUrl = Webhook,
        WebhookEvents = [MusicWebhookEvent.Completed, MusicWebhookEvent.Failed],
        Params = new ProducerParams
        {
            ModelVersion = ProducerModelVersion.Fuzz2Pro,
            Instrumental = false,
            Title = "Night Drive",
            Seed = "demo-1",
            LyricsStrength = 0.5,
            SoundStrength = 0.7,
            Weirdness = 0.35,
        },
    };

    internal static HandProducerRequest HandWritten() => new()
    {
        Prompt = Prompt,
        WebhookUrl = Webhook,
        WebhookEvents = [HandWebhookEvent.Completed, HandWebhookEvent.Failed],
        Params = new HandProducerParams
        {
            ModelVersion = HandModelVersion.Fuzz2Pro,
            Instrumental = false,
            Title = "Night Drive",
            Seed = "demo-1",
            LyricsStrength = 0.5,
            SoundStrength = 0.7,
            Weirdness = 0.35,
        },
    };

    private static void Validate(HandProducerRequest request)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            throw new InvalidOperationException("invalid: " + string.Join("; ", results));
        }
    }
}
