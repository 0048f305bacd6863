using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Apiframe;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

public sealed class SubmitAndWaitTests
{
    [Fact]
    public async Task SubmitAsync_returns_the_accepted_job_without_waiting()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();

        var handle = await client.Producer.SubmitAsync(TestEnvironment.Request());

        Assert.True(Guid.TryParse(handle.Id, out var id));
        Assert.Equal("QUEUED", handle.Status);
        Assert.Equal("producer", handle.ModelId);
        Assert.False(string.IsNullOrEmpty(handle.IdempotencyKey));
        Assert.Equal(TimeSpan.FromSeconds(45), handle.AverageCompletion);
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
        Assert.NotNull(env.Emulator.GetJobStatus(id));
    }

    [Fact]
    public async Task GenerateAsync_submits_waits_with_progress_and_returns_typed_tracks()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        var reports = new ConcurrentQueue<JobProgress>();

        var result = await client.Producer.GenerateAsync(TestEnvironment.Request(title: "Neon Drive"), new SyncProgress<JobProgress>(reports.Enqueue));

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal("COMPLETED", result.Job.Status);
        Assert.Equal("producer", result.Job.Model);
        Assert.Equal(10, result.Job.CreditCost);
        Assert.NotNull(result.Job.CompletedAt);
        Assert.False(result.Expired);
        Assert.Equal(2, result.Tracks.Count);
        foreach (var track in result.Tracks)
        {
            Assert.False(string.IsNullOrEmpty(track.Id));
            Assert.Equal("Neon Drive", track.Title);
            Assert.NotNull(track.AudioUrl);
            Assert.EndsWith(".wav", track.AudioUrl!.AbsolutePath, StringComparison.Ordinal);
            Assert.NotNull(track.ImageUrl);
            Assert.InRange(track.Duration ?? 0, 1, 30);
        }

        Assert.Equal(4, result.OutputUrls.Count);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal(result.Job.Id, r.JobId));
        Assert.Equal(("COMPLETED", 100), (reports.Last().Status, reports.Last().Progress));
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task A_job_is_resumed_by_id_from_another_client()
    {
        await using var env = await TestEnvironment.StartAsync();
        string jobId;
        using (var submitter = env.CreateClient())
        {
            jobId = (await submitter.Producer.SubmitAsync(TestEnvironment.Request())).Id;
        }

        // A new client (as in another process) knows nothing but the id.
        using var client = env.CreateClient();
        var pending = await client.Jobs.GetAsync(jobId);
        Assert.Equal(jobId, pending.Id);

        var job = await client.Jobs.WaitAsync(jobId, averageCompletion: ProducerOperations.Description.AverageCompletion);
        Assert.True(job.IsSucceeded);

        var typed = await client.Producer.WaitAsync(jobId);
        Assert.Equal(jobId, typed.Job.Id);
        Assert.Equal(2, typed.Tracks.Count);
        Assert.Equal(new ProducerResult(job).Tracks.Select(t => t.AudioUrl), typed.Tracks.Select(t => t.AudioUrl));
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task A_failed_job_throws_JobFailedException_with_the_jobs_error()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.Faults.FailJobRate = 1);
        using var client = env.CreateClient();

        var failed = await Assert.ThrowsAsync<JobFailedException>(() => client.Producer.GenerateAsync(TestEnvironment.Request()));

        Assert.Equal("FAILED", failed.Job.Status);
        Assert.False(string.IsNullOrWhiteSpace(failed.JobError));
        Assert.Contains(failed.Job.Id, failed.Message, StringComparison.Ordinal);

        // Resuming the same job by id reports the same failure.
        var resumed = await client.Jobs.WaitAsync(failed.Job.Id);
        Assert.True(resumed.IsFailed);
        Assert.Throws<JobFailedException>(() => resumed.EnsureSucceeded());
    }

    [Fact]
    public async Task Waiting_past_MaxWait_throws_JobTimeoutException_and_the_job_can_be_resumed()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.TimeScale = 1); // a real 45 s job
        using var client = env.CreateClient(configure: o =>
        {
            o.Waiting.AverageCompletion = null;
            o.Waiting.MaxWait = TimeSpan.FromMilliseconds(300);
        });

        var timeout = await Assert.ThrowsAsync<JobTimeoutException>(() => client.Producer.GenerateAsync(TestEnvironment.Request()));

        Assert.True(timeout.Waited >= TimeSpan.FromMilliseconds(300));
        Assert.Equal(timeout.JobId, timeout.LastJob?.Id);
        Assert.Contains(timeout.JobId, timeout.Message, StringComparison.Ordinal);
        var job = await client.Jobs.GetAsync(timeout.JobId);
        Assert.True(job.IsPending);
    }

    [Fact]
    public async Task An_invalid_request_throws_before_anything_is_sent()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        var request = TestEnvironment.Request(weirdness: 1.5);
        request.Params!.SoundStrength = 0.33;

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => client.Producer.SubmitAsync(request));

        Assert.Equal(["producerParams.sound_strength", "producerParams.weirdness"], invalid.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains("must be between 0 and 1 (was 1.5)", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Emulator.Stats.Requests);
    }
}
