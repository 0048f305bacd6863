using System;
using System.Net.Http;
using System.Threading.Tasks;
using ProducerGen.Providers.KieAi;
using ProducerGen.Providers.Tests.Support;
using Xunit;

namespace ProducerGen.Providers.Tests;

/// <summary>
/// kie.ai's documented createTask and recordInfo examples (Fixtures/kie-ai/SOURCES.md) replayed through the client generated
/// from schemas/providers/kie-ai.producergen.yaml: an envelope, a nested id, a query-string poll route, a JSON-text result.
/// </summary>
public sealed class KieAiReplayTests
{
    private const string Provider = "kie-ai";

    private static KieAiClient Client(ReplayHandler handler)
    {
        var options = new KieAiClientOptions { ApiKey = Fixture.ApiKey };
        Fixture.PollFast(options);
        return new KieAiClient(options, new HttpClient(handler));
    }

    [Fact]
    public async Task The_documented_create_task_nests_the_params_under_input_and_reads_the_id_inside_the_envelope()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "submit.response.json"));
        using var client = Client(handler);

        var job = await client.Seedream4_5Edit.SubmitAsync(new Seedream4_5EditRequest(new Seedream4_5EditParams(
            "Keep the model's pose and the flowing shape of the liquid dress unchanged. Change the clothing material from silver metal to completely transparent clear water (or glass). Through the liquid water, the model's skin details are visible. Lighting changes from reflection to refraction.")
        {
            ImageUrls = [new Uri("https://static.aiquickdraw.com/tools/example/1764851484363_ScV1s2aq.webp")],
            AspectRatio = "1:1",
            Quality = "basic",
        })
        {
            CallBackUrl = new Uri("https://your-domain.com/api/callback"),
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "https://api.kie.ai/api/v1/jobs/createTask"), (sent.Method, sent.Uri.AbsoluteUri));
        Assert.Equal("Bearer " + Fixture.ApiKey, sent.Header("Authorization"));
        Fixture.AssertSameJson(Fixture.Text(Provider, "submit.request.json"), sent.BodyText);
        Assert.Equal(("task_seedream_1765172101886", "waiting"), (job.Id, job.Status)); // no state in the answer: the first pending one
    }

    [Fact]
    public async Task The_documented_record_is_polled_by_query_string_and_its_result_urls_are_read_from_the_json_text()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-generating.json"), Fixture.Ok(Provider, "poll-success.json"));
        using var client = Client(handler);

        var job = await client.Jobs.WaitAsync("task_12345678");

        Assert.All(handler.Requests, r => Assert.Equal((HttpMethod.Get, "/api/v1/jobs/recordInfo?taskId=task_12345678"), (r.Method, r.PathAndQuery)));
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(job.IsSucceeded);
        Assert.Equal(("task_12345678", "success"), (job.Id, job.Status));
        Assert.Null(job.Error); // failMsg is "" in a success
        Assert.Null(job.ErrorCode);
        Assert.Equal([new Uri("https://example.com/generated-content.jpg")], job.GetOutputUrls());
        Assert.Equal("grok-imagine/text-to-image", job.Model); // at data.model
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1698765400000), job.CreatedAt); // Unix milliseconds at data.createTime
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1698765432000), job.CompletedAt);
    }

    [Fact]
    public async Task A_failed_record_reads_fail_msg_and_fail_code()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-fail.json"));
        using var client = Client(handler);

        var job = await client.Jobs.GetAsync("task_12345678");

        Assert.True(job.IsFailed);
        Assert.Equal(("fail", "<message>", "<code>"), (job.Status, job.Error, job.ErrorCode));
        Assert.Empty(job.GetOutputUrls()); // resultJson is "" when nothing was made
    }

    [Fact]
    public async Task A_task_id_with_query_characters_is_escaped_in_the_query_string()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-success.json"));
        using var client = Client(handler);

        await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Jobs.GetAsync("task 1&x=2"));

        Assert.Equal("/api/v1/jobs/recordInfo?taskId=task%201%26x%3D2", Assert.Single(handler.Requests).PathAndQuery);
    }
}
