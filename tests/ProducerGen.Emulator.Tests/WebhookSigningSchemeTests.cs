using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProducerGen.Emulator.Tests;

/// <summary>The emulator signs each delivery in the scheme the schema's <c>api.webhooks.scheme</c> declares (issue 16, item 4).</summary>
public sealed class WebhookSigningSchemeTests
{
    private const string V1Webhooks = "  webhooks:\n    signatureHeader: X-Webhook-Signature";
    private const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static string Schema(string webhooks)
    {
        var yaml = ApiEmulator.DefaultSchemaYaml().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(V1Webhooks, yaml, StringComparison.Ordinal);
        return yaml.Replace(V1Webhooks, webhooks, StringComparison.Ordinal);
    }

    private static async Task<ReceivedWebhook> DeliverOneAsync(string webhooks, string? secret = null)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.SchemaYaml = Schema(webhooks);
            o.JobDuration = TimeSpan.FromSeconds(10);
            o.WebhookSecret = secret;
        });
        await t.SubmitAsync(TestEmulator.ProducerBody(extra: new { webhookUrl = receiver.Url }));
        await t.AdvanceUntilAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(1));
        return Assert.Single(receiver.Received);
    }

    private static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();

    [Fact]
    public async Task Standard_webhooks_carry_id_timestamp_and_a_v1_signature_over_id_timestamp_and_body()
    {
        var hook = await DeliverOneAsync("  webhooks:\n    scheme: standard", StandardSecret);

        var id = hook.Headers!["webhook-id"];
        var timestamp = hook.Headers["webhook-timestamp"];
        Assert.StartsWith("msg_", id, StringComparison.Ordinal);
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), Unix(TestEmulator.Start), Unix(TestEmulator.Start) + 60);
        var key = Convert.FromBase64String(StandardSecret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. hook.Body]));
        Assert.Equal("v1," + expected, hook.Headers["webhook-signature"]);
        Assert.False(hook.Headers.ContainsKey("X-Webhook-Signature"));
    }

    [Fact]
    public async Task Without_a_configured_secret_the_emulator_signs_with_its_documented_default()
    {
        var hook = await DeliverOneAsync("  webhooks:\n    scheme: standard");

        var key = Convert.FromBase64String(EmulatorOptions.DefaultWebhookSecret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{hook.Headers!["webhook-id"]}.{hook.Headers["webhook-timestamp"]}."), .. hook.Body]));
        Assert.Equal("v1," + expected, hook.Headers["webhook-signature"]);
    }

    [Fact]
    public async Task Timestamped_webhooks_carry_the_configured_parts_signed_over_timestamp_and_body()
    {
        var hook = await DeliverOneAsync("  webhooks:\n    scheme: timestamped\n    timestampKey: ts\n    signatureKey: v0\n    signatureHeader: X-Webhook-Signature", "plain-secret");

        var parts = hook.Signature.Split(',');
        Assert.Equal(2, parts.Length);
        Assert.StartsWith("ts=", parts[0], StringComparison.Ordinal);
        var timestamp = parts[0]["ts=".Length..];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("plain-secret"), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. hook.Body]));
        Assert.Equal("v0=" + expected, parts[1]);
    }

    [Fact]
    public async Task Unsigned_webhooks_carry_no_signature_header()
    {
        var hook = await DeliverOneAsync("  webhooks:\n    scheme: none");

        Assert.Equal(string.Empty, hook.Signature);
        Assert.False(hook.Headers!.ContainsKey("webhook-signature"));
        Assert.Equal("completed", hook.Event);
    }

    [Fact]
    public async Task A_standard_secret_that_is_not_base64_stops_the_emulator_at_start()
        => await Assert.ThrowsAsync<ArgumentException>(() => TestEmulator.StartAsync(o =>
        {
            o.SchemaYaml = Schema("  webhooks:\n    scheme: standard");
            o.WebhookSecret = "whsec_not base64!";
        }));
}
