using System.Collections.Concurrent;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProducerGen.Reliability.Tests;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// A small job API on real loopback HTTP: <c>POST /v2/music/generate</c> accepts a job (or answers <see cref="SubmitStatus"/>),
/// <c>GET /v2/jobs/{id}</c> answers the next of <see cref="Statuses"/> (the last one repeats), or drops the connection;
/// <c>GET /files/…</c> answers 404, as an expired output.
/// </summary>
internal sealed class LoopbackJobApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _polls;

    private LoopbackJobApi(WebApplication app) => _app = app;

    /// <summary>The model's id, unique per server so metric points of parallel tests never mix.</summary>
    public string ModelId { get; } = "otel-" + Guid.NewGuid().ToString("N")[..12];

    public ModelDescription Model => new(ModelId, "POST", "/v2/music/generate", null);

    public string JobId { get; set; } = "job-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>An error status the submission is answered with instead of accepting; 0 accepts.</summary>
    public int SubmitStatus { get; set; }

    /// <summary>The statuses successive polls answer; the last repeats.</summary>
    public string[] Statuses { get; set; } = ["QUEUED", "PROCESSING", "COMPLETED"];

    /// <summary>Polls drop the connection instead of answering.</summary>
    public bool DropPolls { get; set; }

    public int Polls => Volatile.Read(ref _polls);

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<LoopbackJobApi> StartAsync()
    {
        LoopbackJobApi? api = null;
        var app = await LoopbackServer.StartAsync(context => api!.HandleAsync(context));
        api = new LoopbackJobApi(app);
        return api;
    }

    public ProducerGenClient Client(Action<ProducerGenClientOptions>? configure = null)
    {
        var options = TestApi.Options(TimeProvider.System, o =>
        {
            o.BaseAddress = BaseAddress;
            o.Retry.MaxRetries = 0;
            o.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(5);
            o.Waiting.PollingPolicy = new FixedIntervalPolicy(TimeSpan.FromMilliseconds(20));
            configure?.Invoke(o);
        });
        return new ProducerGenClient(TestApi.Api, options);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
        if (HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.ContentType = "application/json";
            if (SubmitStatus != 0)
            {
                context.Response.StatusCode = SubmitStatus;
                // A hostile answer echoing the caller's key: it must not reach a span.
                await context.Response.WriteAsync($$"""{"error":"bad prompt for key {{TestApi.Key}}"}""");
                return;
            }

            context.Response.StatusCode = StatusCodes.Status202Accepted;
            await context.Response.WriteAsync($$"""{"jobId":"{{JobId}}","status":"QUEUED"}""");
            return;
        }

        if (context.Request.Path.StartsWithSegments("/files", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var poll = Interlocked.Increment(ref _polls);
        if (DropPolls)
        {
            context.Abort();
            return;
        }

        var status = Statuses[Math.Min(poll, Statuses.Length) - 1];
        var error = status == "FAILED" ? "\"the model refused\"" : "null";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"{{JobId}}","status":"{{status}}","model":"producer","progress":null,"error":{{error}},"createdAt":"2026-01-01T00:00:00Z","result":null}""");
    }
}
