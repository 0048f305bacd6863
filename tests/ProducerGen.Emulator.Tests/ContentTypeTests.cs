using System.Text;

namespace ProducerGen.Emulator.Tests;

/// <summary>
/// Issue 14, item 14: the provider's job-creating routes accept only <c>application/json</c> bodies (the OpenAPI
/// document's only request content type). A missing or other Content-Type is a 415 in the generic error envelope; the
/// document defines no 415, so the shape is its <c>ErrorResponse</c>.
/// </summary>
public sealed class ContentTypeTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(TestEmulator.ProducerBody());

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("text/json")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonx")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("json")]
    [InlineData("")]
    public async Task A_missing_or_non_json_content_type_is_a_415(string? contentType)
    {
        await using var t = await TestEmulator.StartAsync();
        var json = (await ReadResponse.ReadAsync(await t.PostRawAsync(Body, contentType))).AssertError(415);
        Assert.StartsWith("Unsupported Media Type: the body must be sent as application/json", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(OpenApi.Documents("POST", "/v2/music/generate", 415), "the document now defines a 415: check its shape");
        OpenApi.AssertFitsComponent("ErrorResponse", json);
        Assert.Equal(0, t.Stats.JobsCreated);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("Application/JSON")]
    [InlineData("APPLICATION/JSON; CHARSET=\"UTF-8\"")]
    [InlineData("application/json; charset=utf8")]
    public async Task Json_is_accepted_with_or_without_a_utf8_charset_in_any_case(string contentType)
    {
        await using var t = await TestEmulator.StartAsync();
        using var response = await t.PostRawAsync(Body, contentType);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Every_body_carrying_route_of_the_catalog_checks_the_content_type()
    {
        await using var t = await TestEmulator.StartAsync(o => o.SchemaPath = RepoFiles.Catalog);
        Assert.True(t.Emulator.Schema.Endpoints.Count > 1);
        foreach (var endpoint in t.Emulator.Schema.Endpoints)
        {
            var route = endpoint.Request.Path.TrimStart('/');
            foreach (var contentType in new[] { null, "text/plain" })
            {
                var response = await ReadResponse.ReadAsync(await t.PostRawAsync("{}"u8.ToArray(), contentType, route));
                response.AssertError(415);
            }

            // With JSON the same body reaches validation.
            var validated = await ReadResponse.ReadAsync(await t.PostRawAsync("{}"u8.ToArray(), "application/json", route));
            validated.AssertError(400);
        }
    }

    [Fact]
    public async Task Authentication_is_checked_before_the_content_type()
    {
        await using var t = await TestEmulator.StartAsync();
        (await ReadResponse.ReadAsync(await t.PostRawAsync(Body, "text/plain", key: null))).AssertError(401);
    }
}
