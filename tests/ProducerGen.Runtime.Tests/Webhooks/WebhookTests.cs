using System.Security.Cryptography;
using System.Text;

namespace ProducerGen.Runtime.Tests;

public class WebhookTests
{
    private const string Body = """{"event":"completed","job":{"id":"j-7","status":"COMPLETED","model":"producer","progress":100,"result":"https://cdn.test/a.mp3"}}""";
    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);
    private static readonly WebhookVerifier Verifier = new(TestApi.Key, TestApi.Api);

    private static string Hex(byte[] body, string key)
        => Convert.ToHexStringLower(HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(key)), body));

    [Fact]
    public void Valid_prefixed_signature_verifies()
    {
        Assert.True(Verifier.Verify(BodyBytes, "sha256=" + Hex(BodyBytes, TestApi.Key)));
        Assert.Equal("sha256=" + Hex(BodyBytes, TestApi.Key), WebhookVerifier.ComputeSignature(BodyBytes, TestApi.Key));
    }

    [Fact]
    public void Bare_and_uppercase_hex_verify()
    {
        Assert.True(Verifier.Verify(BodyBytes, Hex(BodyBytes, TestApi.Key)));
        Assert.True(Verifier.Verify(BodyBytes, "SHA256=" + Hex(BodyBytes, TestApi.Key).ToUpperInvariant()));
    }

    [Fact]
    public void Altered_body_fails()
    {
        var altered = Encoding.UTF8.GetBytes(Body.Replace("COMPLETED", "FAILED", StringComparison.Ordinal));
        Assert.False(Verifier.Verify(altered, "sha256=" + Hex(BodyBytes, TestApi.Key)));
    }

    [Fact]
    public void Altered_signature_fails()
    {
        var hex = Hex(BodyBytes, TestApi.Key).ToCharArray();
        hex[10] = hex[10] == 'a' ? 'b' : 'a';
        Assert.False(Verifier.Verify(BodyBytes, "sha256=" + new string(hex)));
    }

    [Fact]
    public void Wrong_key_fails() => Assert.False(Verifier.Verify(BodyBytes, "sha256=" + Hex(BodyBytes, "afk_other_key")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd")]
    [InlineData("sha256=0123")]
    [InlineData("md5=0123456789abcdef0123456789abcdef")]
    public void Empty_short_and_non_hex_signatures_fail(string? signature) => Assert.False(Verifier.Verify(BodyBytes, signature));

    [Fact]
    public void Verified_events_parse_with_their_job()
    {
        var evt = Verifier.VerifyAndParse(BodyBytes, WebhookVerifier.ComputeSignature(BodyBytes, TestApi.Key));
        Assert.Equal(WebhookEventType.Completed, evt.Type);
        Assert.Equal("j-7", evt.JobId);
        Assert.True(evt.Job!.IsSucceeded);
        Assert.Single(evt.Job.GetOutputUrls());
    }

    [Fact]
    public void Unverified_events_are_refused()
    {
        var exception = Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(BodyBytes, "sha256=" + Hex(BodyBytes, "wrong")));
        Assert.DoesNotContain(TestApi.Key, exception.Message);
        Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(BodyBytes, null));
    }

    [Theory]
    [InlineData("""{"id":"j","status":"PROCESSING","progress":40}""", "progress", WebhookEventType.Progress)]
    [InlineData("""{"type":"job.failed","data":{"id":"j","status":"FAILED","error":"boom"}}""", null, WebhookEventType.Failed)]
    [InlineData("""{"id":"j","status":"COMPLETED"}""", null, WebhookEventType.Completed)]
    [InlineData("""{"hello":"world"}""", "mystery", WebhookEventType.Unknown)]
    public void Event_kinds_come_from_the_header_the_body_or_the_job(string json, string? header, WebhookEventType expected)
    {
        var evt = WebhookEvent.Parse(Encoding.UTF8.GetBytes(json), TestApi.Api, header);
        Assert.Equal(expected, evt.Type);
    }
}
