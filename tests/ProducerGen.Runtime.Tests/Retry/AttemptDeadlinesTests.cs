using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProducerGen.Reliability.Tests;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 20, target 1: the options' attempt timeout is a token shared by attempts that start close together
/// (<see cref="AttemptDeadlines"/>) instead of Polly's timeout strategy. It must never cut an attempt short, fire at most one
/// granularity late, and on the wire still time out the send, the headers and the body, be retried with the same key and tell a
/// timeout from the caller's own cancellation.
/// </summary>
public sealed class AttemptDeadlinesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20); // only a hang waits this long

    [Theory]
    [InlineData(100_000, 1_000)] // the default 100 s: at most 1 s late
    [InlineData(10_000, 156.25)]  // 1/64 of the timeout
    [InlineData(10, 1)]           // at least 1 ms
    public void The_granularity_is_a_64th_of_the_timeout_between_1_ms_and_1_s(double timeoutMs, double expectedMs)
        => Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), AttemptDeadlines.GranularityOf(TimeSpan.FromMilliseconds(timeoutMs)));

    [Fact]
    public void An_attempt_is_cancelled_no_sooner_than_its_timeout_and_at_most_one_granularity_later()
    {
        var time = TestApi.NewTime();
        var deadlines = new AttemptDeadlines(TimeSpan.FromSeconds(10), time);
        var g = deadlines.Granularity;

        var first = deadlines.Token();
        time.Advance(g - TimeSpan.FromMilliseconds(1));
        var late = deadlines.Token(); // the last moment of the same slice
        Assert.Equal(first, late);

        time.Advance(TimeSpan.FromSeconds(10)); // the late one has run exactly its timeout: nothing may have fired before this
        Assert.False(late.IsCancellationRequested, "the attempt that started last in its slice was cut short");
        time.Advance(TimeSpan.FromMilliseconds(1)); // 10 s + g after the first: the first has run one granularity past its timeout
        Assert.True(first.IsCancellationRequested);
    }

    [Fact]
    public void A_token_is_not_cancelled_a_moment_before_its_timeout()
    {
        var time = TestApi.NewTime();
        var deadlines = new AttemptDeadlines(TimeSpan.FromSeconds(10), time);

        var token = deadlines.Token();
        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.False(token.IsCancellationRequested);
        time.Advance(deadlines.Granularity + TimeSpan.FromTicks(1));
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void An_attempt_after_the_slice_gets_a_fresh_token()
    {
        var time = TestApi.NewTime();
        var deadlines = new AttemptDeadlines(TimeSpan.FromSeconds(10), time);

        var first = deadlines.Token();
        time.Advance(deadlines.Granularity);
        var next = deadlines.Token();
        Assert.NotEqual(first, next);

        time.Advance(TimeSpan.FromSeconds(10)); // the first slice's token fires; the next one's attempt has run only 10 s
        Assert.True(first.IsCancellationRequested);
        Assert.False(next.IsCancellationRequested);
    }

    [Fact]
    public void A_timeout_that_is_not_positive_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new AttemptDeadlines(TimeSpan.Zero, TimeProvider.System));

    [Theory]
    [InlineData(false, false)] // the options' timeout, no caller token: the shared token goes to HttpClient as it is
    [InlineData(true, false)]  // with a caller token: linked to it
    [InlineData(false, true)]  // a per-call timeout: its own token source
    [InlineData(true, true)]
    public async Task A_held_request_times_out_on_the_wire_and_is_retried_with_the_same_key(bool callerToken, bool perCall)
    {
        await using var server = await StallingServer.StartAsync(stallBody: false);
        using var client = server.Client(o =>
        {
            o.RequestTimeout = perCall ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(1);
            o.Retry.MaxRetries = 1;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        });
        using var caller = new CancellationTokenSource();
        var options = perCall ? new RequestOptions { Timeout = TimeSpan.FromSeconds(1) } : null;

        var exception = await Assert.ThrowsAsync<TransportException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x"), options, callerToken ? caller.Token : default).WaitAsync(Patience));

        Assert.True(exception.IsTimeout);
        Assert.Contains("2 attempts", exception.Message);
        await server.Arrived(2); // a loaded machine may dispatch the second after the client gave up on it
        Assert.Equal(2, server.Keys.Count);
        Assert.Single(server.Keys.Distinct());
        Assert.False(caller.IsCancellationRequested);
    }

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_times_out_too()
    {
        await using var server = await StallingServer.StartAsync(stallBody: true);
        using var client = server.Client(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.Retry.MaxRetries = 0;
        });

        var exception = await Assert.ThrowsAsync<TransportException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")).WaitAsync(Patience));

        Assert.True(exception.IsTimeout);
        Assert.Single(server.Keys);
    }

    [Fact]
    public async Task The_callers_cancellation_during_an_attempt_is_a_cancellation_not_a_timeout()
    {
        await using var server = await StallingServer.StartAsync(stallBody: false);
        using var client = server.Client(o => o.RequestTimeout = TimeSpan.FromMinutes(10));
        using var caller = new CancellationTokenSource();

        var call = client.SubmitAsync(TestApi.Producer, new TestRequest("x"), cancellationToken: caller.Token);
        await server.Arrived();
        await caller.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience));
        Assert.IsNotType<TransportException>(exception);
        Assert.Single(server.Keys); // not retried
    }

    [Fact]
    public async Task A_client_whose_attempts_end_in_time_is_not_disturbed_by_older_slices_firing()
    {
        // Slices of 300 ms / 64 ≈ 5 ms: consecutive quick submits span many slices, whose tokens fire while later attempts run.
        await using var server = await StallingServer.StartAsync(stallBody: false, answerFirst: int.MaxValue);
        using var client = server.Client(o => { o.RequestTimeout = TimeSpan.FromMilliseconds(300); o.Retry.MaxRetries = 0; });

        for (var i = 0; i < 40; i++)
        {
            await client.SubmitAsync(TestApi.Producer, new TestRequest($"job {i}")).WaitAsync(Patience);
            await Task.Delay(10);
        }

        Assert.Equal(40, server.Keys.Count);
    }

    /// <summary>Records each request's idempotency key; answers the first <c>answerFirst</c> with a 202 and holds the rest (or their body).</summary>
    private sealed class StallingServer : IAsyncDisposable
    {
        private readonly List<string> _keys = [];
        private readonly SemaphoreSlim _arrivals = new(0);
        private readonly CancellationTokenSource _stop = new();
        private WebApplication _app = null!;

        public IReadOnlyList<string> Keys
        {
            get
            {
                lock (_keys)
                {
                    return [.. _keys];
                }
            }
        }

        public static async Task<StallingServer> StartAsync(bool stallBody, int answerFirst = 0)
        {
            var server = new StallingServer();
            server._app = await LoopbackServer.StartAsync(async ctx =>
            {
                int index;
                lock (server._keys)
                {
                    server._keys.Add(ctx.Request.Headers["Idempotency-Key"].ToString());
                    index = server._keys.Count;
                }

                server._arrivals.Release();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, server._stop.Token);
                ctx.Response.StatusCode = StatusCodes.Status202Accepted;
                if (index > answerFirst)
                {
                    if (stallBody)
                    {
                        ctx.Response.ContentType = "application/json";
                        await ctx.Response.WriteAsync("{\"jobId\":", stop.Token);
                        await ctx.Response.Body.FlushAsync(stop.Token); // the headers and a first part go out; the rest never does
                    }

                    try
                    {
                        await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                await ctx.Response.WriteAsJsonAsync(new { jobId = $"job-{index}", status = "QUEUED" });
            });
            return server;
        }

        public ProducerGenClient Client(Action<ProducerGenClientOptions> configure)
            => new(TestApi.Api, TestApi.Options(TimeProvider.System, o =>
            {
                o.BaseAddress = new Uri(_app.Urls.First());
                configure(o);
            }));

        public async Task Arrived(int requests = 1)
        {
            for (var i = 0; i < requests; i++)
            {
                Assert.True(await _arrivals.WaitAsync(Patience), $"request {i + 1} of {requests} did not reach the server");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _app.DisposeAsync();
            _stop.Dispose();
        }
    }
}
