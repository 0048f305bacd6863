using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ProducerGen.Tests.Shared;

namespace ProducerGen.Emulator.Tests;

/// <summary>An emulator on loopback with a fake clock, and an HttpClient sending the default key.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string Key = EmulatorOptions.DefaultApiKey;
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private TestEmulator(ApiEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress };
    }

    public ApiEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public EmulatorStats Stats => Emulator.Stats;

    /// <param name="configure">Sets the emulator's options.</param>
    /// <param name="clock">Wraps the fake clock the emulator is given (the test still drives <see cref="Time"/>).</param>
    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null, Func<FakeTimeProvider, TimeProvider>? clock = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new EmulatorOptions { TimeProvider = clock is null ? time : clock(time), DurationJitter = 0 };
        configure?.Invoke(options);
        var emulator = await ApiEmulator.StartAsync(options);
        return new TestEmulator(emulator, time);
    }

    public static string ProducerBody(string prompt = "an upbeat synthwave track with a driving bassline", object? producerParams = null, object? extra = null)
    {
        var body = new JsonObject { ["prompt"] = prompt, ["model"] = "producer" };
        if (producerParams is not null)
        {
            body["producerParams"] = JsonSerializer.SerializeToNode(producerParams);
        }

        if (extra is not null)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[name] = value?.DeepClone();
            }
        }

        return body.ToJsonString();
    }

    public async Task<HttpResponseMessage> PostAsync(string json, string? key = Key, string? idempotencyKey = null, string path = "v2/music/generate")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>POSTs <paramref name="body"/> as given, with <paramref name="contentType"/> unvalidated (null: no Content-Type).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? contentType, string path = "v2/music/generate", string? key = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        }

        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        return await Http.SendAsync(request);
    }

    public async Task<string> SubmitAsync(string json, string? key = Key, string? idempotencyKey = null, string path = "v2/music/generate")
    {
        using var response = await PostAsync(json, key, idempotencyKey, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetString()!;
    }

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string path, string? key = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body, response);
    }

    public async Task<JsonElement> GetJobAsync(string id, string? key = Key)
    {
        var (status, body, response) = await GetAsync($"v2/jobs/{id}", key);
        response.Dispose();
        Assert.Equal(200, status);
        return body;
    }

    public async Task<byte[]> DownloadAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Advances the fake clock in steps until <paramref name="done"/> holds (a hang guard, not a timing assertion).</summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, int maxSteps = 2000)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (done())
            {
                return;
            }

            Time.Advance(step);
            await Task.Delay(5);
            await ThreadPoolSettling.SettleAsync();
        }

        Assert.Fail("The condition never held.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>A Kestrel receiver for webhooks that records every delivery and answers with a configurable status.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _attempts;

    private WebhookReceiver(WebApplication app, Func<int, int> respond)
    {
        _app = app;
        Respond = respond;
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int Attempts => Volatile.Read(ref _attempts);

    public Uri Url { get; private set; } = null!;

    private Func<int, int> Respond { get; }

    /// <param name="respond">The status to answer, by 1-based attempt number.</param>
    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, respond ?? (_ => 200));
        app.MapPost("/hook", async (HttpContext ctx) =>
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            var attempt = Interlocked.Increment(ref receiver._attempts);
            var status = receiver.Respond(attempt);
            if (status is >= 200 and < 300)
            {
                receiver.Received.Enqueue(new ReceivedWebhook(
                    buffer.ToArray(),
                    ctx.Request.Headers["X-Webhook-Signature"].ToString(),
                    ctx.Request.Headers["X-Webhook-Event"].ToString(),
                    ctx.Request.ContentType,
                    ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            }

            ctx.Response.StatusCode = status;
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.First().TrimEnd('/') + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record ReceivedWebhook(byte[] Body, string Signature, string Event, string? ContentType, IReadOnlyDictionary<string, string>? Headers = null)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

internal static class Wav
{
    public static void AssertValid(byte[] bytes, out int dataLength)
    {
        Assert.True(bytes.Length > 44, "too short for a WAV header");
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
        Assert.Equal("fmt ", Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(16, BitConverter.ToInt32(bytes, 16));
        Assert.Equal(1, BitConverter.ToInt16(bytes, 20)); // PCM
        Assert.Equal(1, BitConverter.ToInt16(bytes, 22)); // mono
        Assert.Equal(22050, BitConverter.ToInt32(bytes, 24));
        Assert.Equal(44100, BitConverter.ToInt32(bytes, 28));
        Assert.Equal(2, BitConverter.ToInt16(bytes, 32));
        Assert.Equal(16, BitConverter.ToInt16(bytes, 34));
        Assert.Equal("data", Encoding.ASCII.GetString(bytes, 36, 4));
        dataLength = BitConverter.ToInt32(bytes, 40);
        Assert.Equal(bytes.Length - 44, dataLength);
    }
}

/// <summary>Files of the repository the tests run from (schemas, the provider's OpenAPI document).</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "schemas", "apiframe.producergen.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with schemas/apiframe.producergen.yaml) is not above " + AppContext.BaseDirectory);
    });

    /// <summary>The full Apiframe catalog: every endpoint and model.</summary>
    public static string Catalog => Path("schemas/apiframe.producergen.yaml");

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);
}

/// <summary>
/// Checks the emulator's responses against the provider's OpenAPI document (schemas/sources/apiframe-openapi.json):
/// the status must be one the operation documents and the body must satisfy its schema. Only the JSON Schema keywords
/// the document's response schemas use are implemented: $ref, type, required, properties, additionalProperties,
/// items, enum, minimum, maximum and format uuid.
/// </summary>
internal static class OpenApi
{
    private static readonly Lazy<JsonElement> Document = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(RepoFiles.Path("schemas/sources/apiframe-openapi.json"))).RootElement.Clone());

    /// <summary>Whether the operation documents <paramref name="status"/>.</summary>
    public static bool Documents(string method, string route, int status) =>
        Operation(method, route).GetProperty("responses").TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out _);

    /// <summary>Asserts that the operation documents <paramref name="status"/> and that <paramref name="body"/> fits its schema.</summary>
    public static void AssertDocumentedResponse(string method, string route, int status, JsonElement body)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Operation(method, route).GetProperty("responses").TryGetProperty(code, out var response), $"{method} {route} does not document {code}");
        var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        AssertFits(schema, body, "$");
    }

    /// <summary>Asserts that <paramref name="body"/> fits the component schema <paramref name="name"/> (<c>ErrorResponse</c>).</summary>
    public static void AssertFitsComponent(string name, JsonElement body) =>
        AssertFits(Document.Value.GetProperty("components").GetProperty("schemas").GetProperty(name), body, "$");

    private static JsonElement Operation(string method, string route) =>
        Document.Value.GetProperty("paths").GetProperty(route).GetProperty(method.ToLowerInvariant());

    private static void AssertFits(JsonElement schema, JsonElement value, string at)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            AssertFitsComponent(name, value);
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            Assert.True(types.Any(t => Is(t, value)), $"{at}: {value.ValueKind} is not {string.Join("|", types)}");
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            Assert.True(values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)), $"{at}: {value} is not one of {values}");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (schema.TryGetProperty("minimum", out var min))
            {
                Assert.True(value.GetDouble() >= min.GetDouble(), $"{at}: {value} < {min}");
            }

            if (schema.TryGetProperty("maximum", out var max))
            {
                Assert.True(value.GetDouble() <= max.GetDouble(), $"{at}: {value} > {max}");
            }
        }

        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("format", out var format) && format.GetString() == "uuid")
        {
            Assert.True(Guid.TryParseExact(value.GetString(), "D", out _), $"{at}: {value} is not a uuid");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray())
                {
                    Assert.True(value.TryGetProperty(name.GetString()!, out _), $"{at}: missing required {name}");
                }
            }

            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var member in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var memberSchema))
                {
                    AssertFits(memberSchema, member.Value, $"{at}.{member.Name}");
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False)
                    {
                        Assert.Fail($"{at}: {member.Name} is not allowed");
                    }
                    else if (additional.ValueKind == JsonValueKind.Object)
                    {
                        AssertFits(additional, member.Value, $"{at}[{member.Name}]");
                    }
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                AssertFits(items, item, $"{at}[{index++}]");
            }
        }
    }

    private static bool Is(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };
}

/// <summary>A response read whole: status, the x-request-id, and the JSON body (default when the body is empty).</summary>
internal sealed record ReadResponse(int Status, string? RequestId, string? ContentType, string Text)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement.Clone();

    public static async Task<ReadResponse> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var id = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.Single() : null;
            return new ReadResponse((int)response.StatusCode, id, response.Content.Headers.ContentType?.ToString(), text);
        }
    }

    /// <summary>Asserts the emulator's error envelope: the status, JSON content, a request id and an <c>error</c> string.</summary>
    public JsonElement AssertError(int status)
    {
        Assert.True(Status == status, $"expected {status}, got {Status}: {Text}");
        Assert.StartsWith("req_", RequestId, StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", ContentType);
        var json = Json;
        Assert.Equal(JsonValueKind.String, json.GetProperty("error").ValueKind);
        return json;
    }
}
