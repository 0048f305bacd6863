using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 14, item 2: a job body carrying another job's id is never returned as the job asked for.</summary>
public class JobIdentityTests
{
    [Fact]
    public async Task Get_refuses_a_body_that_describes_another_job()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("someone-elses-job", "COMPLETED", 100, """{"tracks":[{"audioUrl":"https://cdn.test/theirs.mp3"}]}"""));
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Jobs.GetAsync("job-1"));

        Assert.Equal(200, exception.StatusCode);
        Assert.Contains("another job ('someone-elses-job', not 'job-1')", exception.Message);
        Assert.Single(handler.Requests); // a 200 with the wrong job is not retried into success
    }

    [Fact]
    public async Task Wait_refuses_another_jobs_body_on_any_poll_and_never_hands_over_its_outputs()
    {
        var time = TestApi.NewTime();
        var polls = 0;
        var handler = new FakeHttpHandler(r => r.Method == HttpMethod.Post
            ? Responses.Accepted("job-1")
            : Interlocked.Increment(ref polls) < 3
                ? Responses.JobJson("job-1", "PROCESSING", 40)
                : Responses.JobJson("job-2", "COMPLETED", 100, """{"tracks":[{"audioUrl":"https://cdn.test/theirs.mp3"}]}"""), time);
        using var client = TestApi.Client(handler, time, o => o.Waiting.PollingPolicy = new FixedIntervalPolicy(TimeSpan.FromSeconds(2)));

        var exception = await Assert.ThrowsAsync<UnexpectedResponseException>(() => time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x"))));

        Assert.Equal(3, polls); // ended at the first foreign body
        Assert.Contains("'job-2', not 'job-1'", exception.Message);
        Assert.DoesNotContain("theirs.mp3", exception.ToString()); // someone else's outputs are not even quoted
        Assert.Null(exception.ResponseBody);
        Assert.NotNull(exception.IdempotencyKey);
    }

    [Fact]
    public async Task The_job_id_is_compared_exactly()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("JOB-1", "COMPLETED"));
        using var client = TestApi.Client(handler, time);

        await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Jobs.GetAsync("job-1"));
        Assert.Equal("JOB-1", (await client.Jobs.GetAsync("JOB-1")).Id);
    }
}
