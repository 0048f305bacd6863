using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests;

/// <summary>The Producer page's curl example, byte for byte apart from the host.</summary>
public sealed class FidelityTests
{
    private const string PageBody = """
        {
        "prompt": "an upbeat synthwave track with a driving bassline",
        "model": "producer",
        "producerParams": {
        "model_version": "FUZZ_2_PRO",
        "instrumental": false,
        "lyrics": "Verse 1…",
        "title": "Optional"
        }
        }
        """;

    [Fact]
    public async Task The_pages_curl_example_works_against_the_emulator()
    {
        await using var t = await TestEmulator.StartAsync(o => o.AcceptAnyKey = true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/music/generate") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(PageBody)) };
        request.Headers.Add("X-API-Key", "afk_your_api_key_here");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await t.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(new[] { "jobId", "status" }, accepted.EnumerateObject().Select(p => p.Name));
        Assert.Equal("QUEUED", accepted.GetProperty("status").GetString());

        // The page's polling loop: GET /v2/jobs/JOB_ID until COMPLETED or FAILED, then read result.
        var id = accepted.GetProperty("jobId").GetString()!;
        JsonElement job;
        do
        {
            t.Time.Advance(TimeSpan.FromSeconds(2));
            job = await t.GetJobAsync(id, "afk_your_api_key_here");
        }
        while (job.GetProperty("status").GetString() is not ("COMPLETED" or "FAILED"));

        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal("Optional", job.GetProperty("result").GetProperty("tracks")[0].GetProperty("title").GetString());
    }
}
