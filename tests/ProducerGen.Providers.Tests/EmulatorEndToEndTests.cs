using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProducerGen.Emulator;
using ProducerGen.Providers.Tests.Support;
using Xunit;

namespace ProducerGen.Providers.Tests;

/// <summary>
/// Each shipped provider schema serves two roles at once: the client generated from it and the emulator started from it
/// must work together — submit, wait, read (and download) the output URLs, and a failing job with its reason.
/// </summary>
public sealed class EmulatorEndToEndTests
{
    private static Task<ApiEmulator> StartAsync(string schema, double failRate = 0) =>
        ApiEmulator.StartAsync(new EmulatorOptions { SchemaPath = Fixture.SchemaPath(schema), TimeScale = 0.01, Faults = { FailJobRate = failRate } });

    private static T Configure<T>(T options, ApiEmulator emulator)
        where T : ProducerGenClientOptions
    {
        options.ApiKey = EmulatorOptions.DefaultApiKey;
        options.BaseAddress = emulator.BaseAddress;
        Fixture.PollFast(options);
        return options;
    }

    private static async Task AssertDownloadable(ProducerGenClient runtime, Job job)
    {
        Assert.NotEmpty(job.GetOutputUrls());
        using var download = new MemoryStream();
        Assert.True(await runtime.DownloadAsync(job.GetOutputUrls()[0], download) > 0);
    }

