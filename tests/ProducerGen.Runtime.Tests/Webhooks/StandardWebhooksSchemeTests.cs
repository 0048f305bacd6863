using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// The Standard Webhooks scheme. The vectors are the specification's own, verbatim from
/// github.com/standard-webhooks/standard-webhooks at b2fa7b8719fb75d326b591077f5d1b385cfcdfae:
/// libraries/python/tests/test_webhooks.py (test_sign_function) and libraries/go/webhook_test.go (defaultMsgID, defaultPayload,
/// defaultSecret, the invalid "Ceo5…" signature, the multi-signature case and the 5-minute tolerance).
/// </summary>
public class StandardWebhooksSchemeTests
{
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecMessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecPayload = """{"test": 2432232314}""";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private const string SpecInvalidSignature = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    private const string OtherSecret = "whsec_" + "c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24tdGVzdHM=";

    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(SpecPayload);

    private static readonly ApiDescription Api = new(
        "Replicate", new Uri("https://api.replicate.test"), "Authorization", null, null, null, "/v1/predictions/{id}", "id",
        ["starting", "processing"], ["succeeded"], ["failed", "canceled"], null, null, authPrefix: "Bearer ")
    {
        WebhookSigning = new WebhookSigning { Scheme = WebhookSignatureScheme.StandardWebhooks, SecretEnvironmentVariable = "PRODUCERGEN_TEST_STANDARD_SECRET" },
    };

