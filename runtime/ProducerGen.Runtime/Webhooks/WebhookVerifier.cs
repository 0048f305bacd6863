using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ProducerGen;

/// <summary>
/// Verifies webhook signatures without any web framework, in the scheme the schema declares (<see cref="WebhookSigning.Scheme"/>).
/// By default (<see cref="WebhookSignatureScheme.ApiKeyHmac"/>) the signature header (e.g. <c>X-Webhook-Signature</c>) holds
/// <c>sha256=&lt;hex&gt;</c> (or bare hex) of HMAC-SHA256 over the raw body bytes, keyed with SHA-256 of the API key; Standard Webhooks and
/// <c>t=…,v1=…</c> headers are checked against one or several secrets (rotation) and a timestamp tolerance on a <see cref="TimeProvider"/>.
/// Comparison is constant-time. Verify the exact bytes received, before any parsing or re-serialization.
/// </summary>
public sealed class WebhookVerifier
{
    private const string Prefix = "sha256=";
    private readonly byte[][] _keys;
    private readonly ApiDescription? _api;
    private readonly WebhookSigning _signing;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    /// <param name="apiKey">
    /// The API key the webhooks are signed for; for a scheme with a secret of its own (<see cref="WebhookSignatureScheme.StandardWebhooks"/>,
    /// <see cref="WebhookSignatureScheme.Timestamped"/>) it is taken as that secret.
    /// </param>
    /// <param name="api">The API, needed by <see cref="VerifyAndParse(ReadOnlySpan{byte}, string?, string?)"/> to read jobs; optional for <see cref="Verify"/>.</param>
    public WebhookVerifier(string apiKey, ApiDescription? api = null)
        : this(api?.WebhookSigning ?? new WebhookSigning(), new[] { apiKey ?? throw new ArgumentNullException(nameof(apiKey)) }, api, timeProvider: null)
    {
    }

    /// <summary>Creates a verifier for the scheme <paramref name="api"/> declares, with one or several secrets (rotation: any of them may sign).</summary>
    /// <param name="api">The API: its signing scheme, headers and job statuses, e.g. <c>ApiframeClient.Description</c>.</param>
    /// <param name="secrets">
    /// For <see cref="WebhookSignatureScheme.ApiKeyHmac"/> the API key(s); for <see cref="WebhookSignatureScheme.StandardWebhooks"/> the
    /// <c>whsec_…</c> secret(s); for <see cref="WebhookSignatureScheme.Timestamped"/> the secret string(s). Empty or <see langword="null"/>:
    /// the space-separated secrets in the environment variable <see cref="WebhookSigning.SecretEnvironmentVariable"/>. Ignored for
    /// <see cref="WebhookSignatureScheme.None"/>.
    /// </param>
    /// <param name="timeProvider">The clock timestamps are checked against; default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The scheme needs a secret and none was given or found, or a Standard Webhooks secret is not base64.</exception>
    public WebhookVerifier(ApiDescription api, IEnumerable<string>? secrets, TimeProvider? timeProvider = null)
        : this(api?.WebhookSigning ?? new WebhookSigning(), secrets, api ?? throw new ArgumentNullException(nameof(api)), timeProvider)
    {
    }

    private WebhookVerifier(WebhookSigning signing, IEnumerable<string>? secrets, ApiDescription? api, TimeProvider? timeProvider)
    {
        _signing = signing;
        _api = api;
        _time = timeProvider ?? TimeProvider.System;
        var given = (secrets ?? Array.Empty<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (given.Count == 0 && signing.SecretEnvironmentVariable is { } variable)
        {
            given = (Environment.GetEnvironmentVariable(variable) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        if (given.Count == 0 && signing.Scheme != WebhookSignatureScheme.None)
        {
            var where = signing.SecretEnvironmentVariable is { } name ? $" or in the environment variable {name}" : string.Empty;
            throw new ArgumentException($"Webhooks signed with {signing.Scheme} need a secret; none was given{where}.", nameof(secrets));
        }

        try
        {
            _keys = signing.Scheme switch
            {
                WebhookSignatureScheme.ApiKeyHmac => given.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k))).ToArray(),
                WebhookSignatureScheme.StandardWebhooks => given.Select(WebhookSignatures.StandardKey).ToArray(),
                WebhookSignatureScheme.Timestamped => given.Select(k => Encoding.UTF8.GetBytes(k)).ToArray(),
                _ => Array.Empty<byte[]>(),
            };
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("A Standard Webhooks secret must be base64, perhaps after 'whsec_'.", nameof(secrets), exception);
        }

    }

