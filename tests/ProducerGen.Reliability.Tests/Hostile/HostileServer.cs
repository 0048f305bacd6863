using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ProducerGen.Reliability.Tests.Hostile;

/// <summary>
/// A small programmable Kestrel server on <c>127.0.0.1:0</c> for client tests: every request goes to <see cref="Handler"/>,
/// which may answer anything, drop the connection (<see cref="DropAsync"/>) or never answer (<see cref="StallAsync"/>).
/// Records the raw request target of every request, as it reached the socket.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostileServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Answers each request; replace it at any time.</summary>
    public Func<HttpContext, Task> Handler { get; set; } = static ctx =>
    {
        ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    /// <summary>"METHOD raw-target" of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<HostileServer> StartAsync(Func<HttpContext, Task>? handler = null)
    {
        HostileServer? server = null;
        var app = await LoopbackServer.StartAsync(
            ctx =>
            {
                var target = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.ToString();
                server!.Requests.Enqueue($"{ctx.Request.Method} {target}");
                return server.Handler(ctx);
            },
            host => host.ConfigureKestrel(k => k.Limits.MinResponseDataRate = null)); // a stalled client is part of the game
        server = new HostileServer(app, new Uri(app.Urls.First() + "/"));
        if (handler is not null)
        {
            server.Handler = handler;
        }

        return server;
    }

    /// <summary>Reads the request body, then aborts the connection without an answer.</summary>
    public static async Task DropAsync(HttpContext ctx)
    {
        await ReadBodyAsync(ctx);
        ctx.Abort();
    }

    /// <summary>Never answers: waits until the client gives up.</summary>
    public static async Task StallAsync(HttpContext ctx)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // the client hung up, as it should
        }
    }

    public static async Task<string> ReadBodyAsync(HttpContext ctx)
    {
        using var reader = new System.IO.StreamReader(ctx.Request.Body);
        return await reader.ReadToEndAsync(ctx.RequestAborted);
    }

    public static Task JsonAsync(HttpContext ctx, int status, string json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json, ctx.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
