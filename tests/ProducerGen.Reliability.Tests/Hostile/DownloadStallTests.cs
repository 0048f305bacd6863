using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProducerGen.Reliability.Tests.Hostile;

/// <summary>Issue 14 item 6, over real loopback HTTP: downloads end when the body stalls or grows past the cap, not when it is slow.</summary>
public sealed class DownloadStallTests : IDisposable
{
    private const string Key = "afk_SECRET_download_stall_do_not_leak";
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(800);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "producergen-stall-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ApiframeClient Client(WebApplication server, Action<ApiframeClientOptions>? configure = null)
    {
        var options = new ApiframeClientOptions { ApiKey = Key, BaseAddress = new Uri(server.Urls.First()), DownloadIdleTimeout = Idle };
        configure?.Invoke(options);
        return new ApiframeClient(options);
    }

    private static Task<WebApplication> StartAsync(RequestDelegate handler) => LoopbackServer.StartAsync(handler);

    private static async Task Stall(HttpContext ctx, long declaredLength, int bytesFirst)
    {
        ctx.Response.ContentType = "audio/mpeg";
        ctx.Response.ContentLength = declaredLength;
        await ctx.Response.StartAsync();
        await ctx.Response.Body.WriteAsync(new byte[bytesFirst]);
        await ctx.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [Fact]
    public async Task Download_a_body_that_stalls_after_the_headers_ends_within_the_idle_timeout_with_a_typed_error()
    {
        await using var server = await StartAsync(ctx => Stall(ctx, 1_000_000, bytesFirst: ctx.Request.Path.Value!.Contains("some") ? 1000 : 0));
        using var client = Client(server);
        var url = new Uri(server.Urls.First() + "/files/track.mp3?signature=SIG_do_not_show&X-Amz-Credential=cred");

        foreach (var path in new[] { "/files/track.mp3", "/files/some.mp3" })
        {
            var target = new Uri(server.Urls.First() + path + "?signature=SIG_do_not_show");
            var clock = Stopwatch.StartNew();
            var stalled = await Assert.ThrowsAsync<DownloadStalledException>(() => client.Runtime.DownloadToDirectoryAsync(target, _directory, "Stalled"));
            clock.Stop();

            Assert.InRange(clock.Elapsed, Idle * 0.9, Idle + TimeSpan.FromSeconds(5));
            Assert.Equal(Idle, stalled.IdleTimeout);
            Assert.Equal(path.Contains("some", StringComparison.Ordinal) ? 1000 : 0, stalled.BytesReceived);
            Assert.Empty(stalled.Url.Query);
            Assert.DoesNotContain("SIG_do_not_show", stalled.ToString(), StringComparison.Ordinal);
            Assert.Contains("DownloadIdleTimeout", stalled.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_directory) && Directory.EnumerateFileSystemEntries(_directory).Any(), "the partial file was left behind");
        }

        var toStream = await Assert.ThrowsAsync<DownloadStalledException>(() => client.Runtime.DownloadAsync(url, Stream.Null));
        Assert.IsAssignableFrom<ProducerGenException>(toStream);
    }

    [Fact]
    public async Task Download_a_body_that_trickles_slower_than_the_idle_timeout_overall_but_keeps_coming_completes()
    {
        // Wide margins: each gap may run 1.4 s late (a loaded CI machine, thread-pool growth) before the idle timer fires,
        // and the whole body still takes over twice the idle timeout.
        const int chunks = 8;
        var idle = TimeSpan.FromSeconds(2);
        var gap = TimeSpan.FromMilliseconds(600);
        await using var server = await StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "audio/mpeg";
            ctx.Response.ContentLength = chunks * 10;
            await ctx.Response.StartAsync();
            for (var i = 0; i < chunks; i++)
            {
                await ctx.Response.Body.WriteAsync(Enumerable.Repeat((byte)i, 10).ToArray(), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(gap, ctx.RequestAborted);
            }
        });
        using var client = Client(server, o => o.DownloadIdleTimeout = idle);

        var clock = Stopwatch.StartNew();
        var path = await client.Runtime.DownloadToDirectoryAsync(new Uri(server.Urls.First() + "/files/slow.mp3"), _directory, "Slow");
        clock.Stop();

        Assert.True(clock.Elapsed > idle * 2, $"the whole body took {clock.Elapsed}, longer than the idle timeout, and still completed");
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(chunks * 10, bytes.Length);
        Assert.Equal(chunks - 1, bytes[^1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Download_a_body_over_the_cap_fails_typed_and_leaves_no_partial_file(bool declaresLength)
    {
        const long cap = 64 * 1024;
        await using var server = await StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "audio/mpeg";
            if (declaresLength)
            {
                ctx.Response.ContentLength = 10 * cap;
            }

            var chunk = new byte[16 * 1024];
            for (var i = 0; i < 10 * cap / chunk.Length && !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        using var client = Client(server, o => o.MaxDownloadBytes = cap);
        var url = new Uri(server.Urls.First() + "/files/huge.mp3?token=TOKEN_do_not_show");

        var tooLarge = await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.Runtime.DownloadToDirectoryAsync(url, _directory, "Huge"));

        Assert.Equal(cap, tooLarge.Limit);
        Assert.Equal(200, tooLarge.StatusCode);
        Assert.NotNull(tooLarge.Url);
        Assert.Empty(tooLarge.Url!.Query);
        Assert.DoesNotContain("TOKEN_do_not_show", tooLarge.ToString(), StringComparison.Ordinal);
        Assert.Contains("MaxDownloadBytes", tooLarge.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));

        using var sink = new MemoryStream();
        await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.Runtime.DownloadAsync(url, sink));
        Assert.True(sink.Length <= cap, $"{sink.Length} bytes written past a cap of {cap}");
    }

    [Fact]
    public void Download_options_are_validated_like_the_others()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), new ApiframeClientOptions().DownloadIdleTimeout);
        Assert.Null(new ApiframeClientOptions().MaxDownloadBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, DownloadIdleTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, MaxDownloadBytes = 0 }));
        using var infinite = new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, DownloadIdleTimeout = Timeout.InfiniteTimeSpan });
    }
}
