using System;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using ProducerGen.Apiframe.Tests.Mocking.UserCode;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Mocking;

/// <summary>The generated client and a model's operations, substituted under user code; results from the generated model factory.</summary>
public sealed class ClientMockingTests
{
    [Fact]
    public async Task A_substituted_model_returns_a_factory_built_result_to_user_code()
    {
        var client = Substitute.For<ApiframeClient>();
        var suno = Substitute.For<SunoOperations>();
        client.Suno.Returns(suno);
        suno.GenerateAsync(Arg.Any<SunoRequest>(), Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeModelFactory.SunoResult(tracks: [new MusicTrack { Title = "Harbour" }, new MusicTrack { Title = null }]));

        var titles = await new TrackService(client).ComposeAsync("a sea shanty");

        Assert.Equal(["Harbour", "untitled"], titles);
        await suno.Received(1).GenerateAsync(Arg.Is<SunoRequest>(r => r.Prompt == "a sea shanty"), Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_substituted_submission_returns_a_factory_built_handle()
    {
        var client = Substitute.For<ApiframeClient>();
        client.Suno.SubmitAsync(Arg.Any<SunoRequest>(), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeModelFactory.JobHandle(id: "job-42", modelId: "suno"));

        Assert.Equal("job-42", await new TrackService(client).QueueAsync("a lullaby"));
    }

    [Fact]
    public async Task A_failed_job_from_the_factory_reaches_user_code_as_the_runtime_would_throw_it()
    {
        var client = Substitute.For<ApiframeClient>();
        var failed = ApiframeModelFactory.Job(id: "job-9", status: "FAILED", model: "suno", error: "The prompt was flagged.");
        client.Suno.GenerateAsync(Arg.Any<SunoRequest>(), Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new JobFailedException(failed));

        var error = await Assert.ThrowsAsync<JobFailedException>(() => new TrackService(client).ComposeAsync("x"));

        Assert.True(error.Job.IsFailed);
        Assert.Equal("The prompt was flagged.", error.Job.Error);
    }

    [Fact]
    public void The_factory_result_keeps_the_jobs_members_and_overrides_only_what_is_given()
    {
        var result = ApiframeModelFactory.SunoResult(
            job: ApiframeModelFactory.Job(id: "job-3", creditCost: 12, expired: true, outputUrls: [new Uri("https://cdn.example/a.mp3")]));

        Assert.Equal("job-3", result.Job.Id);
        Assert.True(result.Job.IsSucceeded); // the schema's first succeeded status (COMPLETED) by default
        Assert.Equal(12, result.Job.CreditCost);
        Assert.True(result.Expired);
        Assert.Equal([new Uri("https://cdn.example/a.mp3")], result.OutputUrls);
        Assert.Empty(result.Tracks); // no result JSON and no tracks given: the empty list the reader gives
    }

    [Fact]
    public void Disposing_a_substituted_client_is_safe()
    {
        var client = Substitute.ForPartsOf<ApiframeClient>(); // the real Dispose, over a client with no connection
        client.Dispose();
        client.Dispose();
    }
}
