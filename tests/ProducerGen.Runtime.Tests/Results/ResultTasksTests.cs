using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 20: generated GenerateAsync/WaitAsync are no longer async methods; ResultTasks awaits for them.</summary>
public class ResultTasksTests
{
    [Fact]
    public async Task ReadAsync_reads_the_result_of_the_job_the_task_returns_once_it_completes()
    {
        var pending = new TaskCompletionSource<Job>();
        var read = ResultTasks.ReadAsync(pending.Task, static job => "result of " + job.Id);
        Assert.False(read.IsCompleted);

        pending.SetResult(ProducerGenModelFactory.Job(TestApi.Api, "job-7"));
        Assert.Equal("result of job-7", await read);
    }

    [Fact]
    public async Task ReadAsync_passes_a_failed_submission_through_without_reading()
    {
        var reads = 0;
        var failure = new InvalidOperationException("submit failed");
        var read = ResultTasks.ReadAsync(Task.FromException<Job>(failure), job => ++reads);

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => read));
        Assert.Equal(0, reads);
    }

    [Fact]
    public async Task ReadSucceededAsync_throws_JobFailedException_for_a_failed_job_and_reads_a_succeeded_one()
    {
        var failed = ProducerGenModelFactory.Job(TestApi.Api, "job-8", status: "FAILED", error: "out of credits");
        var exception = await Assert.ThrowsAsync<JobFailedException>(() => ResultTasks.ReadSucceededAsync(Task.FromResult(failed), static job => job.Id));
        Assert.Equal("job-8", exception.Job.Id);

        var succeeded = ProducerGenModelFactory.Job(TestApi.Api, "job-9");
        Assert.Equal("job-9", await ResultTasks.ReadSucceededAsync(Task.FromResult(succeeded), static job => job.Id));
    }

    [Fact]
    public async Task A_cancelled_wait_stays_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResultTasks.ReadSucceededAsync(Task.FromCanceled<Job>(cancellation.Token), static job => job.Id));
    }
}
