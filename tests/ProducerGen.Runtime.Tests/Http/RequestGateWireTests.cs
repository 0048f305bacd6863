using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProducerGen.Reliability.Tests;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 20, target 4, on the wire (real Kestrel on loopback): a client lets at most its bound of requests into the retry/timeout
/// pipeline; the next one starts when one finishes, a queued one can be cancelled, and nothing is lost or left hanging.
/// </summary>
public sealed class RequestGateWireTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20); // only a hang waits this long

    [Fact]
    public async Task With_a_bound_of_N_the_N_plus_first_request_reaches_the_server_only_when_one_finishes()
    {
        await using var server = await HoldingServer.StartAsync(hold: int.MaxValue);
        using var http = new HttpClient(); // the caller's, with no connection limit: the bound is the option's
        using var client = server.Client(http, o => o.MaxConcurrentRequests = 2);

        var calls = Enumerable.Range(0, 3).Select(i => client.SubmitAsync(TestApi.Producer, new TestRequest($"job {i}"))).ToArray();
        await server.Arrived(2);
        await server.AssertNoMoreArrive();
        Assert.All(calls, call => Assert.False(call.IsCompleted));

        server.Release(1);
        await server.Arrived(1); // the third, now that one answered
        server.Release(2);
        var handles = await Task.WhenAll(calls).WaitAsync(Patience);
        Assert.Equal(3, handles.Length);
        Assert.Equal(3, server.Count);
        Assert.Equal(2, server.MaxInFlight);
    }

    [Fact]
    public async Task A_client_that_builds_its_handler_is_bounded_by_its_connections_and_times_an_attempt_from_when_it_enters()
    {
        // Two connections; the first two requests are held past the third's 1 s attempt timeout. Queued inside the handler (no
        // gate) the third would time out waiting for a connection; behind the gate its timeout starts when one of the first two ends.
        await using var server = await HoldingServer.StartAsync(hold: 2);
        using var client = server.Client(http: null, o => { o.MaxConnectionsPerServer = 2; o.Retry.MaxRetries = 0; });

        var first = client.SubmitAsync(TestApi.Producer, new TestRequest("a"));
        var second = client.SubmitAsync(TestApi.Producer, new TestRequest("b"));
        await server.Arrived(2);
        var third = client.SubmitAsync(TestApi.Producer, new TestRequest("c"), new RequestOptions { Timeout = TimeSpan.FromSeconds(1) });
        await server.AssertNoMoreArrive(TimeSpan.FromSeconds(2.5)); // well past the third's timeout
        Assert.False(third.IsCompleted);

        server.Release(2);
        await Task.WhenAll(first, second, third).WaitAsync(Patience);
        Assert.Equal(3, server.Count);
        Assert.Equal(2, server.MaxInFlight);
    }

    [Fact]
    public async Task A_request_cancelled_while_queued_is_never_sent_and_gives_its_place_back()
    {
        await using var server = await HoldingServer.StartAsync(hold: 1);
        using var http = new HttpClient();
        using var client = server.Client(http, o => o.MaxConcurrentRequests = 1);

        var first = client.SubmitAsync(TestApi.Producer, new TestRequest("a"));
        await server.Arrived(1);
        using var cancel = new CancellationTokenSource();
        var queued = client.SubmitAsync(TestApi.Producer, new TestRequest("b"), cancellationToken: cancel.Token);
        var behind = client.SubmitAsync(TestApi.Producer, new TestRequest("c"));
        await server.AssertNoMoreArrive(); // both wait in the queue
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Patience));
        Assert.False(behind.IsCompleted);

        server.Release(1);
        await Task.WhenAll(first, behind).WaitAsync(Patience);
        await client.SubmitAsync(TestApi.Producer, new TestRequest("d")).WaitAsync(Patience); // the places all came back
        Assert.Equal(["a", "c", "d"], server.Prompts);
    }

    [Fact]
    public async Task A_passed_in_HttpClient_has_no_bound_unless_the_option_sets_one()
    {
        await using var server = await HoldingServer.StartAsync(hold: int.MaxValue);
        using var http = new HttpClient();
        using var client = server.Client(http, o => o.MaxConnectionsPerServer = 1); // applies only to a handler the client builds

        var calls = Enumerable.Range(0, 3).Select(i => client.SubmitAsync(TestApi.Producer, new TestRequest($"job {i}"))).ToArray();
        await server.Arrived(3);
        server.Release(3);
        await Task.WhenAll(calls).WaitAsync(Patience);
        Assert.Equal(3, server.MaxInFlight);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_bound_that_is_not_positive_is_refused(int bound)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ProducerGenClient(TestApi.Api, TestApi.Options(TimeProvider.System, o => o.MaxConcurrentRequests = bound)));

    /// <summary>Answers 202, holding the first <c>hold</c> requests until the test releases them; counts requests in flight.</summary>
    private sealed class HoldingServer : IAsyncDisposable
    {
        private readonly SemaphoreSlim _arrivals = new(0);
        private readonly SemaphoreSlim _release = new(0);
        private readonly List<string> _prompts = [];
        private WebApplication _app = null!;
        private int _count;
        private int _inFlight;
        private int _maxInFlight;

        public int Count => Volatile.Read(ref _count);

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public IReadOnlyList<string> Prompts
        {
            get
            {
                lock (_prompts)
                {
                    return [.. _prompts];
                }
            }
        }

        public static async Task<HoldingServer> StartAsync(int hold)
        {
            var server = new HoldingServer();
            server._app = await LoopbackServer.StartAsync(async ctx =>
            {
                var body = await System.Text.Json.JsonDocument.ParseAsync(ctx.Request.Body);
                var index = Interlocked.Increment(ref server._count);
                var inFlight = Interlocked.Increment(ref server._inFlight);
                InterlockedMax(ref server._maxInFlight, inFlight);
                lock (server._prompts)
                {
                    server._prompts.Add(body.RootElement.GetProperty("prompt").GetString()!);
                }

                server._arrivals.Release();
                if (index <= hold)
                {
                    await server._release.WaitAsync(ctx.RequestAborted);
                }

                Interlocked.Decrement(ref server._inFlight);
                ctx.Response.StatusCode = StatusCodes.Status202Accepted;
                await ctx.Response.WriteAsJsonAsync(new { jobId = $"job-{index}", status = "QUEUED" });
            });
            return server;
        }

        public ProducerGenClient Client(HttpClient? http, Action<ProducerGenClientOptions> configure)
            => new(TestApi.Api, TestApi.Options(TimeProvider.System, o =>
            {
                o.BaseAddress = new Uri(_app.Urls.First());
                configure(o);
            }), http);

        public async Task Arrived(int requests)
        {
            for (var i = 0; i < requests; i++)
            {
                Assert.True(await _arrivals.WaitAsync(Patience), $"request {i + 1} of {requests} expected did not reach the server");
            }
        }

        /// <summary>A negative check: without the bound the next request would arrive within milliseconds.</summary>
        public async Task AssertNoMoreArrive(TimeSpan? settle = null)
            => Assert.False(await _arrivals.WaitAsync(settle ?? TimeSpan.FromMilliseconds(500)), "a request past the bound reached the server");

        public void Release(int requests) => _release.Release(requests);

        public async ValueTask DisposeAsync()
        {
            _release.Release(1000);
            await _app.DisposeAsync();
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
