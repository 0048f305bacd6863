using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary><c>api.webhooks</c>: the signing scheme, its secret, tolerance and header parts, and the webhook URL's member (issue 16, item 3).</summary>
public class WebhookSchemeLoadingTests
{
    private const string Jobs = "    get: GET /v1/jobs/{id}";
    private const string Fields = "      prompt: { type: string, required: true }";

    /// <summary>The minimal schema with <paramref name="webhooks"/> as line 8 and a <c>webhookUrl</c> field.</summary>
    private static string WithWebhooks(string webhooks)
        => SchemaText.With(Jobs, Jobs + "\n" + webhooks).Replace(Fields, Fields + "\n      webhookUrl: { type: url }", System.StringComparison.Ordinal);

    [Fact]
    public void A_standard_scheme_loads_with_its_secret_variable_tolerance_and_url_member()
    {
        var result = SchemaLoader.Load(WithWebhooks("  webhooks: { scheme: standard, secretEnv: DEMO_WEBHOOK_SECRET, tolerance: 2m, urlMember: webhookUrl }"));

        Assert.Empty(result.Diagnostics);
        var webhooks = result.Document!.Api.Webhooks!;
        Assert.Equal("standard", webhooks.Scheme);
        Assert.Equal("DEMO_WEBHOOK_SECRET", webhooks.SecretEnv);
        Assert.Equal(120_000, webhooks.ToleranceMilliseconds);
        Assert.Equal("webhookUrl", webhooks.UrlMember);
        Assert.True(webhooks.HasSigning);
    }

    [Fact]
    public void A_timestamped_scheme_loads_its_header_and_part_names()
    {
        var result = SchemaLoader.Load(WithWebhooks("  webhooks: { scheme: timestamped, signatureHeader: X-Signature, timestampKey: ts, signatureKey: v0 }"));

        Assert.Empty(result.Diagnostics);
        var webhooks = result.Document!.Api.Webhooks!;
        Assert.Equal(("timestamped", "X-Signature", "ts", "v0"), (webhooks.Scheme, webhooks.SignatureHeader, webhooks.TimestampKey, webhooks.SignatureKey));
    }

    [Fact]
    public void The_v1_keys_alone_set_no_signing_so_generated_code_stays_as_it_was()
    {
        var webhooks = SchemaLoader.Load(WithWebhooks("  webhooks: { signatureHeader: X-Webhook-Signature, eventHeader: X-Webhook-Event }")).Document!.Api.Webhooks!;

        Assert.Null(webhooks.Scheme);
        Assert.False(webhooks.HasSigning);
    }

    [Fact]
    public void Unsigned_webhooks_are_declared_explicitly()
        => Assert.Equal("none", SchemaLoader.Load(WithWebhooks("  webhooks: { scheme: none }")).Document!.Api.Webhooks!.Scheme);

    [Theory]
    [InlineData("  webhooks: { scheme: standrd }", "standrd", "PG0016", "Did you mean 'standard'?")]
    [InlineData("  webhooks: { scheme: standard, signatureHeader: X-Sig }", "signatureHeader", "PG0016", "webhook-signature")]
    [InlineData("  webhooks: { scheme: timestamped }", "timestamped", "PG0004", "missing the required key 'signatureHeader'")]
    [InlineData("  webhooks: { signatureHeader: X-Sig, secretEnv: DEMO_SECRET }", "secretEnv", "PG0016", "keyed by the API key")]
    [InlineData("  webhooks: { scheme: none, secretEnv: DEMO_SECRET }", "secretEnv", "PG0016", "unsigned webhooks have no secret")]
    [InlineData("  webhooks: { scheme: standard, secretEnv: \"MY SECRET\" }", "\"MY SECRET\"", "PG0016", "not an environment variable name")]
    [InlineData("  webhooks: { scheme: standard, tolerance: soon }", "soon", "PG0016", "not a positive duration")]
    [InlineData("  webhooks: { scheme: standard, tolerance: 0s }", "0s", "PG0016", "not a positive duration")]
    [InlineData("  webhooks: { scheme: none, tolerance: 5m }", "tolerance", "PG0016", "signs no timestamp")]
    [InlineData("  webhooks: { scheme: standard, timestampKey: t }", "timestampKey", "PG0016", "only with 'scheme: timestamped'")]
    [InlineData("  webhooks: { scheme: timestamped, signatureHeader: X-Sig, signatureKey: \"v=1\" }", "\"v=1\"", "PG0016", "without ','")]
    [InlineData("  webhooks: { scheme: timestamped, signatureHeader: X-Sig, timestampKey: t, signatureKey: t }", "t }", "PG0016", "both 't'")]
    [InlineData("  webhooks: { signatureHeader: \"X Sig\" }", "\"X Sig\"", "PG0016", "not an HTTP header name")]
    [InlineData("  webhooks: { scheme: standard, urlMember: webhook_url }", "webhook_url", "PG0016", "Did you mean 'webhookUrl'?")]
    [InlineData("  webhooks: { scheme: standard, secret: abc }", "secret", "PG0003", "allowed: scheme, signatureHeader, eventHeader, secretEnv")]
    public void A_misused_webhook_key_is_a_located_diagnostic(string webhooks, string marker, string id, string phrase)
    {
        var result = SchemaLoader.Load(WithWebhooks(webhooks));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal((8, webhooks.LastIndexOf(marker, System.StringComparison.Ordinal) + 1), (error.Range.StartLine, error.Range.StartColumn));
        Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
    }
}
