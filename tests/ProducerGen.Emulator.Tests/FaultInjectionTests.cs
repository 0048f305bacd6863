using System.Net;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Rate_limit_bursts_answer_429_with_Retry_After()
    {
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.Faults.RateLimitRate = 1;
            o.Faults.RateLimitBurst = 3;
            o.Faults.RetryAfter = TimeSpan.FromSeconds(2.5);
        });
        using var response = await t.PostAsync(TestEmulator.ProducerBody());
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal("Rate limit exceeded", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(0, t.Stats.JobsCreated);
        Assert.Equal(1, t.Stats.Faults("rate-limit"));
    }

    [Fact]
    public async Task A_burst_rejects_the_configured_number_of_consecutive_requests()
    {
        // Rate 0.2 with a seed: find the first burst and check the two requests after it are rejected too.
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.Faults.RateLimitRate = 0.2;
            o.Faults.RateLimitBurst = 3;
            o.Faults.Seed = 11;
        });
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var (status, _, response) = await t.GetAsync($"v2/jobs/{Guid.NewGuid()}");
            response.Dispose();
            statuses.Add(status);
        }

        Assert.All(statuses, s => Assert.True(s is 404 or 429));
        var first = statuses.IndexOf(429);
        Assert.True(first >= 0 && first + 2 < statuses.Count, string.Join(",", statuses));
        Assert.Equal(new[] { 429, 429, 429 }, statuses.Skip(first).Take(3));
        Assert.Contains(404, statuses);
    }

    [Theory]
    [InlineData(true, 500)]
    [InlineData(false, 503)]
    public async Task Server_error_rates_answer_500_or_503(bool internalError, int expected)
    {
        await using var t = await TestEmulator.StartAsync(o =>
        {
            if (internalError)
            {
                o.Faults.ServerErrorRate = 1;
            }
            else
            {
                o.Faults.UnavailableRate = 1;
            }
        });
        using var response = await t.PostAsync(TestEmulator.ProducerBody());
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.True(response.Headers.Contains("x-request-id"));
        Assert.Equal(0, t.Stats.JobsCreated);
        Assert.Equal(1, t.Stats.Responses(expected));
    }

    [Fact]
    public async Task Fault_decisions_repeat_for_the_same_seed()
    {
        async Task<string> RunAsync(int seed)
        {
            await using var t = await TestEmulator.StartAsync(o =>
            {
                o.Faults.Seed = seed;
                o.Faults.ServerErrorRate = 0.3;
                o.Faults.UnavailableRate = 0.2;
            });
            var statuses = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                using var response = await t.PostAsync(TestEmulator.ProducerBody());
                statuses.Add((int)response.StatusCode);
            }

            return string.Join(",", statuses);
        }

        var a = await RunAsync(5);
        var b = await RunAsync(5);
        var c = await RunAsync(6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains("500", a, StringComparison.Ordinal);
        Assert.Contains("503", a, StringComparison.Ordinal);
        Assert.Contains("202", a, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_dropped_before_creation_creates_no_job()
    {
        await using var t = await TestEmulator.StartAsync(o => o.Faults.DropBeforeCreateRate = 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => t.PostAsync(TestEmulator.ProducerBody(), idempotencyKey: "k"));
        Assert.Equal(0, t.Stats.JobsCreated);
        Assert.Equal(1, t.Stats.Faults("drop-before-create"));
    }

    [Fact]
    public async Task A_connection_dropped_after_creation_leaves_one_job_that_a_retry_with_the_same_key_finds()
    {
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.Faults.DropAfterCreateRate = 0.5;
            o.Faults.Seed = 3;
        });
        var body = TestEmulator.ProducerBody(producerParams: new { seed = "retry" });

        // A client retrying with one idempotency key until it hears back.
        string? jobId = null;
        var drops = 0;
        for (var attempt = 0; attempt < 20 && jobId is null; attempt++)
        {
            try
            {
                jobId = await t.SubmitAsync(body, idempotencyKey: "submission-1");
            }
            catch (HttpRequestException)
            {
                drops++;
            }
        }

        Assert.NotNull(jobId);
        Assert.Equal(1, t.Stats.JobsCreatedFor(TestEmulator.Key, "submission-1"));
        Assert.Equal(1, t.Stats.JobsCreated);
        Assert.Equal(10, t.Stats.CreditsCharged(TestEmulator.Key));

        // Several submissions, each retried: never billed twice.
        for (var n = 0; n < 6; n++)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                try
                {
                    await t.SubmitAsync(TestEmulator.ProducerBody($"song {n}"), idempotencyKey: $"s-{n}");
                    break;
                }
                catch (HttpRequestException)
                {
                    drops++;
                }
            }
        }

        Assert.True(drops > 0);
        Assert.Equal(drops, t.Stats.Faults("drop-after-create"));
        Assert.Equal(7, t.Stats.JobsCreated);
        Assert.Equal(1, t.Stats.MaxJobsPerIdempotencyKey);
    }

    [Fact]
    public async Task Added_latency_runs_on_the_emulators_clock()
    {
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.Faults.MinLatency = TimeSpan.FromSeconds(1);
            o.Faults.MaxLatency = TimeSpan.FromSeconds(2);
        });
        var pending = t.PostAsync(TestEmulator.ProducerBody());

        // The fake clock stands still: the response cannot arrive.
        await Task.WhenAny(pending, Task.Delay(100));
        Assert.False(pending.IsCompleted);

        await t.AdvanceUntilAsync(() => pending.IsCompleted, TimeSpan.FromMilliseconds(250));
        using var response = await pending;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, t.Stats.Faults("latency"));
    }

    [Fact]
    public async Task Failing_jobs_end_FAILED_with_an_error()
    {
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.Faults.FailJobRate = 1;
            o.JobDuration = TimeSpan.FromSeconds(100);
        });
        var id = await t.SubmitAsync(TestEmulator.ProducerBody());
        t.Time.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal("PROCESSING", (await t.GetJobAsync(id)).GetProperty("status").GetString());
        t.Time.Advance(TimeSpan.FromSeconds(50));
        var job = await t.GetJobAsync(id);
        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Contains("failed", job.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.String, job.GetProperty("completedAt").ValueKind);
        Assert.Equal(1, t.Stats.Faults("failed-job"));
    }

    [Fact]
    public async Task Faults_can_be_switched_on_at_run_time_and_spare_file_downloads()
    {
        await using var t = await TestEmulator.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(1));
        var id = await t.SubmitAsync(TestEmulator.ProducerBody());
        t.Time.Advance(TimeSpan.FromSeconds(1));
        var url = (await t.GetJobAsync(id)).GetProperty("result").GetProperty("tracks")[0].GetProperty("audioUrl").GetString()!;

        t.Emulator.Options.Faults.ServerErrorRate = 1;
        var (status, _, response) = await t.GetAsync($"v2/jobs/{id}");
        response.Dispose();
        Assert.Equal(500, status);
        Wav.AssertValid(await t.DownloadAsync(url), out _);
    }
}
