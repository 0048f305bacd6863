using System;
using System.Security.Cryptography;
using System.Text;

namespace ProducerGen;

/// <summary>
/// Verifies webhook signatures without any web framework: the signature header (e.g. <c>X-Webhook-Signature</c>) holds
/// <c>sha256=&lt;hex&gt;</c> (or bare hex) of HMAC-SHA256 over the raw body bytes, keyed with SHA-256 of the API key.
/// Comparison is constant-time. Verify the exact bytes received, before any parsing or re-serialization.
/// </summary>
public sealed class WebhookVerifier
{
    private const string Prefix = "sha256=";
    private readonly byte[] _key;
    private readonly ApiDescription? _api;

    /// <summary>Creates a verifier.</summary>
    /// <param name="apiKey">The API key the webhooks are signed for.</param>
    /// <param name="api">The API, needed by <see cref="VerifyAndParse"/> to read jobs; optional for <see cref="Verify"/>.</param>
    public WebhookVerifier(string apiKey, ApiDescription? api = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        _key = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        _api = api;
    }

    /// <summary>Whether <paramref name="signature"/> is the valid signature of <paramref name="body"/>.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signature">The signature header's value: <c>sha256=&lt;hex&gt;</c> or bare hex; case-insensitive hex.</param>
    /// <returns><see langword="true"/> only for a well-formed, matching signature.</returns>
    public bool Verify(ReadOnlySpan<byte> body, string? signature)
    {
        Span<byte> given = stackalloc byte[32];
        if (!TryParseSignature(signature, given))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Verifies the signature, then parses the event. Throws rather than returning an untrusted event.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signature">The signature header's value.</param>
    /// <param name="eventHeader">
    /// The event header's value (e.g. <c>X-Webhook-Event</c>), if any. The signature does not cover it, so it never decides the event's
    /// kind; when present it must name the kind the signed body holds.
    /// </param>
    /// <returns>The verified event, whose kind comes from the signed body.</returns>
    /// <exception cref="WebhookVerificationException">
    /// The signature is missing, malformed or wrong, the payload is not an event, or the event header disagrees with the signed body;
    /// <see cref="WebhookVerificationException.Reason"/> says which.
    /// </exception>
    public WebhookEvent VerifyAndParse(ReadOnlySpan<byte> body, string? signature, string? eventHeader = null)
    {
        if (_api is null)
        {
            throw new InvalidOperationException("This verifier was created without an ApiDescription; pass one to parse events.");
        }

        if (!Verify(body, signature))
        {
            throw string.IsNullOrWhiteSpace(signature)
                ? new WebhookVerificationException(WebhookVerificationFailure.SignatureMissing, "The webhook has no signature; it cannot be trusted.")
                : new WebhookVerificationException(WebhookVerificationFailure.SignatureMismatch, "The webhook's signature does not match its body; it cannot be trusted.");
        }

        try
        {
            return WebhookEvent.Parse(body, _api, eventHeader);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new WebhookVerificationException(WebhookVerificationFailure.NotAnEvent, $"The webhook's signature is valid but its body is not an event: {exception.Message}", exception);
        }
    }

    /// <summary>Computes the signature header value (<c>sha256=&lt;hex&gt;</c>) of a body, as the service sends it. Useful for tests and emulators.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="apiKey">The API key.</param>
    /// <returns>The signature header value.</returns>
    public static string ComputeSignature(ReadOnlySpan<byte> body, string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return Prefix + Convert.ToHexString(HMACSHA256.HashData(key, body)).ToLowerInvariant();
    }

    private static bool TryParseSignature(string? signature, Span<byte> destination)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var text = signature.AsSpan().Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[Prefix.Length..];
        }

        if (text.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(text[2 * i]);
            var low = HexValue(text[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
