using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

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

    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new EmulatorOptions { TimeProvider = time, DurationJitter = 0 };
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

    public async Task<string> SubmitAsync(string json, string? key = Key, string? idempotencyKey = null)
    {
        using var response = await PostAsync(json, key, idempotencyKey);
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
                    ctx.Request.ContentType));
            }

            ctx.Response.StatusCode = status;
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.First().TrimEnd('/') + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record ReceivedWebhook(byte[] Body, string Signature, string Event, string? ContentType)
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
