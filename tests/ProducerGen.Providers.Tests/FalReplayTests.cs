using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ProducerGen.Providers.Fal;
using ProducerGen.Providers.Tests.Support;
using Xunit;

namespace ProducerGen.Providers.Tests;

/// <summary>
/// fal.ai's documented queue examples and its official clients' test fixtures (Fixtures/fal/SOURCES.md) replayed through the
/// client generated from schemas/providers/fal.producergen.yaml.
/// </summary>
public sealed class FalReplayTests
{
    private const string Provider = "fal";
    private const string DocumentedId = "024ca5b1-45d3-4afd-883e-ad3abe2a1c4d";

    private static FalClient Client(ReplayHandler handler)
    {
        var options = new FalClientOptions { ApiKey = Fixture.ApiKey };
        Fixture.PollFast(options);
        return new FalClient(options, new HttpClient(handler));
    }

    [Fact]
    public async Task The_webhook_url_goes_in_the_query_string_form_escaped_and_not_in_the_body()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "submit.response.json"));
        using var client = Client(handler);

        await client.FalAiFluxDev.SubmitAsync(new FalAiFluxDevRequest("Photo of a cute dog") { FalWebhook = new Uri("https://example.test/hooks/fal?user=1&x=a b") });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/fal-ai/flux/dev?fal_webhook=https%3A%2F%2Fexample.test%2Fhooks%2Ffal%3Fuser%3D1%26x%3Da%2520b", sent.PathAndQuery);
        Fixture.AssertSameJson(Fixture.Text(Provider, "submit.request.json"), sent.BodyText); // the documented body, unchanged
    }

    [Fact]
    public async Task The_documented_submit_posts_the_input_as_the_whole_body_to_the_model_route_with_a_key_prefix()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "submit.response.json"));
        using var client = Client(handler);

        var job = await client.FalAiFluxDev.SubmitAsync(new FalAiFluxDevRequest("Photo of a cute dog"));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://queue.fal.run/fal-ai/flux/dev", sent.Uri.AbsoluteUri); // the id's slashes kept, not escaped
        Assert.Equal("Key " + Fixture.ApiKey, sent.Header("Authorization"));
        Assert.Null(sent.Header("Idempotency-Key"));
        Fixture.AssertSameJson(Fixture.Text(Provider, "submit.request.json"), sent.BodyText);
        Assert.Equal((DocumentedId, "IN_QUEUE"), (job.Id, job.Status)); // no status in the answer: the first pending one
        // This answer hands over no links: the handle points at the app's own status route (the endpoint's 'jobs').
        Assert.Equal($"https://queue.fal.run/fal-ai/flux/requests/{DocumentedId}/status", job.StatusUrl!.AbsoluteUri);
    }

    [Fact]
    public async Task Without_links_the_wait_polls_the_apps_status_route_then_reads_the_result_endpoint_keeping_a_seed_beyond_2_to_the_53()
    {
        var handler = new ReplayHandler(
            Fixture.Ok(Provider, "submit.response.json"),
            Fixture.Ok(Provider, "status-in-queue.json"),
            Fixture.Ok(Provider, "status-in-progress.json"),
            Fixture.Ok(Provider, "status-completed.json"),
            Fixture.Ok(Provider, "result.json"));
        using var client = Client(handler);

        var handle = await client.FalAiFluxDev.SubmitAsync(new FalAiFluxDevRequest("Photo of a cute dog"));
        var job = await client.Jobs.WaitAsync(handle);

        var polls = handler.Requests.Skip(1).Select(r => (r.Method, r.PathAndQuery)).ToList();
        Assert.Equal(Enumerable.Repeat((HttpMethod.Get, $"/fal-ai/flux/requests/{DocumentedId}/status"), 3).Append((HttpMethod.Get, $"/fal-ai/flux/requests/{DocumentedId}")), polls);
        Assert.All(handler.Requests, r => Assert.Equal("Key " + Fixture.ApiKey, r.Header("Authorization")));
        Assert.True(job.IsSucceeded);
        Assert.Equal((DocumentedId, "COMPLETED"), (job.Id, job.Status)); // the status body names no id: it is the job asked for
        Assert.Null(job.Progress);
        Assert.Equal([new Uri("https://url.to/image.png")], job.GetOutputUrls());
        Assert.Equal("196619188014358660", job.Result!.Value.GetProperty("seed").GetRawText());
        Assert.Equal(1824075, job.Result!.Value.GetProperty("images")[0].GetProperty("file_size").GetInt32());
    }

    [Fact]
    public async Task The_links_a_submit_answer_hands_over_are_polled_instead_of_the_route_template()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "submit-with-links.response.json"), Fixture.Ok(Provider, "status-completed.json"), Fixture.Ok(Provider, "result.json"));
        using var client = Client(handler);

        var handle = await client.FalAiFluxSchnell.SubmitAsync(new FalAiFluxSchnellRequest("a cat") { NumInferenceSteps = 4 });
        var job = await client.Jobs.WaitAsync(handle);

        Assert.Equal(("req_123", "IN_QUEUE"), (handle.Id, handle.Status));
        Assert.Equal(["/fal-ai/flux/schnell", "/x/y/requests/req_123/status", "/x/y/requests/req_123"], handler.Requests.Select(r => r.PathAndQuery));
        Fixture.AssertSameJson("""{"prompt":"a cat","num_inference_steps":4}""", handler.Requests[0].BodyText);
        Assert.True(job.IsSucceeded);
        Assert.Equal([new Uri("https://url.to/image.png")], job.GetOutputUrls());
    }

    [Fact]
    public async Task Completed_with_an_error_is_a_failed_job_with_its_message_and_type_and_no_result_is_fetched()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "status-completed-with-error.json"));
        using var client = Client(handler);

        var job = await client.Jobs.GetAsync("req_123");

        Assert.Single(handler.Requests);
        Assert.Equal("COMPLETED", job.Status);
        Assert.True(job.IsFailed);
        Assert.False(job.IsSucceeded);
        Assert.Equal(("Runner disconnected", "runner_disconnected"), (job.Error, job.ErrorCode));
        Assert.Empty(job.GetOutputUrls());
    }

    [Fact]
    public async Task An_http_error_reads_its_message_from_detail_and_its_code_from_error_type()
    {
        var handler = new ReplayHandler(Fixture.Answer(HttpStatusCode.NotFound, Provider, "error-404.json"));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetAsync("req_123"));

        Assert.Equal(("not found", "bad_request"), (error.ServerMessage, error.ErrorCode));
    }
}
