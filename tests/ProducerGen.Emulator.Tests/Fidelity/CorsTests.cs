using System.Net;

namespace ProducerGen.Emulator.Tests.Fidelity;

/// <summary>Browsers can call the emulator: preflights pass without an API key, answers carry CORS headers, origins are configurable.</summary>
public sealed class CorsTests
{
    private const string App = "http://localhost:3000";

    private static HttpRequestMessage Preflight(string origin, string path = "v2/music/generate")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key, content-type");
        return request;
    }

    [Fact]
    public async Task Preflight_from_any_origin_is_answered_without_an_api_key_by_default()
    {
        await using var t = await TestEmulator.StartAsync();
        using var request = Preflight(App);

        using var response = await t.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowedHeaders = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("x-api-key", allowedHeaders, StringComparison.Ordinal);
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Equal(0, t.Stats.Requests); // answered before the key check and the request counter
    }

    [Fact]
    public async Task Actual_requests_and_their_errors_carry_the_cors_headers()
    {
        await using var t = await TestEmulator.StartAsync();
        using var submit = new HttpRequestMessage(HttpMethod.Post, "v2/music/generate") { Content = new StringContent(TestEmulator.ProducerBody(), System.Text.Encoding.UTF8, "application/json") };
        submit.Headers.Add("Origin", App);
        submit.Headers.Add("X-API-Key", TestEmulator.Key);
        using var missingKey = new HttpRequestMessage(HttpMethod.Get, "v2/jobs/6f1c1f5e-8d1e-4c41-9a3b-2f3c4d5e6f70");
        missingKey.Headers.Add("Origin", App);

        using var accepted = await t.Http.SendAsync(submit);
        using var unauthorized = await t.Http.SendAsync(missingKey);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("*", Assert.Single(accepted.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("x-request-id", string.Join(",", accepted.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
        // The browser may read why it failed.
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("*", Assert.Single(unauthorized.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Configured_origins_are_allowed_and_others_are_not()
    {
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.CorsOrigins.Clear();
            o.CorsOrigins.Add("http://app.test");
            o.CorsOrigins.Add("http://admin.test:8080");
        });
        using var fromApp = Preflight("http://app.test");
        using var fromElsewhere = Preflight("http://evil.test");
        using var info = new HttpRequestMessage(HttpMethod.Get, string.Empty);
        info.Headers.Add("Origin", "http://app.test");

        using var allowed = await t.Http.SendAsync(fromApp);
        using var refused = await t.Http.SendAsync(fromElsewhere);
        using var actual = await t.Http.SendAsync(info);

        Assert.Equal("http://app.test", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        // One of several origins is echoed, so caches must key on it.
        Assert.Equal("http://app.test", Assert.Single(actual.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Origin", actual.Headers.Vary);
    }

    [Fact]
    public async Task No_origins_turn_cors_off()
    {
        await using var t = await TestEmulator.StartAsync(o => o.CorsOrigins.Clear());
        using var request = Preflight(App);

        using var response = await t.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("none", new string[0])]
    [InlineData("*", new[] { "*" })]
    [InlineData("http://a.test, https://b.test:8443", new[] { "http://a.test", "https://b.test:8443" })]
    public void Cors_origins_option_parses(string value, string[] expected)
    {
        var result = EmulatorCommandLine.Parse(["--cors-origins", value]);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Options!.CorsOrigins);
    }

    [Theory]
    [InlineData("http://a.test/path")]
    [InlineData("localhost:3000")]
    [InlineData(",")]
    public void Cors_origins_option_rejects_what_is_not_an_origin(string value)
    {
        var result = EmulatorCommandLine.Parse(["--cors-origins", value]);

        Assert.Contains(result.Errors, e => e.Contains("--cors-origins", StringComparison.Ordinal));
    }

    [Fact]
    public void Cors_allows_any_origin_by_default()
    {
        Assert.Equal(["*"], new EmulatorOptions().CorsOrigins);
        Assert.Equal(["*"], EmulatorCommandLine.Parse([]).Options!.CorsOrigins);
    }
}
