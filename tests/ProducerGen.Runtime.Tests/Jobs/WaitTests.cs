using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ProducerGen.Runtime.Tests;

public class WaitTests
{
    private static async Task<(Job Job, FakeJobServer Server)> RunJob(TimeSpan duration, IPollingPolicy? policy, Action<FakeJobServer>? configure = null, IProgress<JobProgress>? progress = null)
    {
        var time = TestApi.NewTime();
        var server = new FakeJobServer(time, duration);
        configure?.Invoke(server);
        using var client = TestApi.Client(server.Handler, time, o => o.Waiting.PollingPolicy = policy);
        var job = await time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x"), progress), TimeSpan.FromMilliseconds(100));
        return (job, server);
    }

    [Fact]
    public async Task Adaptive_waiting_polls_less_than_the_2_s_loop_and_notices_completion_soon()
    {
        var (job, adaptive) = await RunJob(TimeSpan.FromSeconds(45), policy: null);
        var (_, fixedTwo) = await RunJob(TimeSpan.FromSeconds(45), new FixedIntervalPolicy(TimeSpan.FromSeconds(2)));

        Assert.True(job.IsSucceeded);
        Assert.True(adaptive.Polls.Count < fixedTwo.Polls.Count / 2, $"adaptive {adaptive.Polls.Count} vs fixed {fixedTwo.Polls.Count}");
        var detectionDelay = adaptive.Polls.Last() - adaptive.CompletesAt;
        Assert.InRange(detectionDelay.TotalSeconds, 0, 3);
        var firstPoll = (adaptive.Polls.First() - adaptive.CompletesAt.AddSeconds(-45)).TotalSeconds;
        Assert.InRange(firstPoll, 5, 30); // neither at once nor at the expected end
        Assert.All(adaptive.Polls.Zip(adaptive.Polls.Skip(1), (a, b) => (b - a).TotalSeconds), gap => Assert.InRange(gap, 0.9, 30.1));
    }

    [Fact]
    public async Task Waiting_reports_status_and_progress_changes_and_exposes_the_result()
    {
        var progress = new ListProgress<JobProgress>();
        var (job, _) = await RunJob(TimeSpan.FromSeconds(30), new FixedIntervalPolicy(TimeSpan.FromSeconds(2)), progress: progress);

        var reports = progress.Items;
        Assert.Equal(reports.Count, reports.Distinct().Count());                 // only changes
        Assert.Equal("COMPLETED", reports[^1].Status);
        Assert.Equal(100, reports[^1].Progress);
        Assert.Contains(reports, r => r.Status == "PROCESSING");
        Assert.True(reports.Select(r => r.Progress ?? 0).Zip(reports.Skip(1).Select(r => r.Progress ?? 0)).All(p => p.First <= p.Second));
        Assert.All(reports, r => Assert.Equal("job-1", r.JobId));
        Assert.Equal(["https://cdn.test/a.mp3", "https://cdn.test/a.jpg"], job.GetOutputUrls().Select(u => u.ToString()));
    }

