using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task Completed_webhook_is_signed_with_hmac_of_the_body_keyed_by_sha256_of_the_api_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var t = await TestEmulator.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(10));
        var id = await t.SubmitAsync(TestEmulator.ProducerBody(extra: new { webhookUrl = receiver.Url }));
        Assert.Equal("pending", (await t.GetJobAsync(id)).GetProperty("webhookStatus").GetString());

        await t.AdvanceUntilAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(1));
        var hook = Assert.Single(receiver.Received);
        Assert.Equal("completed", hook.Event);
        Assert.Equal("application/json", hook.ContentType?.Split(';')[0]);
        Assert.Equal(ExpectedSignature(TestEmulator.Key, hook.Body), hook.Signature);
        Assert.NotEqual(ExpectedSignature("afk_other", hook.Body), hook.Signature);

        var payload = hook.Json;
        Assert.Equal("completed", payload.GetProperty("event").GetString());
        Assert.Equal(id, payload.GetProperty("jobId").GetString());
        var job = payload.GetProperty("job");
        Assert.Equal(id, job.GetProperty("id").GetString());
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("result").GetProperty("tracks").GetArrayLength());

        await t.AdvanceUntilAsync(() => t.Emulator.Stats.WebhookDeliveries == 1, TimeSpan.FromMilliseconds(250));
        Assert.Equal("delivered", (await t.GetJobAsync(id)).GetProperty("webhookStatus").GetString());
    }

    [Fact]
    public async Task Progress_events_precede_the_terminal_event_when_requested()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var t = await TestEmulator.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(20));
        var id = await t.SubmitAsync(TestEmulator.ProducerBody(extra: new { webhookUrl = receiver.Url, webhookEvents = new[] { "progress", "completed" } }));
        await t.AdvanceUntilAsync(() => receiver.Received.Any(r => r.Event == "completed"), TimeSpan.FromSeconds(1));

        var events = receiver.Received.Select(r => (r.Event, Progress: r.Json.GetProperty("job").GetProperty("progress").GetInt32())).ToList();
        Assert.Equal(new[] { ("progress", 25), ("progress", 50), ("progress", 75), ("completed", 100) }, events);
        Assert.All(receiver.Received, r => Assert.Equal(ExpectedSignature(TestEmulator.Key, r.Body), r.Signature));
        Assert.All(receiver.Received.Take(3), r => Assert.Equal("PROCESSING", r.Json.GetProperty("job").GetProperty("status").GetString()));
        Assert.Equal(id, receiver.Received.Last().Json.GetProperty("jobId").GetString());
    }

    [Fact]
    public async Task Failed_jobs_send_the_failed_event_by_default()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.JobDuration = TimeSpan.FromSeconds(10);
            o.Faults.FailJobRate = 1;
        });
        var id = await t.SubmitAsync(TestEmulator.ProducerBody(extra: new { webhookUrl = receiver.Url }));
        await t.AdvanceUntilAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(1));
        var hook = Assert.Single(receiver.Received);
        Assert.Equal("failed", hook.Event);
        var job = hook.Json.GetProperty("job");
        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(job.GetProperty("error").GetString()));
        Assert.Equal(id, job.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_until_it_accepts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(attempt => attempt <= 2 ? 500 : 200);
        await using var t = await TestEmulator.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(10));
        var id = await t.SubmitAsync(TestEmulator.ProducerBody(extra: new { webhookUrl = receiver.Url }));
        await t.AdvanceUntilAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromMilliseconds(500));
        Assert.Equal(3, receiver.Attempts);
        Assert.Equal("completed", Assert.Single(receiver.Received).Event);
        await t.AdvanceUntilAsync(() => t.Emulator.Stats.WebhookDeliveries == 1, TimeSpan.FromMilliseconds(250));
        Assert.Equal(3, t.Emulator.Stats.WebhookAttempts);
        Assert.Equal("delivered", (await t.GetJobAsync(id)).GetProperty("webhookStatus").GetString());
    }

    [Fact]
    public async Task A_receiver_that_never_accepts_ends_in_webhookStatus_failed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 503);
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.JobDuration = TimeSpan.FromSeconds(10);
            o.WebhookMaxAttempts = 3;
        });
        var id = await t.SubmitAsync(TestEmulator.ProducerBody(extra: new { webhookUrl = receiver.Url }));
        await t.AdvanceUntilAsync(() => t.Emulator.Stats.WebhookAttempts == 3, TimeSpan.FromMilliseconds(500));
        await t.AdvanceUntilAsync(() => t.Emulator.GetJobStatus(Guid.Parse(id)) == "COMPLETED", TimeSpan.FromSeconds(1));
        var job = await t.GetJobAsync(id);
        Assert.Equal("failed", job.GetProperty("webhookStatus").GetString());
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        t.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(50);
        Assert.Equal(3, receiver.Attempts);
    }

    private static string ExpectedSignature(string apiKey, byte[] body)
    {
        using var hmac = new HMACSHA256(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
        return "sha256=" + Convert.ToHexString(hmac.ComputeHash(body)).ToLowerInvariant();
    }
}
