using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ProducerGen.Emulator;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>
/// Issue 15, items 1, 2, 3 and 7, end to end: a schema that says where the job's facts are (nested ids, other status names,
/// fractions, JSON-text results, links, result and content endpoints, envelopes) gives a client and an emulator of that
/// very shape, and the two work together: submit, wait, read the outputs, and a failing job with its reason.
/// </summary>
public sealed class ShapedApiTests
{
    private static string Schema(string name) => Path.Combine(AppContext.BaseDirectory, "Schemas", name + ".producergen.yaml");

    private static Task<ApiEmulator> StartAsync(string schema, double failRate = 0, double timeScale = 0.01) =>
        ApiEmulator.StartAsync(new EmulatorOptions { SchemaPath = Schema(schema), TimeScale = timeScale, Faults = { FailJobRate = failRate } });

    private static T Configure<T>(T options, ApiEmulator emulator)
        where T : ProducerGenClientOptions
    {
        options.ApiKey = EmulatorOptions.DefaultApiKey;
        options.BaseAddress = emulator.BaseAddress;
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(20);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(100);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(30);
        return options;
    }

    [Fact]
    public async Task An_enveloped_api_with_nested_facts_submits_waits_and_reads_a_json_text_result()
    {
        // Slow enough (a 1 s job, polled every 20-100 ms) that polls see the job running.
        await using var emulator = await StartAsync("market", timeScale: 0.1);
        var log = new RequestLog();
        var options = Configure(new Market.Client.MarketClientOptions(), emulator);
        options.Waiting.AverageCompletion = TimeSpan.FromSeconds(1);
        using var client = new Market.Client.MarketClient(options, new HttpClient(log));
        var reports = new ConcurrentQueue<JobProgress>();
        var progress = new SyncProgress<JobProgress>(reports.Enqueue);

        var handle = await client.Painter.SubmitAsync(new Market.Client.PainterRequest("a lighthouse") { Params = new Market.Client.PainterParams { Seed = 3 } });
        var job = await client.Jobs.WaitAsync(handle, progress);

        Assert.True(job.IsSucceeded);
        Assert.Equal("success", job.Status);
        Assert.Equal(200, job.Raw.GetProperty("code").GetInt32());
        Assert.Equal(handle.Id, job.Raw.GetProperty("data").GetProperty("taskId").GetString());
        Assert.Equal(2, job.Result!.Value.GetProperty("resultUrls").GetArrayLength()); // parsed from the JSON text
        Assert.Equal(2, job.GetOutputUrls().Count);
        Assert.Contains(log.Paths, p => p.StartsWith("/api/v1/jobs/recordInfo?taskId=" + handle.Id, StringComparison.Ordinal));
        Assert.Contains(reports, r => r.Status == "generating" && r.Progress is > 0 and < 100); // the fraction read as a percentage

        using var download = new MemoryStream();
        Assert.True(await client.Runtime.DownloadAsync(job.GetOutputUrls()[0], download) > 44);
    }

