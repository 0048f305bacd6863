using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProducerGen.Emulator.Jobs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Http;

/// <summary>
/// Signs webhook deliveries the way the schema's <c>api.webhooks.scheme</c> says a provider does: <c>api-key-hmac</c> (the default,
/// <c>sha256=&lt;hex&gt;</c> of the body keyed by SHA-256 of the submitting API key), <c>standard</c> (Standard Webhooks headers),
/// <c>timestamped</c> (<c>t=…,v1=…</c> over <c>{t}.{body}</c>) or <c>none</c> (no signature). Written independently of the client runtime,
/// so a test that verifies an emulator delivery with the runtime checks two implementations against each other.
/// </summary>
internal sealed class WebhookSigner
{
    private readonly string _scheme;
    private readonly string _signatureHeader;
    private readonly string _timestampKey;
    private readonly string _signatureKey;
    private readonly string _secret;
    private readonly byte[] _standardKey = [];

    public WebhookSigner(WebhooksSpec? webhooks, string? configuredSecret)
    {
        _scheme = webhooks?.Scheme ?? "api-key-hmac";
        _signatureHeader = webhooks?.SignatureHeader ?? "X-Webhook-Signature";
        _timestampKey = webhooks?.TimestampKey ?? "t";
        _signatureKey = webhooks?.SignatureKey ?? "v1";
        _secret = configuredSecret
            ?? (webhooks?.SecretEnv is { } variable ? Environment.GetEnvironmentVariable(variable) : null)
            ?? EmulatorOptions.DefaultWebhookSecret;
        if (_scheme == "standard")
        {
            // Decoded once here, so a bad secret stops the emulator at start instead of failing every delivery silently.
            var base64 = _secret.StartsWith("whsec_", StringComparison.Ordinal) ? _secret["whsec_".Length..] : _secret;
            try
            {
                _standardKey = Convert.FromBase64String(base64);
            }
            catch (FormatException exception)
            {
                throw new ArgumentException("The webhook secret of a 'scheme: standard' API must be base64 after 'whsec_' (EmulatorOptions.WebhookSecret).", nameof(configuredSecret), exception);
            }
        }
    }

    /// <summary>The signature header value of the default scheme for <paramref name="body"/> sent on behalf of <paramref name="apiKey"/>.</summary>
    public static string ApiKeyHmac(string apiKey, ReadOnlySpan<byte> body)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));
    }

    /// <summary>Adds the scheme's signature headers for one attempt at <paramref name="now"/>.</summary>
    public void Sign(HttpRequestMessage request, string apiKey, PendingWebhook delivery, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        switch (_scheme)
        {
            case "none":
                return;
            case "standard":
                var content = Encoding.UTF8.GetBytes($"{delivery.Id}.{timestamp}.").Concat(delivery.Body).ToArray();
                request.Headers.TryAddWithoutValidation("webhook-id", delivery.Id);
                request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp);
                request.Headers.TryAddWithoutValidation("webhook-signature", "v1," + Convert.ToBase64String(HMACSHA256.HashData(_standardKey, content)));
                return;
            case "timestamped":
                var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(delivery.Body).ToArray();
                var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), signed));
                request.Headers.TryAddWithoutValidation(_signatureHeader, $"{_timestampKey}={timestamp},{_signatureKey}={hex}");
                return;
            default:
                request.Headers.TryAddWithoutValidation(_signatureHeader, ApiKeyHmac(apiKey, delivery.Body));
                return;
        }
    }
}
