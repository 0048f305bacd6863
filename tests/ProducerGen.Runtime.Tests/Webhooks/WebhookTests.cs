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
    public void Event_kinds_come_from_the_signed_body_and_an_agreeing_header_is_accepted(string json, string? header, WebhookEventType expected)
    {
        var evt = WebhookEvent.Parse(Encoding.UTF8.GetBytes(json), TestApi.Api, header);
        Assert.Equal(expected, evt.Type);
    }

    // Issue 14, item 1: the emulator's progress delivery, as captured off the wire.
    private const string ProgressBody = """{"event":"progress","jobId":"j-9","job":{"id":"j-9","status":"PROCESSING","model":"producer","progress":50,"result":null,"webhookStatus":"pending"}}""";
    private static readonly byte[] ProgressBytes = Encoding.UTF8.GetBytes(ProgressBody);
    private static readonly string ProgressSignature = WebhookVerifier.ComputeSignature(ProgressBytes, TestApi.Key);

    [Theory]
    [InlineData("completed")]
    [InlineData("failed")]
    [InlineData("job.completed")]
    [InlineData("COMPLETED")]
    [InlineData("cancelled")]
    [InlineData("succeeded")]
    [InlineData(" failed ")]
    [InlineData("mystery")]
    public void Regression_a_signed_progress_body_replayed_with_another_event_header_is_rejected(string forgedHeader)
    {
        var exception = Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(ProgressBytes, ProgressSignature, forgedHeader));

        Assert.Equal(WebhookVerificationFailure.EventHeaderMismatch, exception.Reason);
        Assert.False(exception.IsSignatureFailure);
        Assert.Throws<WebhookVerificationException>(() => WebhookEvent.Parse(ProgressBytes, TestApi.Api, forgedHeader));
    }

    [Theory]
    [InlineData("progress")]
    [InlineData("job.progress")]
    [InlineData(null)]
    [InlineData("")]
    public void Regression_a_signed_progress_body_with_its_true_header_or_none_is_a_progress_event(string? header)
    {
        var evt = Verifier.VerifyAndParse(ProgressBytes, ProgressSignature, header);

        Assert.Equal(WebhookEventType.Progress, evt.Type);
        Assert.Equal("progress", evt.EventName);
        Assert.Equal("PROCESSING", evt.Job!.Status);
        Assert.True(evt.Job.IsPending);
    }

    [Fact]
    public void Regression_a_signed_completed_body_replayed_as_progress_or_failed_is_rejected()
    {
        var signature = WebhookVerifier.ComputeSignature(BodyBytes, TestApi.Key);

        Assert.Equal(WebhookEventType.Completed, Verifier.VerifyAndParse(BodyBytes, signature, "completed").Type);
        Assert.Equal(WebhookVerificationFailure.EventHeaderMismatch, Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(BodyBytes, signature, "failed")).Reason);
        Assert.Equal(WebhookVerificationFailure.EventHeaderMismatch, Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(BodyBytes, signature, "progress")).Reason);
    }

    [Fact]
    public void A_body_without_a_job_or_event_cannot_be_promoted_by_the_header()
    {
        var body = """{"hello":"world"}"""u8.ToArray();

        Assert.Equal(WebhookVerificationFailure.EventHeaderMismatch, Assert.Throws<WebhookVerificationException>(() => WebhookEvent.Parse(body, TestApi.Api, "completed")).Reason);
        Assert.Equal(WebhookEventType.Unknown, WebhookEvent.Parse(body, TestApi.Api).Type);
        Assert.Equal(string.Empty, WebhookEvent.Parse(body, TestApi.Api, "mystery").EventName);
    }

    [Theory]
    [InlineData("""{"event":"completed","job":{"id":"j","status":"PROCESSING","progress":50}}""")]
    [InlineData("""{"event":"progress","job":{"id":"j","status":"FAILED","error":"boom"}}""")]
    [InlineData("""{"type":"job.failed","data":{"id":"j","status":"COMPLETED"}}""")]
    public void A_signed_body_whose_event_contradicts_its_job_status_is_rejected(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        var exception = Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(body, WebhookVerifier.ComputeSignature(body, TestApi.Key)));

        Assert.Equal(WebhookVerificationFailure.InconsistentEvent, exception.Reason);
    }

    [Fact]
    public void A_job_status_the_api_does_not_declare_is_an_unknown_event_whatever_the_body_names()
    {
        var evt = WebhookEvent.Parse("""{"event":"completed","job":{"id":"j","status":"ARCHIVED"}}"""u8, TestApi.Api);

        Assert.Equal(WebhookEventType.Unknown, evt.Type);
    }

    [Fact]
    public void Signature_failures_say_so_in_their_reason()
    {
        var signature = WebhookVerifier.ComputeSignature(BodyBytes, TestApi.Key);
        var altered = Encoding.UTF8.GetBytes(Body.Replace("\"progress\":100", "\"progress\":10", StringComparison.Ordinal));

        Assert.Equal(WebhookVerificationFailure.SignatureMissing, Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(BodyBytes, null, "completed")).Reason);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(altered, signature, "completed")).Reason);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(BodyBytes, signature[..^2], "completed")).Reason);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(BodyBytes, WebhookVerifier.ComputeSignature(BodyBytes, "afk_other_key"), "completed")).Reason);
        Assert.True(Assert.Throws<WebhookVerificationException>(() => Verifier.VerifyAndParse(BodyBytes, signature[..^2])).IsSignatureFailure);
    }

    [Fact]
    public void Truncated_signature_fails()
    {
        var signature = WebhookVerifier.ComputeSignature(BodyBytes, TestApi.Key);

        Assert.False(Verifier.Verify(BodyBytes, signature[..^1]));
        Assert.False(Verifier.Verify(BodyBytes, signature[..^2]));
        Assert.False(Verifier.Verify(BodyBytes, signature[..40]));
    }

    [Fact]
    public void The_deduplication_key_names_the_job_and_kind_and_tells_deliveries_apart()
    {
        var at50 = WebhookEvent.Parse(ProgressBytes, TestApi.Api);
        var again = WebhookEvent.Parse(ProgressBytes.AsSpan(), TestApi.Api, "progress");
        var at75 = WebhookEvent.Parse(Encoding.UTF8.GetBytes(ProgressBody.Replace("\"progress\":50", "\"progress\":75", StringComparison.Ordinal)), TestApi.Api);

        Assert.StartsWith("Apiframe:j-9:progress:", at50.DeduplicationKey, StringComparison.Ordinal);
        Assert.Equal(at50.DeduplicationKey, again.DeduplicationKey);
        Assert.NotEqual(at50.DeduplicationKey, at75.DeduplicationKey);
        Assert.Equal("Apiframe:j-7:completed:" + Convert.ToHexString(SHA256.HashData(BodyBytes)), Verifier.VerifyAndParse(BodyBytes, WebhookVerifier.ComputeSignature(BodyBytes, TestApi.Key)).DeduplicationKey);
    }
}
