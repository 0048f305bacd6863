using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ProducerGen.Providers.Runway;
using ProducerGen.Providers.Tests.Support;
using Xunit;

namespace ProducerGen.Providers.Tests;

/// <summary>
/// Runway's SDK example and task bodies (Fixtures/runway/SOURCES.md) replayed through the client generated from
/// schemas/providers/runway.producergen.yaml.
/// </summary>
public sealed class RunwayReplayTests
{
    private const string Provider = "runway";

    private static RunwayClient Client(ReplayHandler handler)
    {
        var options = new RunwayClientOptions { ApiKey = Fixture.ApiKey };
        Fixture.PollFast(options);
        return new RunwayClient(options, new HttpClient(handler));
    }

    [Fact]
    public async Task The_readme_example_posts_flat_camel_case_members_with_the_model_and_the_version_header()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "submit.response.json"));
        using var client = Client(handler);

        var job = await client.Gen4Turbo.SubmitAsync(new Gen4TurboRequest("https://example.com/assets/bunny.jpg", Gen4TurboRatio._1280_720) { PromptText = "The bunny is eating a carrot" });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "https://api.dev.runwayml.com/v1/image_to_video"), (sent.Method, sent.Uri.AbsoluteUri));
        Assert.Equal("Bearer " + Fixture.ApiKey, sent.Header("Authorization"));
        Assert.Equal("2024-11-06", sent.Header("X-Runway-Version"));
        Assert.Null(sent.Header("Idempotency-Key"));
        Fixture.AssertSameJson(Fixture.Text(Provider, "submit.request.json"), sent.BodyText);
        Assert.Equal(("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", "PENDING"), (job.Id, job.Status)); // an answer of {id} only
    }

    [Fact]
    public async Task A_running_task_reads_its_progress_as_a_fraction()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-running.json"));
        using var client = Client(handler);

        var job = await client.Jobs.GetAsync("be35be77-4dae-4f42-84b9-51002b248a9b");

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/v1/tasks/be35be77-4dae-4f42-84b9-51002b248a9b", sent.PathAndQuery);
        Assert.Equal("2024-11-06", sent.Header("X-Runway-Version")); // on every request, not only the submit
        Assert.True(job.IsPending);
        Assert.Equal(("RUNNING", 28), (job.Status, job.Progress)); // 0.275 of the way
        Assert.Equal(new DateTimeOffset(2024, 11, 15, 3, 34, 51, 751, TimeSpan.Zero), job.CreatedAt);
    }

    [Fact]
    public async Task A_throttled_task_is_still_pending_and_a_succeeded_one_gives_its_output_urls()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-throttled.json"), Fixture.Ok(Provider, "poll-succeeded.json"));
        using var client = Client(handler);

        var throttled = await client.Jobs.GetAsync("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
        var succeeded = await client.Jobs.GetAsync("d0658ae1-bbdd-4adc-aaba-fd8070e14d79");

        Assert.True(throttled.IsPending);
        Assert.True(throttled.HasKnownStatus);
        Assert.Null(throttled.Progress);
        Assert.True(succeeded.IsSucceeded);
        Assert.Equal([new Uri("https://example.com/output.mp4")], succeeded.GetOutputUrls());
    }

    [Fact]
    public async Task A_failed_task_reads_its_failure_and_failure_code()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-failed.json"));
        using var client = Client(handler);

        var job = await client.Jobs.WaitAsync("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

        Assert.True(job.IsFailed);
        Assert.Equal(("FAILED", "<human-friendly reason>", "<code>"), (job.Status, job.Error, job.ErrorCode));
    }

    [Fact]
    public void The_per_model_ranges_are_checked_before_sending()
    {
        var tooLong = new Gen4_5Request("https://example.com/a.jpg", Gen4_5Ratio._960_960, 11);

        Assert.Equal(["duration"], tooLong.Validate().Errors.Select(e => e.Path));
    }
}
