namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 17: generated clients derive from <see cref="JobsClient"/> to add job operations, sharing the client's transport.</summary>
public sealed class DerivedJobsClientTests
{
    private sealed class GeneratedJobs(JobsClient jobs) : JobsClient(jobs);

    [Fact]
    public async Task A_derived_jobs_client_reads_jobs_through_the_same_transport()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("job-1", "COMPLETED"));
        using var client = TestApi.Client(handler, time);

        var job = await new GeneratedJobs(client.Jobs).GetAsync("job-1");

        Assert.Equal("job-1", job.Id);
        Assert.Equal(TestApi.Key, Assert.Single(handler.RequestList).Header("X-API-Key"));
    }
}
