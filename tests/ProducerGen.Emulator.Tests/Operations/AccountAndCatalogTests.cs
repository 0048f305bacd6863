using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>GET /v2/me (the key's remaining credits) and GET /v2/models (public, filtered by modality).</summary>
public sealed class AccountAndCatalogTests
{
    private const string Metered = "afk_metered";

    [Fact]
    public async Task The_account_shows_the_keys_remaining_credits_as_jobs_draw_them_down_and_failures_refund()
    {
        await using var t = await Ops.StartAsync(o =>
        {
            o.ApiKeys.Add(new EmulatorApiKey(Metered, Credits: 100));
            o.Faults.FailJobRate = 1;
        });
        var (status, me) = await t.SendAsync(HttpMethod.Get, "v2/me", key: Metered);
        Assert.Equal(200, status);
        Assert.Equal(100, me.GetProperty("team").GetProperty("credits").GetInt64());
        Assert.True(Guid.TryParse(me.GetProperty("user").GetProperty("id").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(me.GetProperty("user").GetProperty("email").GetString()));
        Assert.Equal("afk_mete", me.GetProperty("apiKey").GetProperty("prefix").GetString());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("team").GetProperty("plan").GetString()));

        await t.SubmitAsync(TestEmulator.ProducerBody(), key: Metered);
        await t.SubmitAsync(TestEmulator.ProducerBody("a second, slower ballad"), key: Metered);
        (_, me) = await t.SendAsync(HttpMethod.Get, "v2/me", key: Metered);
        Assert.Equal(80, me.GetProperty("team").GetProperty("credits").GetInt64());

        t.Time.Advance(TimeSpan.FromMinutes(2)); // both fail (FailJobRate = 1) and are refunded
        (_, me) = await t.SendAsync(HttpMethod.Get, "v2/me", key: Metered);
        Assert.Equal(100, me.GetProperty("team").GetProperty("credits").GetInt64());
    }

    [Fact]
    public async Task The_catalog_lists_every_model_with_its_modality_and_needs_no_key()
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Get, "v2/models", key: null);
        Assert.Equal(200, status);
        var models = body.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(t.Emulator.Schema.Models.Count, models.Count);
        var suno = models.Single(m => m.GetProperty("id").GetString() == "suno");
        Assert.Equal("music", suno.GetProperty("modality").GetString());
        Assert.Equal("image", models.Single(m => m.GetProperty("id").GetString() == "midjourney").GetProperty("modality").GetString());
        Assert.All(models, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("label").GetString())));

        // A bad key is no error on a public operation either.
        var (badKey, _) = await t.SendAsync(HttpMethod.Get, "v2/models", key: "afk_not_a_key");
        Assert.Equal(200, badKey);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("video")]
    [InlineData("music")]
    public async Task The_modality_filter_keeps_only_that_modality(string modality)
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Get, $"v2/models?modality={modality}", key: null);
        Assert.Equal(200, status);
        var models = body.GetProperty("models").EnumerateArray().ToList();
        Assert.NotEmpty(models);
        Assert.All(models, m => Assert.Equal(modality, m.GetProperty("modality").GetString()));
        var groups = t.Emulator.Schema.Operations.Single(o => o.Key == "listModels").Emulate.Groups;
        var expected = t.Emulator.Schema.Models.Count(m => groups.Any(g => g.Key == m.Endpoint && g.Value == modality));
        Assert.Equal(expected, models.Count);
    }

    [Fact]
    public async Task An_unknown_modality_is_400_with_the_providers_error_shape()
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Get, "v2/models?modality=hologram", key: null);
        Assert.Equal(400, status);
        Assert.Equal("Validation failed", body.GetProperty("error").GetString());
        Assert.Contains("hologram", body.GetProperty("details").GetProperty("modality")[0].GetString(), StringComparison.Ordinal);
    }
}
