using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>The LoRA resource: created (2 credits), trained on the clock, listed, archived.</summary>
public sealed class LoraTests
{
    private const string Metered = "afk_metered";

    private static MultipartFormDataContent Training(int images = 15, string name = "my style", byte[]? image = null, params (string, string)[] extra) =>
        Ops.Form(
            new[] { ("name", name), ("subjectKind", "style") }.Concat(extra),
            Enumerable.Range(1, images).Select(i => ("images", $"img{i}.png", "image/png", image ?? SampleFiles.Png(128))));

    [Fact]
    public async Task A_lora_moves_through_its_pending_statuses_to_ready_on_the_clock()
    {
        await using var t = await Ops.StartAsync();
        var (status, created) = await t.SendAsync(HttpMethod.Post, "v2/loras", Training(extra: [("steps", "1000")]));
        Assert.Equal(202, status);
        Assert.Equal("PENDING", created.GetProperty("status").GetString());
        Assert.Equal(15, created.GetProperty("imageCount").GetInt32());
        Assert.Equal(1000, created.GetProperty("steps").GetInt32());
        Assert.Equal("style", created.GetProperty("subjectKind").GetString());
        Assert.False(created.GetProperty("isReady").GetBoolean());
        var id = created.GetProperty("id").GetString()!;

        var seen = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var (polled, lora) = await t.SendAsync(HttpMethod.Get, "v2/loras/" + id);
            Assert.Equal(200, polled);
            var current = lora.GetProperty("status").GetString()!;
            if (seen.Count == 0 || seen[^1] != current)
            {
                seen.Add(current);
            }

            if (current == "READY")
            {
                Assert.True(lora.GetProperty("isReady").GetBoolean());
                Assert.True(lora.GetProperty("hasWeights").GetBoolean());
                Assert.False(string.IsNullOrEmpty(lora.GetProperty("triggerWord").GetString()));
                Assert.Equal(JsonValueKind.String, lora.GetProperty("completedAt").ValueKind);
                Assert.Equal(JsonValueKind.String, lora.GetProperty("startedAt").ValueKind);
                Assert.Equal("my style", lora.GetProperty("name").GetString());
                break;
            }

            t.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(new[] { "PENDING", "UPLOADING", "TRAINING", "READY" }, seen);
    }

    [Fact]
    public async Task Creating_costs_two_credits_a_failure_refunds_them_and_a_short_balance_is_402()
    {
        await using var t = await Ops.StartAsync(o =>
        {
            o.ApiKeys.Add(new EmulatorApiKey(Metered, Credits: 3));
            o.Faults.FailJobRate = 1;
        });
        var (status, created) = await t.SendAsync(HttpMethod.Post, "v2/loras", Training(), key: Metered);
        Assert.Equal(202, status);
        Assert.Equal(1, t.Emulator.GetCredits(Metered));

        var (poor, refused) = await t.SendAsync(HttpMethod.Post, "v2/loras", Training(), key: Metered);
        Assert.Equal(402, poor);
        Assert.Equal(2, refused.GetProperty("creditsRequired").GetInt32());

        t.Time.Advance(TimeSpan.FromSeconds(7));
        var (_, failed) = await t.SendAsync(HttpMethod.Get, "v2/loras/" + created.GetProperty("id").GetString(), key: Metered);
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("error").GetString()));
        Assert.False(failed.GetProperty("isReady").GetBoolean());
        var (_, me) = await t.SendAsync(HttpMethod.Get, "v2/me", key: Metered);
        Assert.Equal(3, me.GetProperty("team").GetProperty("credits").GetInt64());
        Assert.Equal(3, t.Emulator.GetCredits(Metered)); // refunded once
    }

    [Theory]
    [InlineData(14, "my style", false, "images")]
    [InlineData(31, "my style", false, "images")]
    [InlineData(15, "", false, "name")]
    [InlineData(15, "my style", true, "images[0]")]
    public async Task An_invalid_training_request_is_400(int images, string name, bool gif, string path)
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v2/loras", Training(images, name, gif ? SampleFiles.Gif : null));
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("details").TryGetProperty(path, out _), body.ToString());
        Assert.Null(t.Emulator.GetCredits(TestEmulator.Key)); // nothing was charged (unlimited key stays unlimited)
    }

    [Fact]
    public async Task An_image_over_10_MB_is_413()
    {
        await using var t = await Ops.StartAsync();
        var (status, _) = await t.SendAsync(HttpMethod.Post, "v2/loras", Ops.Form(
            [("name", "big")],
            Enumerable.Range(1, 15).Select(i => ("images", $"img{i}.png", "image/png", SampleFiles.Png(i == 3 ? 10485761 : 128)))));
        Assert.Equal(413, status);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_and_400()
    {
        await using var t = await Ops.StartAsync();
        Assert.Equal(404, (await t.SendAsync(HttpMethod.Get, "v2/loras/" + Guid.NewGuid())).Status);
        Assert.Equal(400, (await t.SendAsync(HttpMethod.Get, "v2/loras/not-a-uuid")).Status);
        Assert.Equal(404, (await t.SendAsync(HttpMethod.Delete, "v2/loras/" + Guid.NewGuid())).Status);
        Assert.Equal(400, (await t.SendAsync(HttpMethod.Delete, "v2/loras/not-a-uuid")).Status);
    }

    [Fact]
    public async Task Deleting_archives_twice_with_204_and_the_list_hides_archived_ones_unless_asked()
    {
        await using var t = await Ops.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, created) = await t.SendAsync(HttpMethod.Post, "v2/loras", Training(name: "lora " + i));
            ids.Add(created.GetProperty("id").GetString()!);
            t.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var (first, _) = await t.SendAsync(HttpMethod.Delete, "v2/loras/" + ids[1]);
        var (again, _) = await t.SendAsync(HttpMethod.Delete, "v2/loras/" + ids[1]);
        Assert.Equal(204, first);
        Assert.Equal(204, again);
        var (_, archived) = await t.SendAsync(HttpMethod.Get, "v2/loras/" + ids[1]);
        Assert.Equal("ARCHIVED", archived.GetProperty("status").GetString());

        var (status, page) = await t.SendAsync(HttpMethod.Get, "v2/loras");
        Assert.Equal(200, status);
        Assert.Equal(new[] { ids[2], ids[0] }, page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);

        var (_, all) = await t.SendAsync(HttpMethod.Get, "v2/loras?includeArchived=true");
        Assert.Equal(new[] { ids[2], ids[1], ids[0] }, all.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetString()));

        // One per page: the cursor walks them in the same order.
        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var (_, one) = await t.SendAsync(HttpMethod.Get, "v2/loras?includeArchived=true&limit=1" + (cursor is null ? string.Empty : "&cursor=" + cursor));
            walked.AddRange(one.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetString()!));
            cursor = one.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : one.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && walked.Count < 10);

        Assert.Equal(new[] { ids[2], ids[1], ids[0] }, walked);
        Assert.Equal(400, (await t.SendAsync(HttpMethod.Get, "v2/loras?cursor=" + Guid.NewGuid())).Status);
        Assert.Equal(400, (await t.SendAsync(HttpMethod.Get, "v2/loras?includeArchived=maybe")).Status);
        Assert.Equal(400, (await t.SendAsync(HttpMethod.Get, "v2/loras?limit=0")).Status);
    }
}
