using System;
using System.Text;

namespace ProducerGen;

/// <summary>
/// Turns untrusted text (a track title, the last segment of a URL) into a safe file name on every platform:
/// no directory separators or path traversal, no control or reserved characters, no Windows device names
/// (<c>CON</c>, <c>NUL</c>, <c>COM1</c>...), no leading or trailing dots and spaces, and a bounded length.
/// </summary>
public static class FileNameSanitizer
{
    /// <summary>The longest name produced, in characters.</summary>
    public const int MaxLength = 120;

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
    public static string Sanitize(string? name, string fallback = "download")
    {
        var builder = new StringBuilder(name?.Length ?? 0);
        foreach (var c in name ?? string.Empty)
        {
            if (char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|'
                || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                AppendSeparator(builder);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        var result = builder.ToString().Trim(' ', '.', '_', '-');
        while (result.Contains("..", StringComparison.Ordinal))
        {
            result = result.Replace("..", ".", StringComparison.Ordinal);
        }

        if (result.Length > MaxLength)
        {
            var dot = result.LastIndexOf('.');
            var extension = dot > 0 && result.Length - dot <= 10 ? result[dot..] : string.Empty;
            result = result[..(MaxLength - extension.Length)].TrimEnd(' ', '.') + extension;
        }

        if (result.Length == 0)
        {
            return fallback == name ? "download" : Sanitize(fallback, "download");
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

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '_')
        {
            builder.Append('_');
        }
    }
}