    [Fact]
    public async Task Replicate_submits_waits_and_downloads_then_reports_a_failed_prediction_with_its_error()
    {
        await using var emulator = await StartAsync("replicate.producergen.yaml");
        using var client = new Replicate.ReplicateClient(Configure(new Replicate.ReplicateClientOptions(), emulator));

        var result = await client.BlackForestLabsFluxSchnell.GenerateAsync(new Replicate.BlackForestLabsFluxSchnellRequest(new Replicate.BlackForestLabsFluxSchnellParams("a corgi") { NumOutputs = 1 }));

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal("succeeded", result.Job.Status);
        await AssertDownloadable(client.Runtime, result.Job);

        await using var failing = await StartAsync("replicate.producergen.yaml", failRate: 1);
        using var failingClient = new Replicate.ReplicateClient(Configure(new Replicate.ReplicateClientOptions(), failing));
        var failed = await Assert.ThrowsAsync<JobFailedException>(() => failingClient.MetaLlama2_70bChat.GenerateAsync(new Replicate.MetaLlama2_70bChatRequest(new Replicate.MetaLlama2_70bChatParams("a haiku"))));
        Assert.True(failed.Job.Status is "failed" or "canceled" or "aborted", failed.Job.Status);
        Assert.Contains("emulated fault", failed.Job.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replicate_generation_is_held_until_the_prediction_is_done_so_no_poll_is_sent()
    {
        // The schema's 'jobs.hold' (Prefer: wait=60): the emulator holds the POST until the prediction ends (20 ms at this time scale).
        await using var emulator = await StartAsync("replicate.producergen.yaml");
        using var client = new Replicate.ReplicateClient(Configure(new Replicate.ReplicateClientOptions(), emulator));

        var result = await client.BlackForestLabsFluxSchnell.GenerateAsync(new Replicate.BlackForestLabsFluxSchnellRequest(new Replicate.BlackForestLabsFluxSchnellParams("a corgi") { NumOutputs = 1 }));

        Assert.Equal("succeeded", result.Job.Status);
        Assert.NotEmpty(result.Job.GetOutputUrls());
        Assert.Equal(1, emulator.Stats.HeldSubmissions);
        Assert.Equal(1, emulator.Stats.Requests); // the held submission only: no poll
    }

    [Fact]
    public async Task Fal_submits_to_the_model_route_polls_the_handed_over_links_and_reports_completed_with_an_error_as_failed()
    {
        await using var emulator = await StartAsync("fal.producergen.yaml");
        using var client = new Fal.FalClient(Configure(new Fal.FalClientOptions(), emulator));

        var handle = await client.FalAiFluxDev.SubmitAsync(new Fal.FalAiFluxDevRequest("a fox in the snow") { NumInferenceSteps = 4 });
        var job = await client.Jobs.WaitAsync(handle);

        Assert.NotNull(handle.StatusUrl);
        Assert.True(job.IsSucceeded);
        Assert.Equal("COMPLETED", job.Status);
        await AssertDownloadable(client.Runtime, job);
        Assert.True((await client.Jobs.GetAsync(handle.Id)).IsSucceeded); // resuming by id uses the app's route template

        await using var failing = await StartAsync("fal.producergen.yaml", failRate: 1);
        using var failingClient = new Fal.FalClient(Configure(new Fal.FalClientOptions(), failing));
        var failed = await Assert.ThrowsAsync<JobFailedException>(() => failingClient.FalAiFluxSchnell.GenerateAsync(new Fal.FalAiFluxSchnellRequest("a fox")));
        Assert.Equal("COMPLETED", failed.Job.Status); // fal says COMPLETED either way; the error makes it a failure
        Assert.Contains("emulated fault", failed.Job.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_videos_submit_a_multipart_form_with_a_file_and_read_the_content_endpoints_variants()
    {
        await using var emulator = await StartAsync("openai-videos.producergen.yaml");
        using var client = new OpenAI.OpenAIVideosClient(Configure(new OpenAI.OpenAIVideosClientOptions(), emulator));

        var result = await client.Sora2.GenerateAsync(new OpenAI.Sora2Request("A calico cat playing a piano on stage")
        {
            Seconds = OpenAI.Sora2Seconds._8,
            InputReference = FileUpload.FromBytes(new byte[] { 1, 2, 3, 4 }, "start.png", "image/png"),
        });

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal("completed", result.Job.Status);
        Assert.Equal(["video", "thumbnail", "spritesheet"], result.Job.GetOutputUrls().Select(u => u.Query.Split('=')[^1]));
        await AssertDownloadable(client.Runtime, result.Job);

        await using var failing = await StartAsync("openai-videos.producergen.yaml", failRate: 1);
        using var failingClient = new OpenAI.OpenAIVideosClient(Configure(new OpenAI.OpenAIVideosClientOptions(), failing));
        var failed = await Assert.ThrowsAsync<JobFailedException>(() => failingClient.Sora2Pro.GenerateAsync(new OpenAI.Sora2ProRequest("waves")));
        Assert.Equal("failed", failed.Job.Status);
        Assert.Contains("emulated fault", failed.Job.Error, StringComparison.Ordinal);
        Assert.Empty(failed.Job.GetOutputUrls());
    }

    [Fact]
    public async Task Runway_sends_its_version_header_waits_on_tasks_and_reports_failure_and_failure_code()
    {
        await using var emulator = await StartAsync("runway.producergen.yaml");
        using var client = new Runway.RunwayClient(Configure(new Runway.RunwayClientOptions(), emulator));

        var result = await client.Gen4Turbo.GenerateAsync(new Runway.Gen4TurboRequest("https://example.com/assets/bunny.jpg", Runway.Gen4TurboRatio._1280_720) { PromptText = "The bunny is eating a carrot" });

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal("SUCCEEDED", result.Job.Status);
        await AssertDownloadable(client.Runtime, result.Job);

        await using var failing = await StartAsync("runway.producergen.yaml", failRate: 1);
        using var failingClient = new Runway.RunwayClient(Configure(new Runway.RunwayClientOptions(), failing));
        var failed = await Assert.ThrowsAsync<JobFailedException>(() => failingClient.Gen4_5.GenerateAsync(new Runway.Gen4_5Request("https://example.com/a.jpg", Runway.Gen4_5Ratio._960_960, 5)));
        Assert.True(failed.Job.Status is "FAILED" or "CANCELLED", failed.Job.Status);
        Assert.Contains("emulated fault", failed.Job.Error, StringComparison.Ordinal);
        Assert.NotNull(failed.Job.ErrorCode);
    }

    [Fact]
    public async Task KieAi_unwraps_the_envelope_polls_the_query_route_and_decodes_the_json_text_result()
    {
        await using var emulator = await StartAsync("kie-ai.producergen.yaml");
        using var client = new KieAi.KieAiClient(Configure(new KieAi.KieAiClientOptions(), emulator));

        var result = await client.Seedream4_5Edit.GenerateAsync(new KieAi.Seedream4_5EditRequest(new KieAi.Seedream4_5EditParams("make the dress water") { ImageUrls = [new Uri("https://example.com/dress.webp")] }));

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal("success", result.Job.Status);
        Assert.Equal(200, result.Job.Raw.GetProperty("code").GetInt32());
        await AssertDownloadable(client.Runtime, result.Job);

        await using var failing = await StartAsync("kie-ai.producergen.yaml", failRate: 1);
        using var failingClient = new KieAi.KieAiClient(Configure(new KieAi.KieAiClientOptions(), failing));
        var failed = await Assert.ThrowsAsync<JobFailedException>(() => failingClient.GrokImagineTextToImage.GenerateAsync(new KieAi.GrokImagineTextToImageRequest(new KieAi.GrokImagineTextToImageParams("a portrait"))));
        Assert.Equal("fail", failed.Job.Status);
        Assert.Contains("emulated fault", failed.Job.Error, StringComparison.Ordinal);
        Assert.NotNull(failed.Job.ErrorCode);
    }
    [Fact]
    public async Task The_fal_emulator_reads_the_query_member_and_refuses_one_that_breaks_its_type()
    {
        await using var emulator = await StartAsync("fal.producergen.yaml");
        using var client = new Fal.FalClient(Configure(new Fal.FalClientOptions(), emulator));

        var handle = await client.FalAiFluxDev.SubmitAsync(new Fal.FalAiFluxDevRequest("a fox") { FalWebhook = new Uri("https://example.test/hook") });
        Assert.False(string.IsNullOrEmpty(handle.Id));

        using var http = new System.Net.Http.HttpClient { BaseAddress = emulator.BaseAddress };
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, "fal-ai/flux/dev?fal_webhook=not-a-url")
        {
            Content = new System.Net.Http.StringContent("""{"prompt":"a fox"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Key " + EmulatorOptions.DefaultApiKey);
        using var refused = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("fal_webhook", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
