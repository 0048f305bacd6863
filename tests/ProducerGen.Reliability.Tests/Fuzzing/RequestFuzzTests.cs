using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Apiframe;
using ProducerGen.Emulator;
using ProducerGen.Reliability.Tests.Support;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Reliability.Tests.Fuzzing;

/// <summary>
/// Random values for every param of every music model through the generated <c>Validate()</c> and JSON writer, then the
/// emulator's independent <see cref="SchemaRequestValidator"/> on the bytes: both must give the same verdict.
/// </summary>
public sealed class RequestFuzzTests(ITestOutputHelper output)
{
    private static readonly SchemaDocument Document = SchemaLoader.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "apiframe-music.producergen.yaml"))).Document!;

    [Fact]
    public void Fast_10000_random_requests_get_the_same_verdict_from_Validate_and_the_emulator() => Campaign("request-fuzz-fast", 10_000, seed: 1);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_200000_random_requests_get_the_same_verdict_from_Validate_and_the_emulator() => Campaign("request-fuzz-long", 200_000, seed: 2);

    private void Campaign(string name, int requests, int seed)
    {
        var random = new Random(seed);
        var validator = new SchemaRequestValidator(Document);
        var endpoint = Document.Endpoints.Single(e => e.Name == "music");
        int bothValid = 0, bothInvalid = 0, unsendable = 0, pathMismatches = 0;
        var disagreements = new List<string>();
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < requests; i++)
        {
            var request = RandomRequest(random);
            var verdict = request.Validate();
            buffer.ResetWrittenCount();
            try
            {
                using var writer = new Utf8JsonWriter(buffer);
                request.WriteJson(writer);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Only requests Validate() refuses may be unwritable: those never reach the wire.
                unsendable++;
                if (verdict.IsValid)
                {
                    disagreements.Add($"#{i} Validate() accepts a request the JSON writer cannot write ({e.GetType().Name}: {e.Message}): {request}");
                }

                continue;
            }

            using var json = JsonDocument.Parse(buffer.WrittenMemory);
            var emulator = validator.Validate(endpoint, json.RootElement);
            if (verdict.IsValid != emulator.IsValid)
            {
                disagreements.Add($"#{i} Validate(): {(verdict.IsValid ? "valid" : string.Join("; ", verdict.Errors.Select(e => e.ToString())))} | emulator: {(emulator.IsValid ? "valid" : string.Join("; ", emulator.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))} | body: {Shorten(Encoding.UTF8.GetString(buffer.WrittenSpan))}");
                continue;
            }

            if (verdict.IsValid)
            {
                bothValid++;
            }
            else
            {
                bothInvalid++;
                var runtimePaths = verdict.Errors.Select(e => e.Path).Distinct().Order(StringComparer.Ordinal);
                if (!runtimePaths.SequenceEqual(emulator.Errors.Keys.Order(StringComparer.Ordinal)))
                {
                    pathMismatches++;
                }
            }
        }

        new Figures(name)
            .Add("requests", requests)
            .Add("same verdict: both valid", bothValid)
            .Add("same verdict: both invalid", bothInvalid)
            .Add("  of which the same error paths", bothInvalid - pathMismatches)
            .Add("refused by Validate() and unwritable (NaN, undefined enum…)", unsendable)
            .Add("disagreements", disagreements.Count)
            .Report(output);
        foreach (var disagreement in disagreements.Take(20))
        {
            output.WriteLine(disagreement);
        }

        Assert.Empty(disagreements);
        Assert.True(bothValid > requests / 10 && bothInvalid > requests / 10, "the generator exercises both verdicts");
    }

    private static IGenerationRequest RandomRequest(Random r)
    {
        var prompt = RandomString(r, 1, 5000) ?? "x";
        switch (r.Next(7))
        {
            case 0:
                return new ProducerRequest(prompt)
                {
                    WebhookUrl = RandomUrl(r),
                    WebhookEvents = RandomEvents(r),
                    Params = r.Next(8) == 0 ? null : new ProducerParams
                    {
                        ModelVersion = RandomEnum<ProducerModelVersion>(r),
                        Instrumental = RandomBool(r),
                        Lyrics = RandomString(r, null, 5000),
                        Title = RandomString(r, null, 80),
                        Seed = RandomString(r, null, null),
                        LyricsStrength = RandomNumber(r, 0, 1, 0.05),
                        SoundStrength = RandomNumber(r, 0.2, 1, 0.05),
                        Weirdness = RandomNumber(r, 0, 1, 0.05),
                    },
                };
            case 1:
                return new SunoRequest(prompt)
                {
                    WebhookUrl = RandomUrl(r),
                    WebhookEvents = RandomEvents(r),
                    Params = r.Next(8) == 0 ? null : new SunoParams
                    {
                        ModelVersion = RandomEnum<SunoModelVersion>(r),
                        AutoLyrics = RandomBool(r),
                        CustomMode = RandomBool(r),
                        Instrumental = RandomBool(r),
                        NegativeTags = RandomString(r, null, 500),
                        Style = RandomString(r, null, 1000),
                        StyleWeight = RandomNumber(r, 0, 1, null),
                        Title = RandomString(r, null, 80),
                        VocalGender = RandomEnum<SunoVocalGender>(r),
                        WeirdnessConstraint = RandomNumber(r, 0, 1, null),
                    },
                };
            case 2:
                return new UdioRequest(prompt)
                {
                    WebhookUrl = RandomUrl(r),
                    WebhookEvents = RandomEvents(r),
                    Params = r.Next(8) == 0 ? null : new UdioParams
                    {
                        LyricsType = RandomEnum<UdioLyricsType>(r),
                        NegativeTags = RandomString(r, null, 500),
                        Seed = RandomLong(r, null, null),
                        Style = RandomString(r, null, 1000),
                        Title = RandomString(r, null, 80),
                    },
                };
            case 3:
                return new Lyria3ClipRequest(prompt) { WebhookUrl = RandomUrl(r), WebhookEvents = RandomEvents(r), Params = new Lyria3ClipParams { ReferenceImages = RandomUrls(r, 10) } };
            case 4:
                return new Lyria3ProRequest(prompt) { WebhookUrl = RandomUrl(r), WebhookEvents = RandomEvents(r), Params = new Lyria3ProParams { ReferenceImages = RandomUrls(r, 10) } };
            case 5:
                return new ElevenlabsMusicRequest(prompt)
                {
                    WebhookUrl = RandomUrl(r),
                    WebhookEvents = RandomEvents(r),
                    Params = new ElevenlabsMusicParams { ForceInstrumental = RandomBool(r), MusicLengthMs = RandomLong(r, 5000, 300000), OutputFormat = RandomEnum<ElevenlabsMusicOutputFormat>(r) },
                };
            default:
                return new MurekaRequest(prompt)
                {
                    WebhookUrl = RandomUrl(r),
                    WebhookEvents = RandomEvents(r),
                    Params = new MurekaParams { ModelVersion = RandomEnum<MurekaModelVersion>(r), Instrumental = RandomBool(r), Lyrics = RandomString(r, null, 3000), N = RandomLong(r, 1, 3) },
                };
        }
    }

    private static readonly string[] Alphabet = ["a", "Z", "0", " ", "é", "日", "😀", "\u0000", "\u0001", "\n", "\t", "\"", "\\", "\u202e", "\u2028", "\uFEFF", "<", "&", "'", "\u00a0", "\ud800"];

    private static string? RandomString(Random r, int? minLength, int? maxLength)
    {
        if (r.Next(3) == 0)
        {
            return null;
        }

        var bound = maxLength ?? 300;
        var length = r.Next(6) switch
        {
            0 => 0,
            1 => bound,
            2 => bound + 1,
            3 => Math.Max(0, bound - 1),
            4 => minLength ?? 1,
            _ => r.Next(0, Math.Min(bound + 20, 600)),
        };
        var text = new StringBuilder(length + 2);
        while (text.Length < length)
        {
            // Mostly ASCII; a surrogate pair counts two UTF-16 units, as the service counts; a lone surrogate now and then.
            var unit = r.Next(10) < 7 ? ((char)r.Next('a', 'z' + 1)).ToString() : Alphabet[r.Next(r.Next(40) == 0 ? Alphabet.Length : Alphabet.Length - 1)];
            text.Append(unit);
        }

        return text.Length > length && length > 0 && !char.IsHighSurrogate(text[length - 1]) ? text.ToString(0, length) : text.ToString();
    }

    private static double? RandomNumber(Random r, double min, double max, double? step) => r.Next(14) switch
    {
        0 => null,
        1 => double.NaN,
        2 => r.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
        3 => min,
        4 => max,
        5 => min - (r.Next(2) == 0 ? 1e-12 : 0.05),
        6 => max + (r.Next(2) == 0 ? 1e-12 : 0.05),
        7 => step is { } s ? min + (r.Next(0, (int)Math.Round((max - min) / s) + 1) * s) : min + (r.NextDouble() * (max - min)),
        8 => step is { } s2 ? min + (r.Next(0, (int)Math.Round((max - min) / s2) + 1) * s2) + (r.Next(2) == 0 ? 1e-11 : 0.013) : r.NextDouble(),
        9 => r.Next(2) == 0 ? double.MaxValue : double.Epsilon,
        10 => -0.0,
        11 => Math.Round(r.NextDouble() * 1.2, r.Next(1, 4)),
        12 => (r.NextDouble() * 4) - 2,
        _ => Math.Round((r.NextDouble() * (max - min)) + min, 2),
    };

    private static long? RandomLong(Random r, long? min, long? max) => r.Next(9) switch
    {
        0 => null,
        1 => long.MinValue,
        2 => long.MaxValue,
        3 => min ?? 0,
        4 => max ?? 1,
        5 => (min ?? 0) - 1,
        6 => (max ?? 0) + 1,
        7 => r.NextInt64(min ?? -1_000_000, (max ?? 1_000_000) + 1),
        _ => r.NextInt64(),
    };

    private static bool? RandomBool(Random r) => r.Next(3) switch { 0 => null, 1 => true, _ => false };

    private static TEnum? RandomEnum<TEnum>(Random r)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        return r.Next(10) switch
        {
            0 => null,
            1 => (TEnum)Enum.ToObject(typeof(TEnum), 99), // an undefined cast: Validate() refuses it, the writer cannot name it
            _ => values[r.Next(values.Length)],
        };
    }

    private static readonly string[] Urls =
    [
        "https://example.com/hooks/apiframe", "http://localhost:5000/x", "https://example.com/a b", "https://ü.example/ä?q=1#f", "http://[::1]:8080/",
        "ftp://example.com/x", "mailto:someone@example.com", "file:///etc/passwd", "urn:isbn:0451450523", "https://user:pass@example.com/",
        "HTTPS://EXAMPLE.COM/UPPER", "https://example.com:65535/", "http://127.0.0.1/%00", "https://example.com/" + new string('p', 3000),
        "https://xn--bcher-kva.example/", "http://0x7f.1/", "https://example.com/..%2f..%2f",
    ];

    private static Uri? RandomUrl(Random r) => r.Next(4) switch
    {
        0 => null,
        1 => new Uri(r.Next(2) == 0 ? "/relative/hook" : "hooks/relative", UriKind.Relative),
        _ => new Uri(Urls[r.Next(Urls.Length)], UriKind.RelativeOrAbsolute),
    };

    private static List<Uri>? RandomUrls(Random r, int max)
    {
        if (r.Next(4) == 0)
        {
            return null;
        }

        var count = r.Next(6) == 0 ? max + 1 : r.Next(0, max + 1);
        return Enumerable.Range(0, count).Select(_ => RandomUrl(r) ?? new Uri("https://example.com/i.png")).ToList();
    }

    private static List<MusicWebhookEvent>? RandomEvents(Random r)
    {
        if (r.Next(3) == 0)
        {
            return null;
        }

        var count = r.Next(0, 5);
        return Enumerable.Range(0, count).Select(_ => RandomEnum<MusicWebhookEvent>(r) ?? MusicWebhookEvent.Completed).ToList();
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
