using System;
using System.Security.Cryptography;
using System.Text;

namespace ProducerGen;

/// <summary>Computes webhook signatures as a sender does, for each <see cref="WebhookSignatureScheme"/>. Useful for tests and emulators.</summary>
public static class WebhookSignatures
{
    private const string StandardSecretPrefix = "whsec_";

    /// <summary>The Standard Webhooks <c>webhook-signature</c> value (<c>v1,&lt;base64&gt;</c>) of one delivery.</summary>
    /// <param name="secret">The secret: <c>whsec_</c> followed by base64, or bare base64.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>, in Unix seconds.</param>
    /// <param name="body">The raw body.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="FormatException">The secret is not base64.</exception>
    public static string Standard(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
        => "v1," + Convert.ToBase64String(HMACSHA256.HashData(StandardKey(secret), StandardContent(id, timestamp, body)));

    /// <summary>A <see cref="WebhookSignatureScheme.Timestamped"/> header value, <c>t=&lt;unix&gt;,v1=&lt;hex&gt;</c>.</summary>
    /// <param name="secret">The secret; its UTF-8 bytes are the key.</param>
    /// <param name="timestamp">The timestamp, in Unix seconds.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="timestampKey">The name of the timestamp part.</param>
    /// <param name="signatureKey">The name of the signature part.</param>
    /// <returns>The header value.</returns>
    public static string Timestamped(string secret, long timestamp, ReadOnlySpan<byte> body, string timestampKey = "t", string signatureKey = "v1")
        => $"{timestampKey}={timestamp},{signatureKey}={Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), TimestampedContent(timestamp, body))).ToLowerInvariant()}";

    /// <summary>An <see cref="WebhookSignatureScheme.ApiKeyHmac"/> header value, <c>sha256=&lt;hex&gt;</c>.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="body">The raw body.</param>
    /// <returns>The header value.</returns>
    public static string ApiKeyHmac(string apiKey, ReadOnlySpan<byte> body) => WebhookVerifier.ComputeSignature(body, apiKey);

    internal static byte[] StandardKey(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var text = secret.Trim();
        return Convert.FromBase64String(text.StartsWith(StandardSecretPrefix, StringComparison.Ordinal) ? text[StandardSecretPrefix.Length..] : text);
    }

    internal static byte[] StandardContent(string id, long timestamp, ReadOnlySpan<byte> body)
        => Concat(Encoding.UTF8.GetBytes($"{id}.{timestamp}."), body);

    internal static byte[] TimestampedContent(long timestamp, ReadOnlySpan<byte> body)
        => Concat(Encoding.UTF8.GetBytes($"{timestamp}."), body);

    private static byte[] Concat(byte[] head, ReadOnlySpan<byte> body)
    {
        var content = new byte[head.Length + body.Length];
        head.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(head.Length));
        return content;
    }
}
