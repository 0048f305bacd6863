using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;
using NSubstitute;
using ProducerGen.Apiframe.Tests.Mocking.UserCode;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Mocking;

/// <summary>The runtime's ProducerGenClient and JobsClient substituted under user code written against any API.</summary>
public sealed class RuntimeClientMockingTests
{
    private static readonly Uri First = new("https://cdn.example/one.mp3");
    private static readonly Uri Second = new("https://cdn.example/two.mp3");

    [Fact]
    public async Task A_substituted_runtime_client_downloads_every_output_of_the_waited_job()
    {
        var runtime = Substitute.For<ProducerGenClient>();
        var jobs = Substitute.For<JobsClient>();
        runtime.Jobs.Returns(jobs);
        jobs.WaitAsync("job-7", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeModelFactory.Job(id: "job-7", outputUrls: [First, Second]));
        runtime.DownloadToDirectoryAsync(Arg.Any<Uri>(), "out", Arg.Any<string?>(), Arg.Any<IProgress<long>?>(), Arg.Any<CancellationToken>())
            .Returns(call => Path.Combine("out", call.Arg<Uri>().Segments[^1]));

        var files = await new OutputArchiver(runtime).ArchiveAsync("job-7", "out");

        Assert.Equal([Path.Combine("out", "one.mp3"), Path.Combine("out", "two.mp3")], files);
    }

    [Fact]
    public async Task A_failed_job_downloads_nothing()
    {
        var client = Substitute.For<ApiframeClient>(); // reached through the generated client's Runtime, as user code would
        var runtime = Substitute.For<ProducerGenClient>();
        client.Runtime.Returns(runtime);
        runtime.Jobs.WaitAsync(Arg.Any<string>(), Arg.Any<IProgress<JobProgress>?>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeModelFactory.Job(status: "CANCELLED", outputUrls: [First]));

        await Assert.ThrowsAsync<JobFailedException>(() => new OutputArchiver(client.Runtime).ArchiveAsync("job-1", "out"));
        await runtime.DidNotReceiveWithAnyArgs().DownloadToDirectoryAsync(default!, default!);
    }

    [Fact]
    public void Disposing_a_substituted_runtime_client_is_safe_and_its_description_names_no_connection()
    {
        var runtime = Substitute.ForPartsOf<ProducerGenClient>(); // the real Dispose and ToString over no connection
        runtime.Dispose();
        runtime.Dispose();
        Assert.Equal(nameof(ProducerGenClient), runtime.ToString());
    }
}
