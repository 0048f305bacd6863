namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>POST /v2/assets/create stores an asset; GET /v2/assets/{assetId} answers it.</summary>
public sealed class AssetTests
{
    [Fact]
    public async Task A_stored_asset_is_fetched_back_ready()
    {
        await using var t = await Ops.StartAsync();
        var (status, created) = await t.SendAsync(HttpMethod.Post, "v2/assets/create", Ops.Json(new { url = "https://example.com/a.png", type = "image" }));
        Assert.Equal(201, status);
        var id = created.GetProperty("assetId").GetString()!;

        var (fetched, asset) = await t.SendAsync(HttpMethod.Get, "v2/assets/" + id);
        Assert.Equal(200, fetched);
        Assert.Equal(id, asset.GetProperty("id").GetString());
        Assert.Equal("https://example.com/a.png", asset.GetProperty("url").GetString());
        Assert.Equal("image", asset.GetProperty("type").GetString());
        Assert.Equal("ready", asset.GetProperty("status").GetString());

        var (otherKey, _) = await t.SendAsync(HttpMethod.Get, "v2/assets/" + id, key: "afk_other_key_here");
        Assert.Equal(401, otherKey); // unknown key
    }

    [Fact]
    public async Task An_unknown_asset_is_404()
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Get, "v2/assets/" + Guid.NewGuid());
        Assert.Equal(404, status);
        Assert.Equal(System.Text.Json.JsonValueKind.String, body.GetProperty("error").ValueKind);
    }

    [Theory]
    [InlineData("""{"url":"https://example.com/a.png"}""", "type")]
    [InlineData("""{"url":"ftp://example.com/a.png","type":"image"}""", "url")]
    [InlineData("""{"url":"https://example.com/a.png","type":"pdf"}""", "type")]
    [InlineData("""{"url":"https://example.com/a.png","type":"image","extra":1}""", "extra")]
    public async Task An_invalid_body_is_400(string json, string name)
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v2/assets/create", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("details").TryGetProperty(name, out _), body.ToString());
    }
}
