using System.Linq;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary>The key's prefix, the headers every request carries, and an API without idempotency keys (issue 15, items 4 and 6).</summary>
public class AuthAndHeadersTests
{
    private const string Auth = "  auth: { header: X-API-Key, env: DEMO_KEY }";

    [Fact]
    public void A_prefix_and_fixed_headers_load_as_written()
    {
        var result = SchemaLoader.Load(SchemaText.With(Auth, "  auth: { header: Authorization, prefix: \"Bearer \", env: DEMO_KEY }\n  headers: { X-Runway-Version: \"2024-11-06\", Accept-Language: en }"));

        Assert.Empty(result.Diagnostics);
        var api = result.Document!.Api;
        Assert.Equal("Bearer ", api.Auth.Prefix);
        Assert.Equal(new[] { ("X-Runway-Version", "2024-11-06"), ("Accept-Language", "en") }, api.Headers.Select(h => (h.Name, h.Value)));
    }

    [Fact]
    public void Without_idempotency_the_api_takes_no_idempotency_key_and_without_the_new_keys_nothing_changes()
    {
        var api = SchemaLoader.Load(SchemaText.Minimal).Document!.Api;

        Assert.Null(api.Idempotency);
        Assert.Null(api.Auth.Prefix);
        Assert.Empty(api.Headers);
    }

    [Theory]
    [InlineData("  auth: { header: Authorization, prefix: \"\" }", 5, 42, "printable text")]
    [InlineData("  auth: { header: Authorization, prefix: \"Bearer\\n\" }", 5, 42, "printable text")]
    [InlineData("  auth: { header: \"X API Key\" }", 5, 19, "not an HTTP header name")]
    [InlineData("  auth: { header: X-API-Key }\n  headers: { \"X Version\": \"1\" }", 6, 14, "not an HTTP header name")]
    [InlineData("  auth: { header: X-API-Key }\n  headers: { x-api-key: \"1\" }", 6, 14, "set by the client itself")]
    [InlineData("  auth: { header: X-API-Key }\n  headers: { Content-Type: text/plain }", 6, 14, "set by the client itself")]
    [InlineData("  auth: { header: X-API-Key }\n  idempotency: { header: Idem }\n  headers: { IDEM: \"1\" }", 7, 14, "set by the client itself")]
    [InlineData("  auth: { header: X-API-Key }\n  headers: { X-V: \"1\", x-v: \"2\" }", 6, 24, "listed twice")]
    [InlineData("  auth: { header: X-API-Key }\n  headers: { X-V: \"caf\\u00e9\" }", 6, 19, "no header may carry")]
    [InlineData("  auth: { header: X-API-Key }\n  headers: { X-V: \"a\\r\\nInjected: 1\" }", 6, 19, "no header may carry")]
    public void A_header_the_client_cannot_send_is_PG0016_where_it_is_written(string auth, int line, int column, string phrase)
    {
        var result = SchemaLoader.Load(SchemaText.With(Auth, auth));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("PG0016", error.Id);
        Assert.Equal((line, column), (error.Range.StartLine, error.Range.StartColumn));
        Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
        Assert.Null(result.Document);
    }
}