    [Fact]
    public async Task Unknown_statuses_are_pending_and_logged_once()
    {
        var time = TestApi.NewTime();
        var server = new FakeJobServer(time, TimeSpan.FromSeconds(20)) { StatusOverride = e => e < TimeSpan.FromSeconds(20) ? "WARMING_UP" : null };
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug));
        using var client = TestApi.Client(server.Handler, time, o =>
        {
            o.LoggerFactory = loggerFactory;
            o.Waiting.PollingPolicy = new FixedIntervalPolicy(TimeSpan.FromSeconds(2));
        });

        var job = await time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")));

        Assert.True(job.IsSucceeded);
        Assert.True(server.Polls.Count > 5);
        Assert.Single(logs.GetSnapshot(), r => r.Message.Contains("WARMING_UP", StringComparison.Ordinal) && r.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Cancellation_mid_wait_ends_promptly()
    {
        var time = TestApi.NewTime();
        var server = new FakeJobServer(time, TimeSpan.FromMinutes(10));
        using var client = TestApi.Client(server.Handler, time, o => o.Waiting.PollingPolicy = new FixedIntervalPolicy(TimeSpan.FromSeconds(30)));
        using var cts = new CancellationTokenSource();

        var wait = client.Jobs.WaitAsync("job-1", cancellationToken: cts.Token);
        while (server.Polls.IsEmpty)
        {
            await Task.Delay(1);
        }

        time.Advance(TimeSpan.FromSeconds(5)); // in the middle of a 30 s pause
        cts.Cancel();

        var completed = await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(wait, completed); // ended without any more fake time passing
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Single(server.Polls);
    }

    [Fact]
    public async Task Budget_exhaustion_throws_job_timeout_with_the_last_state()
    {
        var time = TestApi.NewTime();
        var server = new FakeJobServer(time, TimeSpan.FromHours(1));
        using var client = TestApi.Client(server.Handler, time, o => o.Waiting.MaxWait = TimeSpan.FromSeconds(90));
        var start = time.GetUtcNow();

        var exception = await Assert.ThrowsAsync<JobTimeoutException>(() => time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromMilliseconds(500)));

        Assert.Equal("job-1", exception.JobId);
        Assert.InRange(exception.Waited.TotalSeconds, 90, 92);
        Assert.NotNull(exception.LastJob);
        Assert.Equal("PROCESSING", exception.LastJob!.Status);
        Assert.InRange((server.Polls.Last() - start).TotalSeconds, 89, 92); // a last look at the deadline
        Assert.Contains("Jobs.WaitAsync(\"job-1\")", exception.Message);
    }

    [Fact]
    public async Task Retry_after_on_a_poll_only_lengthens_the_next_wait()
    {
        var (_, server) = await RunJob(TimeSpan.FromSeconds(60), new FixedIntervalPolicy(TimeSpan.FromSeconds(2)), s => s.RetryAfterOnPoll = TimeSpan.FromSeconds(15));

        var polls = server.Polls.ToArray();
        var gaps = polls.Zip(polls.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.True(g >= 15, $"gap {g}"));
        Assert.True(polls.Length <= 6);
    }

    [Fact]
    public async Task Max_poll_interval_caps_a_single_wait()
    {
        var (_, server) = await RunJob(TimeSpan.FromSeconds(50), new FixedIntervalPolicy(TimeSpan.FromMinutes(5)), s => { });

        // the default MaxPollInterval (30 s) wins over the policy's 5 minutes
        var polls = server.Polls.ToArray();
        Assert.Equal(2, polls.Length);
        Assert.Equal(30, (polls[1] - polls[0]).TotalSeconds, 1);
    }

    [Fact]
    public async Task A_job_id_is_enough_to_resume_and_the_first_look_is_immediate()
    {
        var time = TestApi.NewTime();
        var server = new FakeJobServer(time, TimeSpan.FromSeconds(40));
        using var client = TestApi.Client(server.Handler, time);
        var start = time.GetUtcNow();

        var job = await time.DriveAsync(client.Jobs.WaitAsync("job-1", averageCompletion: TimeSpan.FromSeconds(45)));

        Assert.True(job.IsSucceeded);
        Assert.Equal(start, server.Polls.First());
        Assert.True(server.Polls.Count < 12);
    }

    [Fact]
    public async Task Wait_returns_a_failed_job_and_EnsureSucceeded_throws()
    {
        var time = TestApi.NewTime();
        var server = new FakeJobServer(time, TimeSpan.FromSeconds(10)) { FinalStatus = "FAILED" };
        using var client = TestApi.Client(server.Handler, time);

        var job = await time.DriveAsync(client.Jobs.WaitAsync("job-1"));

        Assert.True(job.IsFailed);
        Assert.False(job.IsPending);
        Assert.Throws<JobFailedException>(() => job.EnsureSucceeded());
    }

    [Fact]
    public async Task Handle_in_a_terminal_status_is_read_at_once()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("j", "COMPLETED", 100, "\"https://cdn.test/x.mp3\""));
        using var client = TestApi.Client(handler, time);

        var job = await client.Jobs.WaitAsync(new JobHandle("j", "COMPLETED", "producer", "k", null) { SubmittedAt = time.GetUtcNow() });

        Assert.True(job.IsSucceeded);
        Assert.Single(handler.Requests);
    }
}
