using System;
using System.Threading.Tasks;
using ProducerGen.Emulator;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task The_same_key_and_body_returns_the_same_job_and_bills_once()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        var options = new RequestOptions { IdempotencyKey = "e2e-" + Guid.NewGuid().ToString("N") };

        var first = await client.Producer.SubmitAsync(TestEnvironment.Request(), options);
        var replay = await client.Producer.SubmitAsync(TestEnvironment.Request(), options);

        Assert.Equal(first.Id, replay.Id);
        Assert.Equal(options.IdempotencyKey, first.IdempotencyKey);
        Assert.Equal(options.IdempotencyKey, replay.IdempotencyKey);
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
        Assert.Equal(1, env.Emulator.Stats.JobsCreatedFor(EmulatorOptions.DefaultApiKey, options.IdempotencyKey));
        Assert.Equal(1, env.Emulator.Stats.IdempotentReplays);
        Assert.Equal(10, env.Emulator.Stats.CreditsCharged(EmulatorOptions.DefaultApiKey));
    }

    [Fact]
    public async Task An_ambiguous_generate_failure_is_recovered_with_the_exceptions_key_and_creates_one_job()
    {
        // Issue 14, item 10: the job is created, then every answer is lost; the caller retries with the key the failure carries.
        await using var env = await TestEnvironment.StartAsync(o => o.Faults.DropAfterCreateRate = 1);
        using var client = env.CreateClient(configure: o => o.Retry.MaxRetries = 0); // the runtime's own retries would recover it themselves

        var failure = await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.Producer.GenerateAsync(TestEnvironment.Request()));
        Assert.False(string.IsNullOrEmpty(failure.IdempotencyKey));
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);

        env.Emulator.Options.Faults.DropAfterCreateRate = 0;
        var result = await client.Producer.GenerateAsync(TestEnvironment.Request(), new RequestOptions { IdempotencyKey = failure.IdempotencyKey });

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
        Assert.Equal(1, env.Emulator.Stats.JobsCreatedFor(EmulatorOptions.DefaultApiKey, failure.IdempotencyKey!));
    }

    [Fact]
    public async Task A_replay_after_completion_answers_the_jobs_current_status()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        var options = new RequestOptions { IdempotencyKey = "e2e-" + Guid.NewGuid().ToString("N") };

        var first = await client.Producer.SubmitAsync(TestEnvironment.Request(), options);
        await client.Jobs.WaitAsync(first);
        var replay = await client.Producer.SubmitAsync(TestEnvironment.Request(), options);

        Assert.Equal(first.Id, replay.Id);
        Assert.Equal("COMPLETED", replay.Status);
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_409_ConflictException()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        var options = new RequestOptions { IdempotencyKey = "e2e-" + Guid.NewGuid().ToString("N") };
        await client.Producer.SubmitAsync(TestEnvironment.Request(seed: "a"), options);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => client.Producer.SubmitAsync(TestEnvironment.Request(seed: "b"), options));

        Assert.Equal(409, conflict.StatusCode);
        Assert.StartsWith("req_", conflict.RequestId, StringComparison.Ordinal);
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
        Assert.Equal(1, env.Emulator.Stats.Responses(409)); // never retried
    }

    [Fact]
    public async Task Every_submission_without_a_key_gets_its_own_generated_key()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();

        var a = await client.Producer.SubmitAsync(TestEnvironment.Request());
        var b = await client.Producer.SubmitAsync(TestEnvironment.Request());

        Assert.NotEqual(a.IdempotencyKey, b.IdempotencyKey);
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(2, env.Emulator.Stats.JobsCreated);
    }
}
