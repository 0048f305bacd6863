using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Runtime.Tests;

/// <summary>The <c>t=…,v1=…</c> scheme (names configurable) and the explicitly unsigned scheme.</summary>
public class TimestampedAndUnsignedSchemeTests
{
    private const string Secret = "tsk_live_0123456789";
    private const long Now = 1_760_000_000;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"completed","job":{"id":"j-1","status":"COMPLETED"}}""");

    private static ApiDescription Api(WebhookSigning signing) => new(
        "Stamped", new Uri("https://s.test"), "X-API-Key", null, null, null, "/jobs/{id}", "id", ["QUEUED"], ["COMPLETED"], ["FAILED"], "X-Signature", null, authPrefix: null)
    {
        WebhookSigning = signing,
    };

    private static readonly ApiDescription Stamped = Api(new WebhookSigning { Scheme = WebhookSignatureScheme.Timestamped, TimestampKey = "t", SignatureKey = "v0" });

    private static WebhookVerifier Verifier(long now, params string[] secrets) => new(Stamped, secrets, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));

    private static Func<string, string?> Signature(string? value) => name => name == "X-Signature" ? value : null;

    private static WebhookVerificationFailure FailureOf(WebhookVerifier verifier, byte[] body, string? header)
        => Assert.Throws<WebhookVerificationException>(() => verifier.VerifyDelivery(body, Signature(header))).Reason;

    [Fact]
    public void The_header_has_the_configured_names_and_signs_timestamp_dot_body()
    {
        var header = WebhookSignatures.Timestamped(Secret, Now, Body, "t", "v0");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.UTF8.GetBytes($"{Now}."), .. Body]));
        Assert.Equal($"t={Now},v0={expected}", header);
        Assert.Null(Verifier(Now, Secret).VerifyDelivery(Body, Signature(header)));
    }

    [Fact]
    public void A_valid_delivery_parses()
        => Assert.Equal(WebhookEventType.Completed, Verifier(Now, Secret).VerifyAndParseDelivery(Body, Signature(WebhookSignatures.Timestamped(Secret, Now, Body, "t", "v0"))).Type);

    [Fact]
    public void An_altered_body_fails()
        => Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(Verifier(Now, Secret), Encoding.UTF8.GetBytes("""{"event":"failed"}"""), WebhookSignatures.Timestamped(Secret, Now, Body, "t", "v0")));

    [Fact]
    public void Another_secret_fails_and_rotation_accepts_either()
    {
        var header = WebhookSignatures.Timestamped(Secret, Now, Body, "t", "v0");
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(Verifier(Now, "another"), Body, header));
        Assert.Null(Verifier(Now, "another", Secret).VerifyDelivery(Body, Signature(header)));
    }

    [Fact]
    public void A_header_with_the_new_and_the_old_signature_verifies_under_either_secret()
    {
        var withOld = WebhookSignatures.Timestamped("old-secret", Now, Body, "t", "v0");
        var withNew = WebhookSignatures.Timestamped(Secret, Now, Body, "t", "v0");
        var both = withNew + "," + withOld[(withOld.IndexOf(',', StringComparison.Ordinal) + 1)..];
        Assert.Null(Verifier(Now, "old-secret").VerifyDelivery(Body, Signature(both)));
        Assert.Null(Verifier(Now, Secret).VerifyDelivery(Body, Signature(both)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void An_expired_or_future_timestamp_fails(long offset)
        => Assert.Equal(WebhookVerificationFailure.TimestampOutsideTolerance, FailureOf(Verifier(Now + offset, Secret), Body, WebhookSignatures.Timestamped(Secret, Now, Body, "t", "v0")));

    [Fact]
    public void A_replayed_header_with_an_edited_timestamp_fails()
    {
        var header = WebhookSignatures.Timestamped(Secret, Now - 3600, Body, "t", "v0").Replace($"t={Now - 3600}", $"t={Now}", StringComparison.Ordinal);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(Verifier(Now, Secret), Body, header));
    }

    [Theory]
    [InlineData(null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData("", WebhookVerificationFailure.SignatureMissing)]
    [InlineData("v0=abcd", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("t=1760000000", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("t=soon,v0=00", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("garbage", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("t=1760000000,v1=00", WebhookVerificationFailure.SignatureMismatch)]
    public void A_malformed_header_fails(string? header, WebhookVerificationFailure reason)
        => Assert.Equal(reason, FailureOf(Verifier(Now, Secret), Body, header));

    [Fact]
    public void The_unsigned_scheme_accepts_a_delivery_without_any_signature()
    {
        var verifier = new WebhookVerifier(Api(new WebhookSigning { Scheme = WebhookSignatureScheme.None }), null);
        Assert.Equal(WebhookSignatureScheme.None, verifier.Scheme);
        Assert.Equal(WebhookEventType.Completed, verifier.VerifyAndParseDelivery(Body, _ => null).Type);
    }

    [Fact]
    public void The_api_key_scheme_accepts_either_of_two_keys_and_refuses_a_third()
    {
        var api = Api(new WebhookSigning());
        var verifier = new WebhookVerifier(api, ["old-key", "new-key"]);
        Assert.Null(verifier.VerifyDelivery(Body, Signature(WebhookSignatures.ApiKeyHmac("old-key", Body))));
        Assert.Null(verifier.VerifyDelivery(Body, Signature(WebhookSignatures.ApiKeyHmac("new-key", Body))));
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, FailureOf(verifier, Body, WebhookSignatures.ApiKeyHmac("third-key", Body)));
        Assert.Equal(WebhookVerificationFailure.SignatureMissing, FailureOf(verifier, Body, null));
    }

    [Fact]
    public void The_one_header_methods_refuse_to_check_a_scheme_with_more_headers_than_one()
    {
        var unsigned = new WebhookVerifier(Api(new WebhookSigning { Scheme = WebhookSignatureScheme.None }), null);
        Assert.Throws<InvalidOperationException>(() => Verifier(Now, Secret).Verify(Body, WebhookSignatures.Timestamped(Secret, Now, Body, "t", "v0")));
        Assert.Throws<InvalidOperationException>(() => unsigned.VerifyAndParse(Body, null));
    }
}
