using System.Net;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task Same_key_and_body_returns_the_original_job_and_creates_no_second()
    {
        await using var t = await TestEmulator.StartAsync();
        var body = TestEmulator.ProducerBody(producerParams: new { weirdness = 0.35 });
        var first = await t.SubmitAsync(body, idempotencyKey: "submit-1");
        var second = await t.SubmitAsync(body, idempotencyKey: "submit-1");
        Assert.Equal(first, second);
        Assert.Equal(1, t.Stats.JobsCreated);
        Assert.Equal(1, t.Stats.JobsCreatedFor(TestEmulator.Key, "submit-1"));
        Assert.Equal(1, t.Stats.IdempotentReplays);
        Assert.Equal(10, t.Stats.CreditsCharged(TestEmulator.Key));
    }

    [Fact]
    public async Task The_same_body_written_differently_is_the_same_body()
    {
        await using var t = await TestEmulator.StartAsync();
        var first = await t.SubmitAsync("""{"prompt":"p","model":"producer","producerParams":{"title":"T","seed":"s"}}""", idempotencyKey: "k");
        var second = await t.SubmitAsync("""{ "producerParams": { "seed": "s", "title": "T" }, "model": "producer", "prompt": "p" }""", idempotencyKey: "k");
        Assert.Equal(first, second);
        Assert.Equal(1, t.Stats.JobsCreated);
    }

    [Fact]
    public async Task A_replay_reports_the_jobs_current_status()
    {
        await using var t = await TestEmulator.StartAsync();
        var body = TestEmulator.ProducerBody();
        var id = await t.SubmitAsync(body, idempotencyKey: "k");
        t.Time.Advance(TimeSpan.FromMinutes(1));
        using var replay = await t.PostAsync(body, idempotencyKey: "k");
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var json = JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, json.GetProperty("jobId").GetString());
        Assert.Equal("COMPLETED", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_409()
    {
        await using var t = await TestEmulator.StartAsync();
        await t.SubmitAsync(TestEmulator.ProducerBody("first"), idempotencyKey: "k");
        using var conflict = await t.PostAsync(TestEmulator.ProducerBody("second"), idempotencyKey: "k");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var error = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains("Idempotency-Key", error, StringComparison.Ordinal);
        Assert.Equal(1, t.Stats.JobsCreated);
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_api_key_and_forgotten_after_24_hours()
    {
        await using var t = await TestEmulator.StartAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_second")));
        var body = TestEmulator.ProducerBody();
        var mine = await t.SubmitAsync(body, idempotencyKey: "k");
        var theirs = await t.SubmitAsync(body, key: "afk_second", idempotencyKey: "k");
        Assert.NotEqual(mine, theirs);

        t.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(mine, await t.SubmitAsync(body, idempotencyKey: "k"));
        t.Time.Advance(TimeSpan.FromHours(1));
        var later = await t.SubmitAsync(body, idempotencyKey: "k");
        Assert.NotEqual(mine, later);
        Assert.Equal(2, t.Stats.JobsCreatedFor(TestEmulator.Key, "k"));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_create_one_job()
    {
        await using var t = await TestEmulator.StartAsync();
        var body = TestEmulator.ProducerBody();
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => t.SubmitAsync(body, idempotencyKey: "parallel")));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, t.Stats.JobsCreated);
        Assert.Equal(1, t.Stats.MaxJobsPerIdempotencyKey);
    }
}
