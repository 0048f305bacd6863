using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>Follow-up actions on finished Midjourney and Suno jobs: child jobs like generate submissions.</summary>
public sealed class ActionTests
{
    private const string Midjourney = "v2/images/midjourney/action";
    private const string Suno = "v2/music/suno/action";

    private static async Task<JsonElement> CompletedChildAsync(TestEmulator t, string path, object body)
    {
        var (status, accepted) = await t.SendAsync(HttpMethod.Post, path, Ops.Json(body));
        Assert.True(status == 202, accepted.ToString());
        var id = accepted.GetProperty("jobId").GetString()!;
        t.Time.Advance(TimeSpan.FromMinutes(2));
        var job = await t.GetJobAsync(id);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        return job;
    }

    [Theory]
    [InlineData("upsample", 1)]
    [InlineData("variation", 4)]
    public async Task A_midjourney_action_on_a_finished_parent_creates_a_child_job(string action, int images)
    {
        await using var t = await Ops.StartAsync();
        var parent = await t.CompletedJobAsync("midjourney", "v2/images/generate");
        var child = await CompletedChildAsync(t, Midjourney, new { action, parentJobId = parent, index = 2 });
        Assert.Equal("midjourney", child.GetProperty("model").GetString());
        Assert.Equal(images, child.GetProperty("result").GetProperty("images").GetArrayLength());
        Assert.Equal(parent, child.GetProperty("input").GetProperty("parentJobId").GetString());
        Assert.Equal(2, t.Stats.JobsCreated);
    }

    [Fact]
    public async Task Suno_extend_gives_two_tracks_and_stems_a_vocals_and_instrumental_result_that_takes_no_further_action()
    {
        await using var t = await Ops.StartAsync();
        var parent = await t.CompletedJobAsync("suno", "v2/music/generate");
        var extended = await CompletedChildAsync(t, Suno, new { action = "extend", parentJobId = parent, index = 1, continueAt = 30 });
        Assert.Equal(2, extended.GetProperty("result").GetProperty("tracks").GetArrayLength());

        var stems = await CompletedChildAsync(t, Suno, new { action = "stems", parentJobId = parent, index = 1 });
        var result = stems.GetProperty("result");
        var vocals = await t.DownloadAsync(result.GetProperty("vocals").GetString()!);
        var instrumental = await t.DownloadAsync(result.GetProperty("instrumental").GetString()!);
        Wav.AssertValid(vocals, out _);
        Wav.AssertValid(instrumental, out _);
        Assert.False(result.TryGetProperty("tracks", out _));

        var (status, body) = await t.SendAsync(HttpMethod.Post, Suno, Ops.Json(new { action = "cover", parentJobId = stems.GetProperty("id").GetString() }));
        Assert.Equal(409, status);
        Assert.Contains("stems", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unfinished_parent_is_409_and_an_unknown_or_foreign_one_404()
    {
        await using var t = await Ops.StartAsync();
        var running = await t.SubmitAsync(JsonSerializer.Serialize(new { prompt = "a lighthouse", model = "midjourney" }), path: "v2/images/generate");
        var (busy, conflict) = await t.SendAsync(HttpMethod.Post, Midjourney, Ops.Json(new { action = "upsample", parentJobId = running, index = 1 }));
        Assert.Equal(409, busy);
        Assert.Equal(JsonValueKind.String, conflict.GetProperty("error").ValueKind);

        var (unknown, _) = await t.SendAsync(HttpMethod.Post, Midjourney, Ops.Json(new { action = "upsample", parentJobId = Guid.NewGuid(), index = 1 }));
        Assert.Equal(404, unknown);

        var suno = await t.CompletedJobAsync("suno", "v2/music/generate");
        var (wrongModel, _) = await t.SendAsync(HttpMethod.Post, Midjourney, Ops.Json(new { action = "upsample", parentJobId = suno, index = 1 }));
        Assert.Equal(404, wrongModel);

        t.Emulator.SetApiKey(new EmulatorApiKey("afk_another_caller"));
        var (foreign, _) = await t.SendAsync(HttpMethod.Post, Suno, Ops.Json(new { action = "stems", parentJobId = suno }), key: "afk_another_caller");
        Assert.Equal(404, foreign);
        Assert.Equal(2, t.Stats.JobsCreated);
    }

    [Theory]
    [InlineData("""{"action":"zoom","index":1}""", "action")]
    [InlineData("""{"index":1}""", "action")]
    [InlineData("""{"action":"upsample"}""", "index")]
    [InlineData("""{"action":"upsample","index":5}""", "index")]
    [InlineData("""{"action":"upsample","index":1,"direction":"up"}""", "direction")]
    [InlineData("""{"action":"outpaint","zoomRatio":1.7}""", "zoomRatio")]
    public async Task A_bad_variant_is_400(string json, string name)
    {
        await using var t = await Ops.StartAsync();
        var parent = await t.CompletedJobAsync("midjourney", "v2/images/generate");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        body["parentJobId"] = JsonSerializer.SerializeToElement(parent);
        var (status, answer) = await t.SendAsync(HttpMethod.Post, Midjourney, Ops.Json(body));
        Assert.Equal(400, status);
        Assert.True(answer.GetProperty("details").TryGetProperty(name, out _), answer.ToString());
    }

    [Fact]
    public async Task An_action_replays_by_idempotency_key_and_charges_like_a_submission()
    {
        await using var t = await Ops.StartAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_metered", Credits: 25)));
        var parent = await t.SubmitAsync(JsonSerializer.Serialize(new { prompt = "a lighthouse", model = "midjourney" }), key: "afk_metered", path: "v2/images/generate");
        t.Time.Advance(TimeSpan.FromMinutes(2));
        var body = new { action = "variation", parentJobId = parent, index = 3 };
        var (first, a) = await t.SendAsync(HttpMethod.Post, Midjourney, Ops.Json(body), key: "afk_metered", idempotencyKey: "act-1");
        var (second, b) = await t.SendAsync(HttpMethod.Post, Midjourney, Ops.Json(body), key: "afk_metered", idempotencyKey: "act-1");
        Assert.Equal(202, first);
        Assert.Equal(202, second);
        Assert.Equal(a.GetProperty("jobId").GetString(), b.GetProperty("jobId").GetString());
        Assert.Equal(5, t.Emulator.GetCredits("afk_metered"));

        var (poor, _) = await t.SendAsync(HttpMethod.Post, Midjourney, Ops.Json(body with { index = 4 }), key: "afk_metered");
        Assert.Equal(402, poor);
    }
}
