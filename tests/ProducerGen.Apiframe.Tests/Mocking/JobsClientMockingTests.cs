using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;
using NSubstitute;
using ProducerGen.Apiframe.Tests.Mocking.UserCode;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Mocking;

/// <summary>The generated Jobs client (the runtime's JobsClient plus the schema's job list) substituted under user code.</summary>
public sealed class JobsClientMockingTests
{
    [Fact]
    public async Task A_substituted_jobs_client_lists_and_reads_jobs_for_user_code()
    {
        var client = Substitute.For<ApiframeClient>();
        var jobs = Substitute.For<ApiframeJobsClient>();
        client.Jobs.Returns(jobs);
        jobs.ListAsync(Arg.Any<JobsListRequest?>(), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AsyncPageable<JobSummary>.FromPages(
            [
                Page<JobSummary>.FromValues([new JobSummary { Id = "j1", Status = "COMPLETED" }, new JobSummary { Id = "j2", Status = "FAILED" }]),
            ]));
        jobs.GetAsync("j2", Arg.Any<CancellationToken>())
            .Returns(ApiframeModelFactory.Job(id: "j2", status: "FAILED", error: "Out of credits"));

        var lines = await new FailedJobReport(client).LinesAsync();

        Assert.Equal(["j2: Out of credits"], lines);
        await jobs.DidNotReceive().GetAsync("j1", Arg.Any<CancellationToken>());
    }
}
