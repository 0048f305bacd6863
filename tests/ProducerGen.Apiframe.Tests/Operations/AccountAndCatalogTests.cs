using System;
using System.Linq;
using System.Threading.Tasks;
using Apiframe.Catalog;
using ProducerGen.Emulator;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Operations;

/// <summary><c>GET /v2/me</c> and <c>GET /v2/models</c> through the generated client, against the emulator of the same file.</summary>
public sealed class AccountAndCatalogTests
{
    [Fact]
    public async Task The_account_shows_the_keys_credits_drawn_down_by_a_job()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(o => { o.ApiKeys.Clear(); o.ApiKeys.Add(new EmulatorApiKey("afk_budget", Credits: 500)); o.CreditCost = 10; });
        using var client = ApiframeEmulator.Client(emulator, "afk_budget");

        var before = await client.Account.GetAsync();
        Assert.Equal(500, before.Team?.Credits);
        Assert.NotNull(before.User?.Id);
        Assert.StartsWith("afk_", before.ApiKey?.Prefix, StringComparison.Ordinal);

        await client.Suno.SubmitAsync(new SunoRequest("a calm piano piece"));
        var after = await client.Account.GetAsync();
        Assert.Equal(490, after.Team?.Credits);
    }

    [Fact]
    public async Task The_account_with_a_wrong_key_is_an_authentication_error()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator, "afk_wrong");

        await Assert.ThrowsAsync<AuthenticationException>(() => client.Account.GetAsync());
    }

    [Fact]
    public async Task The_catalog_lists_every_model_and_filters_by_modality()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);

        var all = await client.Catalog.ListAsync();
        Assert.Equal(106, all.Count);
        Assert.Contains(all, m => m.Id == "midjourney" && m.Modality == "image");

        var videos = await client.Catalog.ListAsync(new CatalogListRequest { Modality = CatalogListModality.Video });
        Assert.NotEmpty(videos);
        Assert.All(videos, m => Assert.Equal("video", m.Modality));
        Assert.Equal(all.Count(m => m.Modality == "video"), videos.Count);
        Assert.True(videos.Count < all.Count);
    }

    [Fact]
    public async Task The_catalog_is_public_so_a_wrong_key_does_not_matter_and_is_not_sent()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator, "afk_not_a_key_the_emulator_knows");

        var music = await client.Catalog.ListAsync(new CatalogListRequest { Modality = CatalogListModality.Music });

        Assert.Contains(music, m => m.Id == "suno");
        Assert.All(music, m => Assert.Equal("music", m.Modality));
    }

    [Fact]
    public async Task An_undefined_modality_is_refused_before_anything_is_sent()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.Catalog.ListAsync(new CatalogListRequest { Modality = (CatalogListModality)42 }));
        Assert.Contains(error.Errors, e => e.Path == "modality");
    }
}
