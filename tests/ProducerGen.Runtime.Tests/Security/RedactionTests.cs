using System.Linq;
using System.Net;
using System.Text;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 14 item 4: every form of the key is redacted before any cut, wherever server text surfaces.</summary>
public class RedactionTests
{
    private const string HostileKey = "HOSTILE+SECRET/key_0123456789abcdef";

    private static ProducerGenClient Client(FakeHttpHandler handler, TimeProvider time)
        => new(TestApi.Api, TestApi.Options(time, o => { o.ApiKey = HostileKey; o.Retry.MaxRetries = 0; }), new HttpClient(handler));

    private static async Task<ProducerGenException> Fail(HttpStatusCode status, string body, string contentType = "application/json")
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) }, time);
        using var client = Client(handler, time);
        return await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));
    }

    /// <summary>Fails when any run of 8 or more consecutive key characters is in <paramref name="text"/>.</summary>
    internal static void AssertNoKeyFragment(string? text, string key = HostileKey)
    {
        if (text is null)
        {
            return;
        }

        for (var start = 0; start + SecretRedactor.MinFragment <= key.Length; start++)
        {
            var fragment = key.Substring(start, SecretRedactor.MinFragment);
            Assert.False(text.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' of the key survived in: {text}");
        }
    }

    private static void AssertClean(ProducerGenException e)
    {
        AssertNoKeyFragment(e.Message);
        AssertNoKeyFragment(e.ToString());
        AssertNoKeyFragment(e.ResponseBody);
        AssertNoKeyFragment(e.ServerMessage);
        AssertNoKeyFragment(e.RequestId);
    }

    private static string JsonEscapeEvery(string key, Func<int, bool> which, bool upper)
        => string.Concat(key.Select((c, i) => c == '/' && which(i) ? "\\/" : which(i) ? "\\u" + ((int)c).ToString(upper ? "X4" : "x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));

    private static string PercentEncodeEvery(string key, Func<int, bool> which, bool upper)
        => string.Concat(key.Select((c, i) => which(i) ? "%" + ((int)c).ToString(upper ? "X2" : "x2", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));

    [Fact]
    public async Task Redaction_a_key_straddling_the_4KB_cut_shows_no_fragment_at_any_offset()
    {
        for (var offset = 0; offset <= HostileKey.Length; offset++)
        {
            // The key starts `offset` characters before the 4096th character (a non-JSON body, so the body text is shown).
            var body = new string('x', 4096 - offset) + HostileKey + new string('y', 200);
            var e = await Fail(HttpStatusCode.BadGateway, body, "text/plain");

            AssertClean(e);
            Assert.NotNull(e.ResponseBody);
            Assert.True(e.ResponseBody!.Length <= 4097, $"offset {offset}: {e.ResponseBody.Length} characters");
            Assert.EndsWith("…", e.ResponseBody);
            Assert.DoesNotMatch(@"[^*]\*{1,2}…$|^\*{1,2}…$", e.ResponseBody); // the marker is never cut in two
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redaction_json_escaped_echoes_are_redacted_in_message_and_body(bool upper)
    {
        Func<int, bool>[] subsets = [_ => true, i => i % 2 == 0, i => HostileKey[i] is '+' or '/', i => i == HostileKey.Length - 1];
        foreach (var subset in subsets)
        {
            var escaped = JsonEscapeEvery(HostileKey, subset, upper);
            var asMessage = await Fail(HttpStatusCode.Unauthorized, $$"""{"error":"key {{escaped}} is not valid"}""");
            var asOtherMember = await Fail(HttpStatusCode.BadRequest, $$$"""{"detail":"key {{{escaped}}}","details":{"{{{escaped}}}":["{{{escaped}}}"]}}""");
            var notJson = await Fail(HttpStatusCode.InternalServerError, $$"""{"truncated":"{{escaped}}""");

            AssertClean(asMessage);
            AssertClean(asOtherMember);
            AssertClean(notJson);
            Assert.Contains("***", asMessage.Message);
            Assert.Contains("***", notJson.Message);
            Assert.All(((ApiValidationException)asOtherMember).Details, d => { AssertNoKeyFragment(d.Key); Assert.All(d.Value, v => AssertNoKeyFragment(v)); });
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redaction_url_encoded_echoes_are_redacted_in_message_and_body(bool upper)
    {
        const string spaced = "key with spaces+plus/0123456789";
        Func<int, bool>[] subsets = [_ => true, i => i % 3 == 0, i => !char.IsLetterOrDigit(HostileKey[i])];
        foreach (var subset in subsets)
        {
            var encoded = PercentEncodeEvery(HostileKey, subset, upper);
            var e = await Fail(HttpStatusCode.NotFound, $"<Error><Url>https://cdn.test/a?key={encoded}&x=1</Url></Error>", "text/html");
            AssertClean(e);
            Assert.Contains("***", e.Message);
        }

        var redactor = SecretRedactor.For(spaced)!;
        var text = redactor.Redact("q=key+with+spaces%2Bplus%2F0123456789 and key%20with%20spaces+plus/0123456789");
        Assert.Equal("q=*** and ***", text);
    }

    [Fact]
    public void Redaction_base64_of_the_key_and_the_webhook_secret_are_redacted()
    {
        var redactor = SecretRedactor.For(HostileKey)!;
        var keyBytes = Encoding.UTF8.GetBytes(HostileKey);
        var digest = System.Security.Cryptography.SHA256.HashData(keyBytes);
        for (var prefix = 0; prefix < 3; prefix++)
        {
            var embedded = Convert.ToBase64String([.. Encoding.ASCII.GetBytes(new string(':', prefix)), .. keyBytes, .. "tail"u8]);
            var basic = redactor.Redact("Authorization: Basic " + embedded);
            Assert.DoesNotContain(Convert.ToBase64String(keyBytes)[4..20], basic);
            Assert.Contains("***", basic);
        }

        Assert.Equal("secret=***", redactor.Redact("secret=" + Convert.ToHexString(digest).ToLowerInvariant()));
        Assert.Equal("secret=***", redactor.Redact("secret=" + Convert.ToHexString(digest)));
        Assert.Equal("secret=***", redactor.Redact("secret=" + Convert.ToBase64String(digest).TrimEnd('=')).TrimEnd('='));
    }

    [Fact]
    public void Redaction_computes_the_webhook_secret_only_for_a_text_long_enough_to_hold_it_and_still_redacts_its_shortest_form()
    {
        // Issue 20: SHA-256 maps OpenSSL, so short texts (reason phrases, request ids) must not need the digest.
        var redactor = SecretRedactor.For(HostileKey)!;
        Assert.Equal("Accepted", redactor.Redact("Accepted"));
        Assert.Equal("9f0c1f4e-5b8a-4c1e-9f7d-2b6a8e3c0d11", redactor.Redact("9f0c1f4e-5b8a-4c1e-9f7d-2b6a8e3c0d11"));
        Assert.False(redactor.DigestComputed);

        // The shortest form: the first 42 characters of the digest's base64 (those that do not depend on what follows).
        var digest = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(HostileKey));
        var shortest = Convert.ToBase64String(digest)[..42];
        Assert.Equal("***", redactor.Redact(shortest));
        Assert.True(redactor.DigestComputed);
        Assert.Equal(shortest[..41], redactor.Redact(shortest[..41]));
    }

    [Fact]
    public void Redaction_leaves_other_text_alone_and_never_splits_a_surrogate_pair()
    {
        var redactor = SecretRedactor.For(HostileKey)!;
        Assert.Equal("Validation failed: prompt is required", redactor.Redact("Validation failed: prompt is required"));
        var cut = redactor.RedactAndCut(new string('a', 9) + "😀b", 10, int.MaxValue, out var wasCut);
        Assert.True(wasCut);
        Assert.Equal(new string('a', 9), cut);
    }

    [Fact]
    public async Task Redaction_failed_job_ids_and_request_ids_never_carry_the_key()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(
            r => r.Uri.AbsolutePath.StartsWith("/v2/jobs/", StringComparison.Ordinal)
                ? Responses.Json(HttpStatusCode.OK, $$"""{"id":"{{HostileKey}}"}""", m => m.Headers.Add("x-request-id", "req-" + HostileKey))
                : Responses.Status(500, "oops", m => m.Headers.Add("x-request-id", "req-" + HostileKey)),
            time);
        using var client = Client(handler, time);

        var malformed = await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.Jobs.GetAsync("j"));
        var failed = await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        AssertClean(malformed);
        AssertClean(failed);
    }
}
