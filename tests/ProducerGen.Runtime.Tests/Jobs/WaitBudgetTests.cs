using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 14, item 3: MaxWait bounds every poll and its retries, so a stalled poll ends the wait with JobTimeoutException.</summary>
public class WaitBudgetTests
{
    private static FakeHttpHandler StallingPolls(TimeProvider time, Func<int, HttpResponseMessage?>? answerPoll = null)
    {
        var polls = 0;
        return new FakeHttpHandler(async (r, ct) =>
        {
            if (r.Method == HttpMethod.Post)
            {
                return Responses.Accepted("job-1");
            }

            if (answerPoll?.Invoke(Interlocked.Increment(ref polls)) is { } answer)
            {
                return answer;
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, ct); // headers never come
            throw new InvalidOperationException("unreachable");
        }, time);
    }

    [Fact]
    public async Task MaxWait_bounds_a_stalled_poll_and_ends_with_job_timeout_not_transport_error()
    {
        var time = TestApi.NewTime();
        var handler = StallingPolls(time);
        using var client = TestApi.Client(handler, time, o => o.Waiting.MaxWait = TimeSpan.FromSeconds(5)); // attempt timeout 100 s, 4 retries
        var start = time.GetUtcNow();

        var exception = await Assert.ThrowsAsync<JobTimeoutException>(() => time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x"))));

        var waited = time.GetUtcNow() - start;
        Assert.InRange(waited.TotalSeconds, 5, 5 + JobsClient.LastLookAllowance.TotalSeconds + 0.5); // was 62.6 s
        Assert.Equal("job-1", exception.JobId);
        Assert.IsAssignableFrom<OperationCanceledException>(exception.InnerException);
        Assert.Contains("The last poll had not answered", exception.Message);
        Assert.NotNull(exception.IdempotencyKey);
    }

    [Fact]
    public async Task With_default_options_a_poll_stalling_near_the_deadline_ends_the_wait_at_max_wait_not_minutes_later()
    {
        var time = TestApi.NewTime();
        var start = time.GetUtcNow();
        var handler = StallingPolls(time, _ => time.GetUtcNow() - start < TimeSpan.FromMinutes(14) ? Responses.JobJson("job-1", "PROCESSING") : null);
        using var client = TestApi.Client(handler, time); // MaxWait 15 min, attempt timeout 100 s, 4 retries: 515 s of retries

        var exception = await Assert.ThrowsAsync<JobTimeoutException>(() => time.DriveAsync(client.Jobs.WaitAsync("job-1"), TimeSpan.FromSeconds(1)));

        // Up to ~8 minutes over before. The driver keeps advancing the fake clock in 1 s steps while the wait's continuation
        // is scheduled, so on a busy machine the clock reads a few steps past the moment the wait ended: allow 10 s.
        Assert.InRange((time.GetUtcNow() - start).TotalSeconds, 15 * 60, (15 * 60) + 10);
        Assert.Equal("PROCESSING", exception.LastJob?.Status);
    }

    [Fact]
    public async Task Poll_retries_that_run_out_inside_the_budget_still_report_the_transport_error()
    {
        var time = TestApi.NewTime();
        var handler = StallingPolls(time);
        using var client = TestApi.Client(handler, time, o => o.RequestTimeout = TimeSpan.FromSeconds(10)); // 5 × 10 s + 15 s backoff < 15 min

        var exception = await Assert.ThrowsAsync<TransportException>(() => time.DriveAsync(client.Jobs.WaitAsync("job-1"), TimeSpan.FromSeconds(1)));

        Assert.True(exception.IsTimeout);
        Assert.Equal(5, handler.Requests.Count);
    }

    [Fact]
    public async Task A_poll_stalling_after_progress_keeps_the_last_known_state()
    {
        var time = TestApi.NewTime();
        var handler = StallingPolls(time, poll => poll == 1 ? Responses.JobJson("job-1", "PROCESSING", 30) : null);
        using var client = TestApi.Client(handler, time, o =>
        {
            o.Waiting.MaxWait = TimeSpan.FromSeconds(20);
            o.Waiting.PollingPolicy = new FixedIntervalPolicy(TimeSpan.FromSeconds(2));
        });
        var start = time.GetUtcNow();

        var exception = await Assert.ThrowsAsync<JobTimeoutException>(() => time.DriveAsync(client.Jobs.WaitAsync("job-1")));

        Assert.InRange((time.GetUtcNow() - start).TotalSeconds, 20, 22.5);
        Assert.Equal("PROCESSING", exception.LastJob?.Status);
        Assert.Equal(30, exception.LastJob?.Progress);
        Assert.Contains("still PROCESSING", exception.Message);
    }

    [Fact]
    public async Task A_poll_answering_slowly_within_the_budget_still_counts()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(async (r, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), time, ct);
            return Responses.JobJson("job-1", "COMPLETED", 100);
        }, time);
        using var client = TestApi.Client(handler, time, o => o.Waiting.MaxWait = TimeSpan.FromSeconds(10));

        var job = await time.DriveAsync(client.Jobs.WaitAsync("job-1"));

        Assert.True(job.IsSucceeded);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_during_a_stalled_poll_is_cancellation_not_timeout()
    {
        var time = TestApi.NewTime();
        var handler = StallingPolls(time);
        using var client = TestApi.Client(handler, time);
        using var cts = new CancellationTokenSource();

        var wait = client.Jobs.WaitAsync("job-1", cancellationToken: cts.Token);
        while (handler.Requests.IsEmpty)
        {
            await Task.Delay(1);
        }

        cts.Cancel();
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.IsNotType<JobTimeoutException>(exception);
    }
}
