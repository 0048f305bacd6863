using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using Microsoft.AspNetCore.Http;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Reliability.Tests.Hostile;

/// <summary>Issue 14, items 2, 3, 9 and 10 over real loopback HTTP against a hostile server.</summary>
public sealed class ClientHostileServerTests(ITestOutputHelper output)
{
    private const string Key = "afk_HOSTILE_5d0c7e21_do_not_leak";
    private const string JobId = "0b8e2f4c-1d1f-4a7e-9a55-3e7c0d9b6a10";

    private static ApiframeClient Client(HostileServer server, Action<ApiframeClientOptions>? configure = null)
    {
        var options = new ApiframeClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(20);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        configure?.Invoke(options);
        return new ApiframeClient(options);
    }

    private static Task Accepted(HttpContext ctx, string id = JobId) => HostileServer.JsonAsync(ctx, 202, $$"""{"jobId":"{{id}}","status":"QUEUED"}""");

    [Fact]
    public async Task A_poll_stalled_forever_ends_the_wait_at_MaxWait_with_JobTimeoutException_not_a_transport_error()
    {
        await using var server = await HostileServer.StartAsync(ctx => ctx.Request.Method == "POST" ? Accepted(ctx) : HostileServer.StallAsync(ctx));
        using var client = Client(server, o => o.Waiting.MaxWait = TimeSpan.FromSeconds(2)); // default attempt timeout (100 s) and retries
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<JobTimeoutException>(() => client.Producer.GenerateAsync(new ProducerRequest("stalled poll")));

        clock.Stop();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.00} s: {exception.Message}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the wait took {clock.Elapsed}"); // was 62.6 s for MaxWait 5 s
        Assert.Equal(JobId, exception.JobId);
        Assert.NotNull(exception.IdempotencyKey);
    }

    [Fact]
    public async Task A_poll_answered_with_another_jobs_body_is_refused_and_its_tracks_are_never_handed_over()
    {
        const string Theirs = "https://cdn.example/someone-else.mp3";
        await using var server = await HostileServer.StartAsync(ctx => ctx.Request.Method == "POST"
            ? Accepted(ctx)
            : HostileServer.JsonAsync(ctx, 200, $$$"""{"id":"7f000000-0000-4000-8000-000000000002","status":"COMPLETED","model":"producer","progress":100,"result":{"tracks":[{"audioUrl":"{{{Theirs}}}"}]}}"""));
        using var client = Client(server);

        var generate = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Producer.GenerateAsync(new ProducerRequest("mine")));
        var get = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Jobs.GetAsync(JobId));

        output.WriteLine(generate.Message);
        Assert.Contains("another job", generate.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Theirs, generate.ToString(), StringComparison.Ordinal);
        Assert.Equal(200, get.StatusCode);
        Assert.Equal(2, server.Requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal))); // one per call: not retried
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../music/generate")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a\r\nb")]
    [InlineData("")]
    public async Task Ids_that_would_change_the_path_never_reach_the_server(string id)
    {
        await using var server = await HostileServer.StartAsync(ctx => HostileServer.JsonAsync(ctx, 200, """{"id":"x","status":"COMPLETED"}"""));
        using var client = Client(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Jobs.GetAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Producer.WaitAsync(id));

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("...", "/v2/jobs/...")]
    [InlineData("a b%2F..", "/v2/jobs/a%20b%252F..")]
    [InlineData("ü%2e%2e", "/v2/jobs/%C3%BC%252e%252e")]
    public async Task Other_ids_reach_the_server_as_one_escaped_segment(string id, string target)
    {
        await using var server = await HostileServer.StartAsync(ctx => HostileServer.JsonAsync(ctx, 200, System.Text.Json.JsonSerializer.Serialize(new { id, status = "COMPLETED" })));
        using var client = Client(server);

        var job = await client.Jobs.GetAsync(id);

        Assert.Equal(id, job.Id);
        Assert.Equal($"GET {target}", Assert.Single(server.Requests));
    }

    [Fact]
    public async Task A_submission_dropped_after_the_job_was_created_is_retried_with_the_exceptions_key_and_creates_exactly_one_job()
    {
        var jobs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // idempotency key -> job id
        var created = 0;
        var posts = new ConcurrentQueue<string>();
        var dropping = true;
        await using var server = await HostileServer.StartAsync(async ctx =>
        {
            if (ctx.Request.Method == "POST")
            {
                await HostileServer.ReadBodyAsync(ctx);
                var key = ctx.Request.Headers["Idempotency-Key"].ToString();
                posts.Enqueue(key);
                var id = jobs.GetOrAdd(key, _ =>
                {
                    Interlocked.Increment(ref created);
                    return Guid.NewGuid().ToString();
                });
                if (Volatile.Read(ref dropping))
                {
                    ctx.Abort(); // the job exists, the caller never hears of it
                    return;
                }

                await Accepted(ctx, id);
                return;
            }

            var jobId = ctx.Request.Path.Value!.Split('/').Last();
            await HostileServer.JsonAsync(ctx, 200, $$$"""{"id":"{{{jobId}}}","status":"COMPLETED","model":"producer","progress":100,"result":{"tracks":[{"audioUrl":"https://cdn.example/a.mp3"}]}}""");
        });
        using var client = Client(server, o => o.Retry.MaxRetries = 2);
        var request = new ProducerRequest("pay once");

        var failure = await Assert.ThrowsAsync<TransportException>(() => client.Producer.GenerateAsync(request));
        output.WriteLine($"{failure.Message} key={failure.IdempotencyKey}");
        Assert.Equal(3, posts.Count);
        Assert.NotNull(failure.IdempotencyKey);
        Assert.All(posts, key => Assert.Equal(failure.IdempotencyKey, key));

        Volatile.Write(ref dropping, false);
        var job = await client.Runtime.SubmitAndWaitAsync(ProducerOperations.Description, request, new RequestOptions { IdempotencyKey = failure.IdempotencyKey });

        Assert.Equal(1, created);
        Assert.Equal(jobs[failure.IdempotencyKey!], job.Id);
        Assert.True(job.IsSucceeded);
        Assert.Equal(4, posts.Count);
    }
}
