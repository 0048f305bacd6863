using System.Net;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests;

public sealed class JobLifecycleTests
{
    [Fact]
    public async Task Submit_then_poll_reaches_COMPLETED_with_every_job_field()
    {
        await using var t = await TestEmulator.StartAsync();
        using var response = await t.PostAsync(TestEmulator.ProducerBody(producerParams: new { title = "Night Drive", seed = "demo-1" }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("QUEUED", accepted.GetProperty("status").GetString());
        var id = accepted.GetProperty("jobId").GetString()!;
        Assert.True(Guid.TryParseExact(id, "D", out _));

        var queued = await t.GetJobAsync(id);
        Assert.Equal("QUEUED", queued.GetProperty("status").GetString());
        Assert.Equal(0, queued.GetProperty("progress").GetInt32());
        foreach (var field in new[] { "id", "status", "model", "progress", "error", "creditCost", "webhookStatus", "createdAt", "completedAt", "result", "expired", "input" })
        {
            Assert.True(queued.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(id, queued.GetProperty("id").GetString());
        Assert.Equal("producer", queued.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("error").ValueKind);
        Assert.Equal(10, queued.GetProperty("creditCost").GetInt32());
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("webhookStatus").ValueKind);
        Assert.Equal("2025-01-01T12:00:00.000Z", queued.GetProperty("createdAt").GetString());
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("completedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("result").ValueKind);
        Assert.False(queued.GetProperty("expired").GetBoolean());
        Assert.Equal("Night Drive", queued.GetProperty("input").GetProperty("producerParams").GetProperty("title").GetString());

        // The producer model averages 45 s; without jitter it completes exactly then.
        t.Time.Advance(TimeSpan.FromSeconds(45));
        var done = await t.GetJobAsync(id);
        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        Assert.Equal("2025-01-01T12:00:45.000Z", done.GetProperty("completedAt").GetString());
        var tracks = done.GetProperty("result").GetProperty("tracks");
        Assert.Equal(2, tracks.GetArrayLength());
        foreach (var track in tracks.EnumerateArray())
        {
            Assert.Equal("Night Drive", track.GetProperty("title").GetString());
            Assert.Equal(4.0, track.GetProperty("duration").GetDouble());
            Assert.True(Guid.TryParse(track.GetProperty("id").GetString(), out _));
            var audio = new Uri(track.GetProperty("audioUrl").GetString()!);
            Assert.True(audio.IsAbsoluteUri);
            Assert.StartsWith(t.Emulator.BaseAddress.AbsoluteUri, audio.AbsoluteUri, StringComparison.Ordinal);
            Wav.AssertValid(await t.DownloadAsync(audio.AbsoluteUri), out _);
            var image = await t.DownloadAsync(track.GetProperty("imageUrl").GetString()!);
            Assert.Equal((ProducerGen.Emulator.Tests.Media.ImageKind.Jpeg, 512, 512), ProducerGen.Emulator.Tests.Media.ImageHeader.Read(image));
        }

        Assert.NotEqual(tracks[0].GetProperty("id").GetString(), tracks[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Progress_rises_from_QUEUED_through_PROCESSING_to_COMPLETED()
    {
        await using var t = await TestEmulator.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(100));
        var id = await t.SubmitAsync(TestEmulator.ProducerBody());
        var seen = new List<(string Status, int Progress)>();
        for (var second = 0; second <= 100; second += 5)
        {
            var job = await t.GetJobAsync(id);
            seen.Add((job.GetProperty("status").GetString()!, job.GetProperty("progress").GetInt32()));
            t.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(("QUEUED", 0), seen[0]);
        Assert.Contains(seen, s => s.Status == "PROCESSING" && s.Progress is > 0 and < 100);
        Assert.Equal(("COMPLETED", 100), seen[^1]);
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].Progress >= seen[i - 1].Progress, $"progress fell at {i}: {seen[i - 1]} -> {seen[i]}");
        }

        var order = new[] { "QUEUED", "PROCESSING", "COMPLETED" };
        Assert.Equal(order, seen.Select(s => s.Status).Distinct());
    }

    [Fact]
    public async Task Time_scale_shortens_jobs_and_jitter_is_deterministic_per_request()
    {
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.TimeScale = 0.05;
            o.DurationJitter = 0.15;
        });
        var first = await t.SubmitAsync(TestEmulator.ProducerBody("a calm ambient piece"));
        var second = await t.SubmitAsync(TestEmulator.ProducerBody("a calm ambient piece"));

        // 45 s x 0.05 = 2.25 s, +-15 %: still processing at 1.5 s, done by 2.6 s.
        t.Time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal("PROCESSING", (await t.GetJobAsync(first)).GetProperty("status").GetString());
        t.Time.Advance(TimeSpan.FromSeconds(1.1));
        var a = await t.GetJobAsync(first);
        var b = await t.GetJobAsync(second);
        Assert.Equal("COMPLETED", a.GetProperty("status").GetString());
        Assert.Equal(a.GetProperty("completedAt").GetString(), b.GetProperty("completedAt").GetString());
    }

    [Fact]
    public async Task Completed_jobs_expire_after_the_asset_retention_and_their_files_go()
    {
        await using var t = await TestEmulator.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(10));
        var id = await t.SubmitAsync(TestEmulator.ProducerBody());
        t.Time.Advance(TimeSpan.FromSeconds(10));
        var url = (await t.GetJobAsync(id)).GetProperty("result").GetProperty("tracks")[0].GetProperty("audioUrl").GetString()!;
        t.Time.Advance(TimeSpan.FromHours(24));
        var job = await t.GetJobAsync(id);
        Assert.True(job.GetProperty("expired").GetBoolean());
        using var file = await t.Http.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task Files_are_not_served_before_the_job_completes()
    {
        await using var t = await TestEmulator.StartAsync();
        var id = await t.SubmitAsync(TestEmulator.ProducerBody());
        using var early = await t.Http.GetAsync($"files/{id}/1.wav");
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        t.Time.Advance(TimeSpan.FromSeconds(45));
        using var third = await t.Http.GetAsync($"files/{id}/3.wav");
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
        using var first = await t.Http.GetAsync($"files/{id}/1.wav");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("audio/wav", first.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_response_carries_an_x_request_id()
    {
        await using var t = await TestEmulator.StartAsync();
        var ids = new HashSet<string>();
        using (var accepted = await t.PostAsync(TestEmulator.ProducerBody()))
        {
            ids.Add(accepted.Headers.GetValues("x-request-id").Single());
        }

        using (var invalid = await t.PostAsync("{}"))
        {
            ids.Add(invalid.Headers.GetValues("x-request-id").Single());
        }

        using (var unauthorized = await t.PostAsync(TestEmulator.ProducerBody(), key: null))
        {
            ids.Add(unauthorized.Headers.GetValues("x-request-id").Single());
        }

        var (_, _, notFound) = await t.GetAsync($"v2/jobs/{Guid.NewGuid()}");
        ids.Add(notFound.Headers.GetValues("x-request-id").Single());
        notFound.Dispose();
        using (var root = await t.Http.GetAsync(string.Empty))
        {
            ids.Add(root.Headers.GetValues("x-request-id").Single());
        }

        Assert.Equal(5, ids.Count);
        Assert.All(ids, id => Assert.StartsWith("req_", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serves_any_schema_its_routes_models_and_result_shape()
    {
        const string yaml = """
            producergen: 1
            api:
              name: Pixels
              baseUrl: https://api.example.com
              auth: { header: Authorization-Key }
              jobs:
                get: GET /v1/tasks/{id}
                idField: taskId
            endpoints:
              image:
                request: POST /v1/images
                fields:
                  text: { type: string, required: true }
                result:
                  imageUrl: { type: url }
                  width: { type: integer, min: 256 }
            models:
              painter:
                endpoint: image
                paramsKey: painterParams
                averageCompletion: 2s
                params:
                  size: { type: integer, enum: [256, 512] }
            """;
        await using var t = await TestEmulator.StartAsync(o => o.SchemaYaml = yaml);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/images")
        {
            Content = new StringContent("""{"text":"a cat","model":"painter","painterParams":{"size":512}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Authorization-Key", TestEmulator.Key);
        using var response = await t.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("jobId").GetString();
        t.Time.Advance(TimeSpan.FromSeconds(2));
        using var get = new HttpRequestMessage(HttpMethod.Get, $"v1/tasks/{id}");
        get.Headers.Add("Authorization-Key", TestEmulator.Key);
        using var job = await t.Http.SendAsync(get);
        var body = JsonDocument.Parse(await job.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, body.GetProperty("taskId").GetString());
        Assert.Equal("COMPLETED", body.GetProperty("status").GetString());
        // An image endpoint: the width is the requested size, the URL a PNG (no output format asked for).
        Assert.Equal(512, body.GetProperty("result").GetProperty("width").GetInt32());
        Assert.EndsWith("/1.png", body.GetProperty("result").GetProperty("imageUrl").GetString(), StringComparison.Ordinal);
    }
}