    [Fact]
    public async Task An_enveloped_api_reports_failures_inside_http_200_as_typed_errors_and_failed_jobs_with_their_reason()
    {
        await using var emulator = await StartAsync("market", failRate: 1);
        using var client = new Market.Client.MarketClient(Configure(new Market.Client.MarketClientOptions(), emulator));

        var failed = await Assert.ThrowsAsync<JobFailedException>(() => client.Painter.GenerateAsync(new Market.Client.PainterRequest("x")));
        Assert.Equal("fail", failed.Job.Status);
        Assert.Contains("emulated fault", failed.Job.Error, StringComparison.Ordinal);
        Assert.Equal("generation_failed", failed.Job.ErrorCode);

        await Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetAsync(Guid.NewGuid().ToString("D")));
        var options = Configure(new Market.Client.MarketClientOptions(), emulator);
        options.ApiKey = "wrong-key";
        using var stranger = new Market.Client.MarketClient(options);
        var denied = await Assert.ThrowsAsync<AuthenticationException>(() => stranger.Painter.SubmitAsync(new Market.Client.PainterRequest("x")));
        Assert.Equal(0, emulator.Stats.Responses(401)); // the envelope said 401, inside HTTP 200
        Assert.Equal("401", denied.ErrorCode);
    }

    [Fact]
    public async Task A_queue_api_polls_the_links_it_hands_over_and_reads_the_result_endpoint()
    {
        await using var emulator = await StartAsync("queue");
        var log = new RequestLog();
        using var client = new Queue.Client.QueueClient(Configure(new Queue.Client.QueueClientOptions(), emulator), new HttpClient(log));

        var result = await client.FalAiFluxDev.GenerateAsync(new Queue.Client.FalAiFluxDevRequest("a red fox") { NumImages = 2 });

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(2, result.Job.Result!.Value.GetProperty("images").GetArrayLength());
        Assert.Equal(2, result.Job.GetOutputUrls().Count(u => u.AbsolutePath.EndsWith(".svg", StringComparison.Ordinal) || u.AbsolutePath.EndsWith(".wav", StringComparison.Ordinal)));
        Assert.Equal("/fal-ai/flux/dev", log.Paths[0]);
        Assert.Contains(log.Paths, p => p == $"/fal-ai/flux/requests/{result.Job.Id}/status");
        Assert.Equal($"/fal-ai/flux/requests/{result.Job.Id}", log.Paths.Last());
    }

    [Fact]
    public async Task A_job_of_a_model_with_its_own_job_routes_is_resumed_by_id_at_those_routes()
    {
        await using var emulator = await StartAsync("queue");
        var log = new RequestLog();
        using var client = new Queue.Client.QueueClient(Configure(new Queue.Client.QueueClientOptions(), emulator), new HttpClient(log));

        var handle = await client.FalAiRecraftV3TextToImage.SubmitAsync(new Queue.Client.FalAiRecraftV3TextToImageRequest("a lighthouse"));
        var resumed = await client.FalAiRecraftV3TextToImage.WaitAsync(handle.Id); // by id alone, as another process would

        Assert.True(resumed.Job.IsSucceeded);
        Assert.Equal("/fal-ai/recraft/v3/text-to-image", log.Paths[0]);
        Assert.All(log.Paths.Skip(1), p => Assert.StartsWith($"/fal-ai/recraft/requests/{handle.Id}", p, StringComparison.Ordinal));
        Assert.Equal(2, resumed.Job.Result!.Value.GetProperty("images").GetArrayLength());
        Assert.Equal("/fal-ai/recraft/requests/{id}/status", Queue.Client.FalAiRecraftV3TextToImageOperations.Description.JobPath);
    }

    [Fact]
    public async Task A_queue_api_that_says_completed_with_an_error_fails_the_job()
    {
        await using var emulator = await StartAsync("queue", failRate: 1);
        using var client = new Queue.Client.QueueClient(Configure(new Queue.Client.QueueClientOptions(), emulator));

        var failed = await Assert.ThrowsAsync<JobFailedException>(() => client.FalAiFluxDev.GenerateAsync(new Queue.Client.FalAiFluxDevRequest("x")));
        Assert.Equal("COMPLETED", failed.Job.Status);
        Assert.True(failed.Job.IsFailed);
        Assert.Contains("emulated fault", failed.Job.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_endpoint_serves_each_variant_and_error_objects_carry_their_code()
    {
        await using var emulator = await StartAsync("videos");
        using var client = new Videos.Client.VideosClient(Configure(new Videos.Client.VideosClientOptions(), emulator));

        var result = await client.Sora.GenerateAsync(new Videos.Client.SoraRequest("waves") { Params = new Videos.Client.SoraParams { Seconds = 4 } });

        var urls = result.Job.GetOutputUrls();
        Assert.Equal([$"/v1/videos/{result.Job.Id}/content?variant=video", $"/v1/videos/{result.Job.Id}/content?variant=thumbnail"], urls.Select(u => u.PathAndQuery));
        using var video = new MemoryStream();
        using var thumbnail = new MemoryStream();
        await client.Runtime.DownloadAsync(urls[0], video);
        await client.Runtime.DownloadAsync(urls[1], thumbnail);
        // A video endpoint: the main variant is an MP4 (its ftyp box), the thumbnail a JPEG poster.
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(video.ToArray(), 4, 4));
        Assert.Equal([0xFF, 0xD8, 0xFF], thumbnail.ToArray()[..3]);

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetAsync(Guid.NewGuid().ToString("D")));
        Assert.Equal("Job not found", missing.ServerMessage);
        Assert.Equal("http_404", missing.ErrorCode);
    }

    /// <summary>Records the path and query of every request, in order.</summary>
    private sealed class RequestLog() : DelegatingHandler(new HttpClientHandler())
    {
        private readonly ConcurrentQueue<string> _paths = new();

        public string[] Paths => _paths.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _paths.Enqueue(request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