    private static FakeTimeProvider At(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    private static Func<string, string?> Headers(string id, long timestamp, string signature) => name => name switch
    {
        "webhook-id" => id,
        "webhook-timestamp" => timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "webhook-signature" => signature,
        _ => null,
    };

    private static WebhookVerificationFailure FailureOf(WebhookVerifier verifier, byte[] body, Func<string, string?> headers)
        => Assert.Throws<WebhookVerificationException>(() => verifier.VerifyDelivery(body, headers)).Reason;

    [Fact]
    public void Signing_the_specification_example_gives_its_published_signature()
        => Assert.Equal(SpecSignature, WebhookSignatures.Standard(SpecSecret, SpecMessageId, SpecTimestamp, Payload));

    [Fact]
    public void The_specification_example_verifies_at_its_timestamp_and_its_id_is_the_delivery_id()
    {
        var verifier = new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp));
        Assert.Equal(SpecMessageId, verifier.VerifyDelivery(Payload, Headers(SpecMessageId, SpecTimestamp, SpecSignature)));
    }

    [Fact]
    public void The_specification_invalid_signature_fails()
        => Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp)), Payload, Headers(SpecMessageId, SpecTimestamp, SpecInvalidSignature)));

    [Fact]
    public void The_specification_multi_signature_header_verifies_when_one_entry_is_valid()
    {
        var header = string.Join(' ', SpecInvalidSignature, "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", SpecSignature, SpecInvalidSignature);
        Assert.Equal(SpecMessageId, new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp)).VerifyDelivery(Payload, Headers(SpecMessageId, SpecTimestamp, header)));
    }

    [Fact]
    public void An_altered_body_fails()
    {
        var altered = Encoding.UTF8.GetBytes("""{"test": 2432232315}""");
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp)), altered, Headers(SpecMessageId, SpecTimestamp, SpecSignature)));
    }

    [Fact]
    public void An_altered_id_or_timestamp_fails_because_both_are_signed()
    {
        var verifier = new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp));
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(verifier, Payload, Headers("msg_other", SpecTimestamp, SpecSignature)));
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(verifier, Payload, Headers(SpecMessageId, SpecTimestamp + 1, SpecSignature)));
    }

    [Fact]
    public void Another_secret_fails()
        => Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(new WebhookVerifier(Api, [OtherSecret], At(SpecTimestamp)), Payload, Headers(SpecMessageId, SpecTimestamp, SpecSignature)));

    [Fact]
    public void Rotation_accepts_a_delivery_signed_with_either_secret()
    {
        var verifier = new WebhookVerifier(Api, [OtherSecret, SpecSecret], At(SpecTimestamp));
        Assert.Equal(SpecMessageId, verifier.VerifyDelivery(Payload, Headers(SpecMessageId, SpecTimestamp, SpecSignature)));
        var withOther = WebhookSignatures.Standard(OtherSecret, SpecMessageId, SpecTimestamp, Payload);
        Assert.Equal(SpecMessageId, verifier.VerifyDelivery(Payload, Headers(SpecMessageId, SpecTimestamp, withOther)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_beyond_five_minutes_either_way_fails(long offsetSeconds)
        => Assert.Equal(WebhookVerificationFailure.TimestampOutsideTolerance, FailureOf(new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp - offsetSeconds)), Payload, Headers(SpecMessageId, SpecTimestamp, SpecSignature)));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void A_timestamp_at_the_tolerance_still_verifies(long offsetSeconds)
        => Assert.Equal(SpecMessageId, new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp - offsetSeconds)).VerifyDelivery(Payload, Headers(SpecMessageId, SpecTimestamp, SpecSignature)));

    [Fact]
    public void The_schema_tolerance_replaces_the_default()
    {
        var strict = new ApiDescription(
            "Strict", new Uri("https://s.test"), "Authorization", null, null, null, "/j/{id}", "id", ["p"], ["s"], ["f"], null, null, authPrefix: null)
        {
            WebhookSigning = new WebhookSigning { Scheme = WebhookSignatureScheme.StandardWebhooks, Tolerance = TimeSpan.FromSeconds(30) },
        };
        Assert.Equal(WebhookVerificationFailure.TimestampOutsideTolerance, FailureOf(new WebhookVerifier(strict, [SpecSecret], At(SpecTimestamp + 31)), Payload, Headers(SpecMessageId, SpecTimestamp, SpecSignature)));
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void A_missing_header_fails_as_unsigned(string missing)
    {
        var all = Headers(SpecMessageId, SpecTimestamp, SpecSignature);
        Assert.Equal(WebhookVerificationFailure.SignatureMissing, FailureOf(new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp)), Payload, name => name == missing ? null : all(name)));
    }

    [Theory]
    [InlineData("v1,")]
    [InlineData("v1,not base64!")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void A_malformed_signature_fails(string signature)
        => Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp)), Payload, Headers(SpecMessageId, SpecTimestamp, signature)));

    [Fact]
    public void A_malformed_timestamp_fails()
    {
        var headers = Headers(SpecMessageId, SpecTimestamp, SpecSignature);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp)), Payload, name => name == "webhook-timestamp" ? "yesterday" : headers(name)));
    }

    [Fact]
    public void A_replay_under_a_fresh_timestamp_keeps_the_delivery_id_as_its_deduplication_key()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"p-1","status":"succeeded","output":["https://x.test/a.png"]}""");
        var first = new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp));
        var later = new WebhookVerifier(Api, [SpecSecret], At(SpecTimestamp + 3600));
        var original = first.VerifyAndParseDelivery(body, Headers(SpecMessageId, SpecTimestamp, WebhookSignatures.Standard(SpecSecret, SpecMessageId, SpecTimestamp, body)));
        var replay = later.VerifyAndParseDelivery(body, Headers(SpecMessageId, SpecTimestamp + 3600, WebhookSignatures.Standard(SpecSecret, SpecMessageId, SpecTimestamp + 3600, body)));
        Assert.Equal(WebhookEventType.Completed, original.Type);
        Assert.Equal("Replicate:id:" + SpecMessageId, original.DeduplicationKey);
        Assert.Equal(original.DeduplicationKey, replay.DeduplicationKey);

        // The captured original, sent again an hour later, is refused outright.
        Assert.Equal(WebhookVerificationFailure.TimestampOutsideTolerance, FailureOf(later, body, Headers(SpecMessageId, SpecTimestamp, WebhookSignatures.Standard(SpecSecret, SpecMessageId, SpecTimestamp, body))));
    }

    [Fact]
    public void The_secret_comes_from_the_schema_environment_variable_when_none_is_given()
    {
        Environment.SetEnvironmentVariable("PRODUCERGEN_TEST_STANDARD_SECRET", OtherSecret + " " + SpecSecret);
        try
        {
            Assert.Equal(SpecMessageId, new WebhookVerifier(Api, null, At(SpecTimestamp)).VerifyDelivery(Payload, Headers(SpecMessageId, SpecTimestamp, SpecSignature)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PRODUCERGEN_TEST_STANDARD_SECRET", null);
        }

        Assert.Throws<ArgumentException>(() => new WebhookVerifier(Api, null, At(SpecTimestamp)));
    }
}