    /// <summary>The scheme this verifier checks.</summary>
    public WebhookSignatureScheme Scheme => _signing.Scheme;

    /// <summary>
    /// Verifies a delivery from its raw body and its headers in the declared scheme (tolerance included), then parses the event.
    /// Throws rather than returning an untrusted event.
    /// </summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="header">Looks up a request header by name (case-insensitive), <see langword="null"/> when absent.</param>
    /// <returns>The verified event; where the scheme signs a delivery id, its <see cref="WebhookEvent.DeduplicationKey"/> is that id.</returns>
    /// <exception cref="WebhookVerificationException">The delivery is unsigned, altered, signed with another secret, outside the tolerance, or not an event.</exception>
    public WebhookEvent VerifyAndParseDelivery(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (_api is null)
        {
            throw new InvalidOperationException("This verifier was created without an ApiDescription; pass one to parse events.");
        }

        var deliveryId = VerifyDelivery(body, header);
        var eventHeader = _api.WebhookEventHeader is { } name ? header(name) : null;
        try
        {
            return WebhookEvent.Parse(body, _api, eventHeader, deliveryId);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new WebhookVerificationException(WebhookVerificationFailure.NotAnEvent, $"The webhook's signature is valid but its body is not an event: {exception.Message}", exception);
        }
    }

    /// <summary>Verifies a delivery's signature in the declared scheme, without parsing it.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="header">Looks up a request header by name, <see langword="null"/> when absent.</param>
    /// <returns>The signed delivery id (Standard Webhooks' <c>webhook-id</c>), or <see langword="null"/> where the scheme has none.</returns>
    /// <exception cref="WebhookVerificationException">The delivery cannot be trusted; <see cref="WebhookVerificationException.Reason"/> says why.</exception>
    public string? VerifyDelivery(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        switch (_signing.Scheme)
        {
            case WebhookSignatureScheme.None:
                return null;
            case WebhookSignatureScheme.StandardWebhooks:
                return VerifyStandard(body, header);
            case WebhookSignatureScheme.Timestamped:
                VerifyTimestamped(body, header(_api?.WebhookSignatureHeader ?? "X-Webhook-Signature"));
                return null;
            default:
                var signature = header(_api?.WebhookSignatureHeader ?? "X-Webhook-Signature");
                if (!Verify(body, signature))
                {
                    throw string.IsNullOrWhiteSpace(signature) ? Missing() : Mismatch();
                }

                return null;
        }
    }

    private void RequireApiKeyHmac()
    {
        // A one-header check of a multi-header scheme would refuse every genuine delivery (or, for 'none', accept a forged one).
        if (_signing.Scheme != WebhookSignatureScheme.ApiKeyHmac)
        {
            throw new InvalidOperationException($"This API signs webhooks with {_signing.Scheme}; verify with VerifyDelivery or VerifyAndParseDelivery, which read every header the scheme uses.");
        }
    }

    private string VerifyStandard(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        var id = header(WebhookSigning.StandardIdHeader);
        var timestampText = header(WebhookSigning.StandardTimestampHeader);
        var signatures = header(WebhookSigning.StandardSignatureHeader);
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(timestampText) || string.IsNullOrWhiteSpace(signatures))
        {
            throw Missing();
        }

