using System;
using System.Globalization;
using System.Text;

namespace ProducerGen;

/// <summary>
/// Turns untrusted text (a track title, the last segment of a URL) into a safe file name on every platform:
/// no directory separators or path traversal, no control or reserved characters, no Windows device names
/// (<c>CON</c>, <c>NUL</c>, <c>COM1</c>...), no leading or trailing dots and spaces, no unpaired surrogates, and a bounded length:
/// at most <see cref="MaxLength"/> UTF-16 characters and <see cref="MaxUtf8Bytes"/> UTF-8 bytes, extension included, cut between
/// grapheme clusters (never inside a surrogate pair or before a combining mark) and keeping the extension.
/// </summary>
public static class FileNameSanitizer
{
    /// <summary>The longest name produced, in UTF-16 characters (extension included).</summary>
    public const int MaxLength = 120;

    /// <summary>
    /// The longest name produced, in UTF-8 bytes (extension included): 255, the limit of Linux and macOS file systems, less room for
    /// the <c>" (999)"</c> a download adds when the name is taken. Fits NTFS's 255 UTF-16 characters too.
    /// </summary>
    public const int MaxUtf8Bytes = 240;

    /// <summary>The most room <see cref="Sanitize(string?, string, int)"/> leaves for a caller's suffix: 64.</summary>
    public const int MaxReserved = 64;

    private static readonly string[] DeviceNames =
    [
        "CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>Makes <paramref name="name"/> safe to use as a file name.</summary>
    /// <param name="name">The untrusted name.</param>
    /// <param name="fallback">The name used when nothing usable remains.</param>
    /// <returns>A safe file name (never empty, never a path).</returns>
    public static string Sanitize(string? name, string fallback = "download") => Sanitize(name, fallback, 0);

    /// <summary>
    /// Makes <paramref name="name"/> safe to use as a file name, leaving room for <paramref name="reserved"/> more bytes and
    /// characters you append (e.g. <c>" - 2"</c> and an extension), so that your suffix is never the part a later cut removes.
    /// </summary>
    /// <param name="name">The untrusted name.</param>
    /// <param name="fallback">The name used when nothing usable remains.</param>
    /// <param name="reserved">
    /// How many of <see cref="MaxUtf8Bytes"/> (and of <see cref="MaxLength"/>) to leave free: from 0 to <see cref="MaxReserved"/>.
    /// </param>
    /// <returns>A safe file name (never empty, never a path).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reserved"/> is negative or over <see cref="MaxReserved"/>.</exception>
    public static string Sanitize(string? name, string fallback, int reserved)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reserved);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reserved, MaxReserved);
        var maxUtf8Bytes = MaxUtf8Bytes - reserved;
        var maxLength = MaxLength - reserved;
        var text = name ?? string.Empty;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                AppendSeparator(builder); // an unpaired surrogate: no file system can store it faithfully
                i += Math.Max(consumed, 1);
                continue;
            }

            i += consumed;
            if (Rune.IsControl(rune) || rune.Value is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|'
                || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                AppendSeparator(builder);
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        var result = builder.ToString().Trim(' ', '.', '_', '-');
        while (result.Contains("..", StringComparison.Ordinal))
        {
            result = result.Replace("..", ".", StringComparison.Ordinal);
        }

        if (result.Length > maxLength || Encoding.UTF8.GetByteCount(result) > maxUtf8Bytes)
        {
            var dot = result.LastIndexOf('.');
            var extension = dot > 0 && result.Length - dot <= 10 && Encoding.UTF8.GetByteCount(result.AsSpan(dot)) <= 16 ? result[dot..] : string.Empty;
            var kept = Cut(result[..(result.Length - extension.Length)], maxLength - extension.Length, maxUtf8Bytes - Encoding.UTF8.GetByteCount(extension));
            result = kept.TrimEnd(' ', '.') + extension;
        }

        if (result.Length == 0)
        {
            return fallback == name ? "download" : Sanitize(fallback, "download", reserved);
        }

        var stem = result.Split('.')[0].TrimEnd(' ');
        foreach (var device in DeviceNames)
        {
            if (string.Equals(stem, device, StringComparison.OrdinalIgnoreCase))
            {
                return "_" + result;
            }
        }

        return result;
    }

    /// <summary>
    /// The longest prefix of <paramref name="text"/> within both bounds that ends between grapheme clusters; when even the first
    /// cluster is too long (a letter with dozens of combining marks), the longest prefix that ends between code points.
    /// </summary>
    private static string Cut(string text, int maxChars, int maxBytes)
    {
        int chars = 0, bytes = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (chars + element.Length > maxChars || bytes + size > maxBytes)
            {
                break;
            }

            chars += element.Length;
            bytes += size;
        }

        if (chars > 0 || text.Length == 0)
        {
            return text[..chars];
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (chars + rune.Utf16SequenceLength > maxChars || bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            chars += rune.Utf16SequenceLength;
            bytes += rune.Utf8SequenceLength;
        }

        return text[..chars];
    }

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '_')
        {
            builder.Append('_');
        }
    }
}
