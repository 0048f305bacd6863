using System.Linq;
using System.Text;
using System.Text.Json;

namespace ProducerGen.Runtime.Tests;

public class JobParseTests
{
    private static Job Parse(string json) => Job.Parse(Encoding.UTF8.GetBytes(json), TestApi.Api);

    [Fact]
    public void Parses_every_documented_member()
    {
        var job = Parse("""{"id":"b2c3","status":"COMPLETED","model":"producer","progress":100,"error":null,"creditCost":120,"webhookStatus":"delivered","createdAt":"2026-01-01T00:00:00Z","completedAt":"2026-01-01T00:00:45Z","expired":true,"input":{"prompt":"x"},"result":"https://cdn.test/a.mp3","extra":{"unknown":1}}""");

        Assert.Equal("b2c3", job.Id);
        Assert.Equal("COMPLETED", job.Status);
        Assert.Equal("producer", job.Model);
        Assert.Equal(100, job.Progress);
        Assert.Null(job.Error);
        Assert.Equal(120, job.CreditCost);
        Assert.Equal("delivered", job.WebhookStatus);
        Assert.Equal(TimeSpan.FromSeconds(45), job.CompletedAt - job.CreatedAt);
        Assert.True(job.Expired);
        Assert.True(job.IsSucceeded);
        Assert.Equal("x", job.Input!.Value.GetProperty("prompt").GetString());
        Assert.Equal(JsonValueKind.String, job.Result!.Value.ValueKind);
    }

    [Fact]
    public void Unknown_status_is_pending_and_fields_are_tolerated()
    {
        var job = Parse("""{"id":"j","status":"UPSCALING","progress":"42.6"}""");
        Assert.True(job.IsPending);
        Assert.False(job.HasKnownStatus);
        Assert.Equal(43, job.Progress);
        Assert.Null(job.Result);
        Assert.Empty(job.GetOutputUrls());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"id":"j","sta""")]
    [InlineData("""["id"]""")]
    [InlineData("""{"status":"QUEUED"}""")]
    public void Malformed_jobs_throw_json_exception(string json) => Assert.ThrowsAny<JsonException>(() => Parse(json));

    [Fact]
    public void Result_survives_the_buffer()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"j","status":"COMPLETED","result":{"tracks":[{"audioUrl":"https://cdn.test/a.mp3"}]}}""");
        var job = Job.Parse(bytes, TestApi.Api);
        Array.Clear(bytes);
        Assert.Equal("https://cdn.test/a.mp3", job.GetOutputUrls().Single().ToString());
    }

    [Fact]
    public void Output_urls_are_found_in_any_shape()
    {
        var job = Parse("""
            {"id":"j","status":"COMPLETED","result":[
              {"tracks":[{"id":"t1","audioUrl":"https://cdn.test/1.mp3","imageUrl":"https://cdn.test/1.jpg","title":"One","duration":61.2}]},
              "https://cdn.test/2.mp3",
              {"nested":{"deeper":["http://cdn.test/3.wav","not a url","ftp://cdn.test/x","https://cdn.test/1.mp3"]}},
              42, null, true
            ]}
            """);
        Assert.Equal(["https://cdn.test/1.mp3", "https://cdn.test/1.jpg", "https://cdn.test/2.mp3", "http://cdn.test/3.wav"], job.GetOutputUrls().Select(u => u.ToString()));
    }
}
