using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ProducerGen.Providers.Replicate;
using ProducerGen.Providers.Tests.Support;
using Xunit;

namespace ProducerGen.Providers.Tests;

/// <summary>
/// Replicate's recorded HTTP traffic (the official SDK's cassettes, Fixtures/replicate/SOURCES.md) replayed through the client
/// generated from schemas/providers/replicate.producergen.yaml.
/// </summary>
public sealed class ReplicateReplayTests
{
    private const string Provider = "replicate";

    private static ReplicateClient Client(ReplayHandler handler)
    {
        var options = new ReplicateClientOptions { ApiKey = Fixture.ApiKey };
        Fixture.PollFast(options);
        return new ReplicateClient(options, new HttpClient(handler));
    }

    [Fact]
    public async Task The_documented_submit_goes_to_the_model_route_with_the_params_under_input_and_its_answer_gives_id_status_and_link()
    {
        var handler = new ReplayHandler(Fixture.Answer(HttpStatusCode.Created, Provider, "submit-by-model.response.json"));
        using var client = Client(handler);

        var job = await client.MetaLlama2_70bChat.SubmitAsync(new MetaLlama2_70bChatRequest(new MetaLlama2_70bChatParams("Please write a haiku about llamas.")));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://api.replicate.com/v1/models/meta/llama-2-70b-chat/predictions", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + Fixture.ApiKey, sent.Header("Authorization"));
        Assert.Null(sent.Header("Idempotency-Key"));
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        Fixture.AssertSameJson(Fixture.Text(Provider, "submit-by-model.request.json"), sent.BodyText);

        Assert.Equal(("heat2o3bzn3ahtr6bjfftvbaci", "starting"), (job.Id, job.Status));
        Assert.Null(job.IdempotencyKey);
        Assert.Equal(new Uri("https://api.replicate.com/v1/predictions/heat2o3bzn3ahtr6bjfftvbaci"), job.StatusUrl);
    }

    [Fact]
    public async Task Waiting_replays_starting_processing_and_succeeded_reading_progress_from_the_tqdm_log_and_the_output_url()
    {
        const string id = "azaq55dbukgxg6kubr4k6g3pby";
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-starting.json"), Fixture.Ok(Provider, "poll-processing.json"), Fixture.Ok(Provider, "poll-succeeded.json"));
        using var client = Client(handler);
        var progress = new ProgressLog();

        var job = await client.Jobs.WaitAsync(id, progress);

        Assert.All(handler.Requests, r => Assert.Equal((HttpMethod.Get, $"/v1/predictions/{id}"), (r.Method, r.PathAndQuery)));
        Assert.All(handler.Requests, r => Assert.Equal("Bearer " + Fixture.ApiKey, r.Header("Authorization")));
        Assert.Equal(3, handler.Requests.Count);
        Assert.True(job.IsSucceeded);
        Assert.False(job.IsFailed);
        Assert.Equal(("succeeded", id, "stability-ai/sdxl"), (job.Status, job.Id, job.Model));
        Assert.Equal(100, job.Progress); // the last tqdm line of the finished log: "100%|██████████| 50/50"
        Assert.Null(job.Error);
        Assert.Equal([new Uri("https://replicate.delivery/pbxt/gDoc64M9pRaQNdZb0evCRgm57WZJ5BKi0T5kzV6qm2tGmd8IA/out-0.png")], job.GetOutputUrls());
        Assert.Equal(5.524512, job.Raw.GetProperty("metrics").GetProperty("predict_time").GetDouble());
        Assert.Equal(DateTimeOffset.Parse("2023-11-16T11:46:16.0649Z", System.Globalization.CultureInfo.InvariantCulture), job.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2023-11-16T11:46:22.064427Z", System.Globalization.CultureInfo.InvariantCulture), job.CompletedAt);

        // The processing log's last tqdm line is " 58%|█████▊    | 29/50": that is the progress reported while it ran.
        Assert.Contains(progress.Reports, r => r.Status == "processing" && r.Progress == 58);
        Assert.Contains(progress.Reports, r => r.Status == "starting" && r.Progress is null);
    }

    [Fact]
    public async Task A_failed_prediction_is_failed_with_its_error_text()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-failed.json"));
        using var client = Client(handler);

        var job = await client.Jobs.GetAsync("p1");

        Assert.Equal("/v1/predictions/p1", Assert.Single(handler.Requests).PathAndQuery);
        Assert.True(job.IsFailed);
        Assert.Equal(("failed", "OOM"), (job.Status, job.Error));
        Assert.Null(job.ErrorCode);
        Assert.Empty(job.GetOutputUrls());
        Assert.Equal("OOM", Assert.Throws<JobFailedException>(() => job.EnsureSucceeded()).Job.Error);
    }

    [Fact]
    public async Task A_canceled_prediction_is_terminal_and_failed_without_an_error()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-canceled.json"));
        using var client = Client(handler);

        var job = await client.Jobs.WaitAsync("hdwst0bb05rgp0cf0p29mzk2am");

        Assert.Single(handler.Requests);
        Assert.Equal("canceled", job.Status);
        Assert.True(job.IsFailed);
        Assert.Null(job.Error);
        Assert.Null(job.Progress); // 'logs' is null in this answer
    }

    [Fact]
    public async Task A_401_problem_details_answer_is_an_authentication_error_carrying_its_detail()
    {
        var handler = new ReplayHandler(Fixture.Answer(HttpStatusCode.Unauthorized, Provider, "error-401.json", "application/problem+json"));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => client.BlackForestLabsFluxSchnell.SubmitAsync(new BlackForestLabsFluxSchnellRequest(new BlackForestLabsFluxSchnellParams("a corgi"))));

        Assert.Single(handler.Requests); // a 401 is not retried
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("You did not pass a valid authentication token", error.ServerMessage);
    }

    [Fact]
    public async Task A_flux_request_sends_its_typed_params_under_input_with_their_wire_values()
    {
        var handler = new ReplayHandler(Fixture.Answer(HttpStatusCode.Created, Provider, "submit-by-model.response.json"));
        using var client = Client(handler);

        await client.BlackForestLabsFluxSchnell.SubmitAsync(new BlackForestLabsFluxSchnellRequest(new BlackForestLabsFluxSchnellParams("a corgi")
        {
            AspectRatio = BlackForestLabsFluxSchnellAspectRatio._16_9,
            NumOutputs = 2,
            Megapixels = BlackForestLabsFluxSchnellMegapixels._0_25,
        })
        {
            Webhook = new Uri("https://example.com/my-webhook"),
            WebhookEventsFilter = [PredictionsWebhookEventsFilterItem.Start, PredictionsWebhookEventsFilterItem.Completed],
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/v1/models/black-forest-labs/flux-schnell/predictions", sent.PathAndQuery);
        Fixture.AssertSameJson(
            """{"webhook":"https://example.com/my-webhook","webhook_events_filter":["start","completed"],"input":{"prompt":"a corgi","aspect_ratio":"16:9","num_outputs":2,"megapixels":"0.25"}}""",
            sent.BodyText);
    }

    [Fact]
    public void A_request_outside_the_documented_ranges_is_refused_before_sending()
    {
        var invalid = new BlackForestLabsFluxSchnellRequest(new BlackForestLabsFluxSchnellParams("a corgi") { NumInferenceSteps = 5, OutputQuality = 101 });

        var errors = invalid.Validate().Errors.Select(e => e.Path).Order(StringComparer.Ordinal);

        Assert.Equal(["input.num_inference_steps", "input.output_quality"], errors);
    }
}