        var timestamp = ParseTimestamp(timestampText);
        var content = WebhookSignatures.StandardContent(id, timestamp, body);
        Span<byte> given = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        var matched = false;
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Only "v1," (symmetric) signatures are ours to check; others (v1a, future versions) are skipped, as the specification says.
            if (!entry.StartsWith("v1,", StringComparison.Ordinal) || !Convert.TryFromBase64String(entry[3..], given, out var written) || written != 32)
            {
                continue;
            }

            matched |= MatchesAnyKey(content, given, expected);
        }

        if (!matched)
        {
            throw Mismatch();
        }

        // Checked after the signature, so an unsigned timestamp never tells an attacker anything.
        CheckTolerance(timestamp);
        return id;
    }

    private void VerifyTimestamped(ReadOnlySpan<byte> body, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Missing();
        }

        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Mismatch();
            }

            var name = part[..equals];
            if (name == _signing.TimestampKey)
            {
                timestamp = ParseTimestamp(part[(equals + 1)..]);
            }
            else if (name == _signing.SignatureKey)
            {
                signatures.Add(part[(equals + 1)..]);
            }
        }

        if (timestamp is not { } t || signatures.Count == 0)
        {
            throw Mismatch();
        }

        var content = WebhookSignatures.TimestampedContent(t, body);
        Span<byte> given = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        var matched = false;
        foreach (var signature in signatures)
        {
            if (!TryParseHex(signature, given))
            {
                continue;
            }

            matched |= MatchesAnyKey(content, given, expected);
        }

        if (!matched)
        {
            throw Mismatch();
        }

        CheckTolerance(t);
    }

    /// <summary>Whether <paramref name="given"/> is the HMAC-SHA256 of <paramref name="content"/> under any secret; every key is tried, in constant time each, so rotation leaks no order.</summary>
    private bool MatchesAnyKey(byte[] content, ReadOnlySpan<byte> given, Span<byte> scratch)
    {
        var matched = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, content, scratch);
            matched |= CryptographicOperations.FixedTimeEquals(scratch, given);
        }

        return matched;
    }

    private void CheckTolerance(long timestamp)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > (long)_signing.Tolerance.TotalSeconds)
        {
            throw new WebhookVerificationException(
                WebhookVerificationFailure.TimestampOutsideTolerance,
                $"The webhook was signed at {timestamp} (Unix seconds), more than {_signing.Tolerance} from now ({now}); it may be a replay and is not trusted.");
        }
    }

    private static long ParseTimestamp(string text)
        => long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Mismatch();

    private static WebhookVerificationException Missing()
        => new(WebhookVerificationFailure.SignatureMissing, "The webhook has no signature; it cannot be trusted.");

    private static WebhookVerificationException Mismatch()
        => new(WebhookVerificationFailure.SignatureMismatch, "The webhook's signature does not match its body; it cannot be trusted.");

    /// <summary>Whether <paramref name="signature"/> is the valid <see cref="WebhookSignatureScheme.ApiKeyHmac"/> signature of <paramref name="body"/> (under any of the keys).</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signature">The signature header's value: <c>sha256=&lt;hex&gt;</c> or bare hex; case-insensitive hex.</param>
    /// <returns><see langword="true"/> only for a well-formed, matching signature.</returns>
    /// <exception cref="InvalidOperationException">The API declares another scheme, whose signature is more than one header; use <see cref="VerifyDelivery"/>.</exception>
    public bool Verify(ReadOnlySpan<byte> body, string? signature)
    {
        RequireApiKeyHmac();
        Span<byte> given = stackalloc byte[32];
        if (!TryParseSignature(signature, given))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        var matched = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, body, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return matched;
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
    /// <exception cref="InvalidOperationException">The API declares another scheme than <see cref="WebhookSignatureScheme.ApiKeyHmac"/>; use <see cref="VerifyAndParseDelivery"/>.</exception>
    public WebhookEvent VerifyAndParse(ReadOnlySpan<byte> body, string? signature, string? eventHeader = null)
    {
        RequireApiKeyHmac();
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

        return TryParseHex(text, destination);
    }

    private static bool TryParseHex(ReadOnlySpan<char> text, Span<byte> destination)
    {

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
