using System;
using System.Net;
using System.Text.Json;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 17: a long-running resource (a LoRA training) — start, update, wait to ready, failed, timeout, a lying server.</summary>
public sealed class ResourceOperationTests
{
    private static HttpResponseMessage Lora(string id, string status, string? error = null, int code = 200)
        => Responses.Json((HttpStatusCode)code, Ops.LoraJson(id, status, error));

    [Fact]
    public async Task Start_reads_the_id_and_status_of_the_create_answer_and_waits_until_ready()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Lora("l-1", "PENDING", code: 202), () => Lora("l-1", "TRAINING"), () => Lora("l-1", "TRAINING"), () => Lora("l-1", "READY"));
        using var client = TestApi.Client(handler, time);

        var lora = await client.StartResourceAsync(Ops.Train, Ops.Lora, [], null, Ops.ReadId);
        Assert.Equal(("l-1", "PENDING", false), (lora.Id, lora.Status, lora.HasCompleted));

        var id = await time.DriveAsync(lora.WaitAsync());

        Assert.Equal("l-1", id);
        Assert.Equal(("READY", true), (lora.Status, lora.HasCompleted));
        Assert.Equal(4, handler.RequestList.Count);
        Assert.All(handler.RequestList.GetRange(1, 3), r => Assert.Equal("/v2/loras/l-1", r.Uri.AbsolutePath));
        Assert.True(handler.RequestList[1].At > handler.RequestList[0].At); // the first poll waits: the create just said PENDING
    }

    [Fact]
    public async Task Update_reads_once_and_refreshes_status_and_raw()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Lora("l-2", "TRAINING"));
        using var client = TestApi.Client(handler, time);
        var lora = client.ResumeResource(Ops.Lora, "l-2", e => e.GetProperty("status").GetString());
        Assert.Equal(string.Empty, lora.Status);

        var status = await lora.UpdateAsync();

        Assert.Equal("TRAINING", status);
        Assert.Equal("TRAINING", lora.Raw.GetProperty("status").GetString());
        Assert.Single(handler.RequestList);
    }

    [Fact]
    public async Task A_failed_resource_throws_with_its_redacted_error()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Lora("l-3", "FAILED", $"bad images (key {TestApi.Key})"));
        using var client = TestApi.Client(handler, time);

        var error = await Assert.ThrowsAsync<ResourceFailedException>(() => time.DriveAsync(client.ResumeResource(Ops.Lora, "l-3", Ops.ReadId).WaitAsync()));

        Assert.Equal(("l-3", "FAILED"), (error.ResourceId, error.Status));
        Assert.StartsWith("bad images", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApi.Key, error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApi.Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_still_pending_at_the_budget_times_out()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(_ => Lora("l-4", "TRAINING"), time);
        using var client = TestApi.Client(handler, time);
        var started = time.GetUtcNow();

        var error = await Assert.ThrowsAsync<ResourceTimeoutException>(() => time.DriveAsync(client.ResumeResource(Ops.Lora, "l-4", Ops.ReadId).WaitAsync(TimeSpan.FromMinutes(2)), TimeSpan.FromSeconds(1)));

        Assert.Equal(("l-4", "TRAINING"), (error.ResourceId, error.LastStatus));
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2.1));
        Assert.True(handler.RequestList.Count >= 3);
    }

    [Fact]
    public async Task An_unknown_status_keeps_polling_like_jobs()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Lora("l-5", "WARMING_UP"), () => Lora("l-5", "READY"));
        using var client = TestApi.Client(handler, time);

        await time.DriveAsync(client.ResumeResource(Ops.Lora, "l-5", Ops.ReadId).WaitAsync());

        Assert.Equal(2, handler.RequestList.Count);
    }

    [Fact]
    public async Task Retry_after_lengthens_the_pause_between_polls()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.OK, Ops.LoraJson("l-6", "TRAINING"), r => r.Headers.Add("Retry-After", "90")),
            () => Lora("l-6", "READY"));
        using var client = TestApi.Client(handler, time);

        await time.DriveAsync(client.ResumeResource(Ops.Lora, "l-6", Ops.ReadId).WaitAsync(), TimeSpan.FromSeconds(1));

        Assert.True(handler.RequestList[1].At - handler.RequestList[0].At >= TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task An_answer_naming_another_resource_is_refused()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Lora("someone-elses", "READY"));
        using var client = TestApi.Client(handler, time);

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => time.DriveAsync(client.ResumeResource(Ops.Lora, "l-7", Ops.ReadId).WaitAsync()));

        Assert.Contains("another lora", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"PENDING"}""")]
    [InlineData("""{"id":"..","status":"PENDING"}""")]
    [InlineData("""{"id":"a/b","status":"PENDING"}""")]
    [InlineData("""[]""")]
    public async Task A_create_answer_without_a_usable_id_is_unexpected(string body)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.Accepted, body));
        using var client = TestApi.Client(handler, time);

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.StartResourceAsync(Ops.Train, Ops.Lora, [], null, Ops.ReadId));
        Assert.NotNull(error.IdempotencyKey);
        Assert.Equal(handler.RequestList[0].Header("Idempotency-Key"), error.IdempotencyKey); // resend with it: the service replays the create
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void Resuming_an_unusable_id_is_refused(string id)
    {
        var time = TestApi.NewTime();
        using var client = TestApi.Client(new FakeHttpHandler(_ => Lora("x", "READY"), time), time);

        Assert.Throws<ArgumentException>(() => client.ResumeResource(Ops.Lora, id, Ops.ReadId));
    }

    [Fact]
    public void A_resumed_resource_has_no_answer_yet()
    {
        var time = TestApi.NewTime();
        using var client = TestApi.Client(new FakeHttpHandler(_ => Lora("x", "READY"), time), time);

        var lora = client.ResumeResource(Ops.Lora, "x", Ops.ReadId);

        Assert.Equal(JsonValueKind.Undefined, lora.Raw.ValueKind);
        Assert.False(lora.HasCompleted);
    }
}
