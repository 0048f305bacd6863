using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>Transient faults injected by the emulator are retried with the same idempotency key; the rest surface as typed errors.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_then_succeeds()
    {
        await using var env = await TestEnvironment.StartAsync(o =>
        {
            o.Faults.RateLimitRate = 1;
            o.Faults.RetryAfter = TimeSpan.FromSeconds(1);
        });
        using var wire = new FaultSwitch(() => env.Emulator.Options.Faults.RateLimitRate = 0);
        using var http = new HttpClient(wire);
        using var client = env.CreateClient(httpClient: http);

        var handle = await client.Producer.SubmitAsync(TestEnvironment.Request());

        var attempts = wire.Attempts.ToArray();
        Assert.Equal([429, 202], attempts.Select(a => a.Status));
        Assert.True(attempts[1].SentAt - attempts[0].SentAt >= TimeSpan.FromMilliseconds(900), $"retried after {attempts[1].SentAt - attempts[0].SentAt}, before Retry-After");
        Assert.Equal(1, env.Emulator.Stats.Faults("rate-limit"));
        Assert.Equal(1, env.Emulator.Stats.JobsCreatedFor("afk_test", handle.IdempotencyKey!));
    }

    [Fact]
    public async Task A_429_that_persists_is_a_RateLimitedException_with_the_wait()
    {
        await using var env = await TestEnvironment.StartAsync(o =>
        {
            o.Faults.RateLimitRate = 1;
            o.Faults.RetryAfter = TimeSpan.FromSeconds(3);
        });
        using var client = env.CreateClient(configure: o => o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => client.Producer.SubmitAsync(TestEnvironment.Request()));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.StartsWith("req_", error.RequestId, StringComparison.Ordinal);
        Assert.Equal(1, env.Emulator.Stats.Responses(429)); // a wait longer than MaxRetryAfter is not slept through
        Assert.Equal(0, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.Faults.UnavailableRate = 1);
        using var wire = new FaultSwitch(() => env.Emulator.Options.Faults.UnavailableRate = 0);
        using var http = new HttpClient(wire);
        using var client = env.CreateClient(httpClient: http);

        var result = await client.Producer.GenerateAsync(TestEnvironment.Request());

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(503, wire.Attempts.First().Status);
        Assert.Equal(1, env.Emulator.Stats.Faults("unavailable"));
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task A_503_that_persists_is_a_ServiceUnavailableException_after_the_retries()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.Faults.UnavailableRate = 1);
        using var client = env.CreateClient(configure: o => o.Retry.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => client.Producer.SubmitAsync(TestEnvironment.Request()));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, env.Emulator.Stats.Responses(503));
        Assert.Equal(0, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task A_500_is_retried_then_succeeds()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.Faults.ServerErrorRate = 1);
        using var wire = new FaultSwitch(() => env.Emulator.Options.Faults.ServerErrorRate = 0);
        using var http = new HttpClient(wire);
        using var client = env.CreateClient(httpClient: http);

        await client.Producer.SubmitAsync(TestEnvironment.Request());

        Assert.Equal([500, 202], wire.Attempts.Select(a => a.Status));
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task A_connection_dropped_after_the_job_was_created_is_retried_without_a_second_job()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.Faults.DropAfterCreateRate = 1);
        using var wire = new FaultSwitch(() => env.Emulator.Options.Faults.DropAfterCreateRate = 0);
        using var http = new HttpClient(wire);
        using var client = env.CreateClient(httpClient: http);

        var handle = await client.Producer.SubmitAsync(TestEnvironment.Request());

        Assert.Null(wire.Attempts.First().Status);
        Assert.Equal(1, env.Emulator.Stats.Faults("drop-after-create"));
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
        Assert.Equal(1, env.Emulator.Stats.MaxJobsPerIdempotencyKey);
        Assert.Equal(handle.Id, (await client.Jobs.GetAsync(handle.Id)).Id);
    }
}
