using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ProducerGen.Providers.OpenAI;
using ProducerGen.Providers.Replicate;
using Xunit;

namespace ProducerGen.Providers.Tests;

/// <summary>
/// The provider schemas' webhook schemes, checked against signed example deliveries from the providers' official SDK tests (their docs
/// publish none). kie.ai and fal.ai declare no scheme: theirs cannot be expressed (see their schema headers).
/// </summary>
public sealed class WebhookSignatureTests
{
    private static Func<string, string?> Headers(Dictionary<string, string> headers)
    {
        // Header names are case-insensitive on the wire; Replicate's test sends "Webhook-ID".
        var lookup = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        return name => lookup.TryGetValue(name, out var value) ? value : null;
    }

    private static FakeTimeProvider At(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    /// <summary>github.com/replicate/replicate-python @ 0e01c887, tests/test_webhooks.py, test_get_webhook_secret.</summary>
    [Fact]
    public void Replicate_declares_standard_webhooks_and_its_sdk_example_delivery_verifies()
    {
        const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
        var headers = Headers(new()
        {
            ["Content-Type"] = "application/json",
            ["Webhook-ID"] = "msg_p5jXN8AQM9LWM0D4loKWxJek",
            ["Webhook-Timestamp"] = "1614265330",
            ["Webhook-Signature"] = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        });

        var signing = ReplicateClient.Description.WebhookSigning!;
        Assert.Equal(WebhookSignatureScheme.StandardWebhooks, signing.Scheme);
        Assert.Equal("REPLICATE_WEBHOOK_SECRET", signing.SecretEnvironmentVariable);
        Assert.Equal("webhook", signing.UrlMember);
        var verifier = new WebhookVerifier(ReplicateClient.Description, [Secret], At(1614265330));
        Assert.Equal("msg_p5jXN8AQM9LWM0D4loKWxJek", verifier.VerifyDelivery(body, headers));

        // The SDK's "v1,invalid_signature" case.
        var forged = Headers(new() { ["Webhook-ID"] = "msg_p5jXN8AQM9LWM0D4loKWxJek", ["Webhook-Timestamp"] = "1614265330", ["Webhook-Signature"] = "v1,invalid_signature" });
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Assert.Throws<WebhookVerificationException>(() => verifier.VerifyDelivery(body, forged)).Reason);
    }

    /// <summary>github.com/openai/openai-python @ 40b7a6d4, tests/lib/test_webhooks.py (TEST_SECRET, TEST_PAYLOAD, TEST_TIMESTAMP, TEST_WEBHOOK_ID, TEST_SIGNATURE).</summary>
    [Fact]
    public void OpenAI_declares_standard_webhooks_and_its_sdk_example_delivery_verifies_within_five_minutes_only()
    {
        const string Secret = "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=";
        const long Timestamp = 1750861210;
        var body = Encoding.UTF8.GetBytes("""{"id": "evt_685c059ae3a481909bdc86819b066fb6", "object": "event", "created_at": 1750861210, "type": "response.completed", "data": {"id": "resp_123"}}""");
        var headers = Headers(new()
        {
            ["webhook-signature"] = "v1,gUAg4R2hWouRZqRQG4uJypNS8YK885G838+EHb4nKBY=",
            ["webhook-timestamp"] = "1750861210",
            ["webhook-id"] = "wh_685c059ae39c8190af8c71ed1022a24d",
        });

        Assert.Equal(WebhookSignatureScheme.StandardWebhooks, OpenAIVideosClient.Description.WebhookSigning!.Scheme);
        Assert.Equal("OPENAI_WEBHOOK_SECRET", OpenAIVideosClient.Description.WebhookSigning.SecretEnvironmentVariable);
        Assert.Equal("wh_685c059ae39c8190af8c71ed1022a24d", new WebhookVerifier(OpenAIVideosClient.Description, [Secret], At(Timestamp)).VerifyDelivery(body, headers));

        // The SDK's "too old" / "too new" cases: 400 s either way is beyond the 300 s tolerance.
        foreach (var now in new[] { Timestamp + 400, Timestamp - 400 })
        {
            var late = new WebhookVerifier(OpenAIVideosClient.Description, [Secret], At(now));
            Assert.Equal(WebhookVerificationFailure.TimestampOutsideTolerance, Assert.Throws<WebhookVerificationException>(() => late.VerifyDelivery(body, headers)).Reason);
        }

        // The SDK's wrong-secret case.
        Assert.Throws<WebhookVerificationException>(() => new WebhookVerifier(OpenAIVideosClient.Description, ["whsec_" + Convert.ToBase64String("invalid_secret"u8.ToArray())], At(Timestamp)).VerifyDelivery(body, headers));
    }

    [Fact]
    public void Providers_whose_scheme_the_format_cannot_express_declare_none_rather_than_a_wrong_one()
    {
        Assert.Null(ProducerGen.Providers.KieAi.KieAiClient.Description.WebhookSigning);
        Assert.Null(ProducerGen.Providers.KieAi.KieAiClient.Description.WebhookSignatureHeader);
        Assert.Null(ProducerGen.Providers.Fal.FalClient.Description.WebhookSigning);
    }
}
