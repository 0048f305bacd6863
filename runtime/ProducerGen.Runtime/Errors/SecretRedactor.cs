using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace ProducerGen;

/// <summary>
/// Removes the API key from text a server sent back, in every form a server or proxy is likely to echo it:
/// raw; JSON-escaped (any subset of characters written as <c>\uXXXX</c>, upper or lower hex, <c>\/</c>, <c>\\</c>, <c>\"</c>);
/// URL-encoded (any subset of characters percent-encoded, either hex case, <c>+</c> for a space); any run of
/// <see cref="MinFragment"/> or more consecutive key characters (a key the server itself cut); base64 of the key at any
/// alignment; and SHA-256 of the key (the webhook secret) as hex or base64. Each occurrence becomes <see cref="Marker"/>.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What replaces every occurrence.</summary>
    public const string Marker = "***";

    /// <summary>The shortest run of consecutive key characters that is redacted on its own (the whole key always is).</summary>
    public const int MinFragment = 8;

    /// <summary>The most characters one key character takes once encoded (<c>%F0%9F%98%80</c>, <c>\uD83D\uDE00</c>).</summary>
    private const int MaxEncodedCharsPerRune = 12;

    /// <summary>
    /// The shortest literal the key's SHA-256 produces (a base64 core; its length does not depend on the digest's bytes). Shorter
    /// texts cannot hold one, so the digest is computed on the first longer text: <see cref="SHA256"/> maps OpenSSL (~5 MB
    /// resident on Linux), which a plain-HTTP client that only ever redacts short reason phrases and ids never needs (issue 20).
    /// </summary>
    private static readonly int s_shortestDigestLiteral = ShortestLiteral(new byte[SHA256.HashSizeInBytes]);

    private readonly Rune[] _runes;
    private readonly byte[] _secretBytes;
    private readonly string[] _literals;
    private DigestLiterals? _digest;

    private SecretRedactor(string secret)
    {
        var runes = new List<Rune>(secret.Length);
        foreach (var rune in secret.EnumerateRunes())
        {
            runes.Add(rune);
        }

        _runes = [.. runes];
        var bytes = Encoding.UTF8.GetBytes(secret);
        _secretBytes = bytes;
        var literals = new List<string>();
        if (bytes.Length >= 6)
        {
            AddBase64Cores(literals, bytes);
        }

        _literals = [.. literals];

        // A key occurrence starting before a cut ends within this many characters of it.
        Slack = (_runes.Length * MaxEncodedCharsPerRune) + 64;
    }

    /// <summary>How far past a cut an occurrence that starts before it may reach, in characters.</summary>
    public int Slack { get; }

    /// <summary>A redactor for <paramref name="secret"/>, or <see langword="null"/> when there is nothing to hide.</summary>
    /// <param name="secret">The API key.</param>
    /// <returns>The redactor, or <see langword="null"/>.</returns>
    public static SecretRedactor? For(string? secret) => string.IsNullOrEmpty(secret) ? null : new SecretRedactor(secret);

    /// <summary>Redacts every occurrence in <paramref name="text"/>.</summary>
    /// <param name="text">Text that came from a server.</param>
    /// <returns>The text without the key.</returns>
    public string Redact(string text) => RedactAndCut(text, int.MaxValue, text.Length, out _);

    /// <summary>
    /// Redacts <paramref name="text"/> and keeps at most <paramref name="maxChars"/> characters of the result, cutting only
    /// between occurrences (never inside one, redacted or not) and never inside a surrogate pair.
    /// </summary>
    /// <param name="text">Text that came from a server (possibly a prefix of a longer body).</param>
    /// <param name="maxChars">The most characters to return.</param>
    /// <param name="scanLimit">Occurrences are looked for only where they start before this index; the rest is dropped.
    /// Pass <c>text.Length - Slack</c> when <paramref name="text"/> is a prefix, so an occurrence cut by the prefix is never shown.</param>
    /// <param name="cut">Whether anything was left out.</param>
    /// <returns>The redacted, bounded text.</returns>
    public string RedactAndCut(string text, int maxChars, int scanLimit, out bool cut)
    {
        var limit = Math.Min(text.Length, Math.Max(0, scanLimit));
        var digest = text.Length >= s_shortestDigestLiteral
            ? LazyInitializer.EnsureInitialized(ref _digest, () => new DigestLiterals(SHA256.HashData(_secretBytes)))
            : null;
        var builder = new StringBuilder(Math.Min(limit, maxChars) + 8);
        var i = 0;
        while (i < limit)
        {
            var matched = MatchAt(text, i, digest);
            var take = matched > 0 ? Marker.Length : (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1);
            if (builder.Length + take > maxChars)
            {
                break;
            }

            if (matched > 0)
            {
                builder.Append(Marker);
                i += matched;
            }
            else
            {
                builder.Append(text, i, take);
                i += take;
            }
        }

        cut = i < text.Length;
        return builder.ToString();
    }

    /// <summary>The length of the longest occurrence starting at <paramref name="start"/>, or 0.</summary>
    private int MatchAt(string text, int start, DigestLiterals? digest)
    {
        var best = LongestLiteral(text, start, _literals, 0);
        if (digest is not null)
        {
            best = LongestLiteral(text, start, digest.Base64, best);
            if (digest.Hex.Length > best && start + digest.Hex.Length <= text.Length && string.Compare(text, start, digest.Hex, 0, digest.Hex.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                best = digest.Hex.Length;
            }
        }

        var need = Math.Min(MinFragment, _runes.Length);
        for (var s = 0; s + need <= _runes.Length; s++)
        {
            var position = start;
            var k = s;
            while (k < _runes.Length && MatchRune(text, position, _runes[k]) is var length and > 0)
            {
                position += length;
                k++;
            }

            if (k - s >= need && position - start > best)
            {
                best = position - start;
            }
        }

        return best;
    }

    private static int LongestLiteral(string text, int start, string[] literals, int best)
    {
        foreach (var literal in literals)
        {
            if (literal.Length > best && start + literal.Length <= text.Length && string.CompareOrdinal(text, start, literal, 0, literal.Length) == 0)
            {
                best = literal.Length;
            }
        }

        return best;
    }

    private static int ShortestLiteral(byte[] digest)
    {
        var literals = new List<string>();
        AddBase64Cores(literals, digest);
        var shortest = Convert.ToHexString(digest).Length;
        foreach (var literal in literals)
        {
            shortest = Math.Min(shortest, literal.Length);
        }

        return shortest;
    }

    /// <summary>Whether the key's digest has been computed (tests: short texts never need it).</summary>
    internal bool DigestComputed => Volatile.Read(ref _digest) is not null;

    /// <summary>The forms of the key's SHA-256 (the webhook secret) that are redacted: base64 cores and hex.</summary>
    private sealed class DigestLiterals
    {
        public DigestLiterals(byte[] digest)
        {
            var literals = new List<string>();
            AddBase64Cores(literals, digest);
            Base64 = [.. literals];
            Hex = Convert.ToHexString(digest);
        }

        public string[] Base64 { get; }

        public string Hex { get; }
    }

    /// <summary>How many characters at <paramref name="at"/> spell <paramref name="rune"/> (raw, JSON-escaped or percent-encoded), or 0.</summary>
    private static int MatchRune(string text, int at, Rune rune)
    {
        if (at >= text.Length)
        {
            return 0;
        }

        Span<char> units = stackalloc char[2];
        var count = rune.EncodeToUtf16(units);
        var position = at;
        for (var u = 0; u < count; u++)
        {
            var length = MatchUnit(text, position, units[u]);
            if (length == 0)
            {
                position = -1;
                break;
            }

            position += length;
        }

        if (position > at)
        {
            return position - at;
        }

        if (rune.Value == ' ' && text[at] == '+')
        {
            return 1;
        }

        return MatchPercent(text, at, rune);
    }

    private static int MatchUnit(string text, int at, char unit)
    {
        if (at >= text.Length)
        {
            return 0;
        }

        if (text[at] == unit)
        {
            return 1;
        }

        if (text[at] != '\\' || at + 1 >= text.Length)
        {
            return 0;
        }

        var next = text[at + 1];
        if (next == unit && unit is '/' or '\\' or '"')
        {
            return 2;
        }

        return next == 'u' && at + 6 <= text.Length && TryHex(text.AsSpan(at + 2, 4), out var value) && value == unit ? 6 : 0;
    }

    private static int MatchPercent(string text, int at, Rune rune)
    {
        Span<byte> bytes = stackalloc byte[4];
        var count = rune.EncodeToUtf8(bytes);
        var position = at;
        for (var b = 0; b < count; b++)
        {
            if (position + 3 > text.Length || text[position] != '%' || !TryHex(text.AsSpan(position + 1, 2), out var value) || value != bytes[b])
            {
                return 0;
            }

            position += 3;
        }

        return position - at;
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        return true;
    }

    /// <summary>
    /// The characters of the base64 of <paramref name="bytes"/> that do not depend on what surrounds it, for each of the three
    /// alignments it can have inside a longer base64 text, in the standard and the URL-safe alphabets.
    /// </summary>
    private static void AddBase64Cores(List<string> literals, byte[] bytes)
    {
        // On its own, the whole encoding (its last character too) is known.
        var whole = Convert.ToBase64String(bytes).TrimEnd('=');
        literals.Add(whole);
        literals.Add(whole.Replace('+', '-').Replace('/', '_'));
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + bytes.Length];
            bytes.CopyTo(padded, offset);
            var encoded = Convert.ToBase64String(padded).TrimEnd('=');

            // Leading characters mix in the unknown bytes before; trailing ones the unknown bytes after.
            var skip = offset == 0 ? 0 : (offset * 8 / 6) + 1;
            var stableBits = (offset + bytes.Length) * 8;
            var end = stableBits / 6; // characters whose 6 bits all come from known bytes
            if (end - skip < MinFragment)
            {
                continue;
            }

            var core = encoded[skip..end];
            literals.Add(core);
            var urlSafe = core.Replace('+', '-').Replace('/', '_');
            if (urlSafe != core)
            {
                literals.Add(urlSafe);
            }
        }
    }
}
