using System.Globalization;

namespace ProducerGen.Emulator.Media;

/// <summary>Reads an output size from the spellings generation APIs use: <c>1024x768</c>, <c>16:9</c>, <c>landscape_16_9</c>, <c>2K</c>, <c>1MP</c>, <c>720p</c>.</summary>
internal static class ImageSize
{
    /// <summary>The long side an aspect ratio alone is scaled to.</summary>
    public const int LongSide = 1024;

    /// <summary>An explicit size (<c>1024x768</c>, <c>1024*768</c>), or null.</summary>
    public static (int Width, int Height)? Explicit(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split('x', '*', '×');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0
            ? (w, h)
            : null;
    }

    /// <summary>A ratio (<c>16:9</c>, <c>landscape_16_9</c>, <c>portrait_4_3</c>, <c>square</c>) as width over height, or null.</summary>
    public static double? Ratio(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var lower = value.ToLowerInvariant();
        if (lower.StartsWith("square", StringComparison.Ordinal))
        {
            return 1;
        }

        var digits = lower.Split([':', '_', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.All(char.IsAsciiDigit)).ToList();
        if (digits.Count < 2 || !double.TryParse(digits[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ||
            !double.TryParse(digits[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) || a <= 0 || b <= 0)
        {
            return null;
        }

        // fal's presets name the long side first: portrait_16_9 is 9:16.
        return lower.StartsWith("portrait", StringComparison.Ordinal) ? Math.Min(a, b) / Math.Max(a, b) : a / b;
    }

    /// <summary>A size with <paramref name="ratio"/> whose long side is <paramref name="longSide"/>, both even.</summary>
    public static (int Width, int Height) FromRatio(double ratio, int longSide = LongSide) => ratio >= 1
        ? (Even(longSide), Even(longSide / ratio))
        : (Even(longSide * ratio), Even(longSide));

    /// <summary>A size with <paramref name="ratio"/> whose short side is <paramref name="shortSide"/> (video resolutions: 720p).</summary>
    public static (int Width, int Height) FromShortSide(double ratio, int shortSide) => ratio >= 1
        ? (Even(shortSide * ratio), Even(shortSide))
        : (Even(shortSide), Even(shortSide / ratio));

    /// <summary>The long side a resolution word names (<c>1K</c>, <c>2K</c>, <c>4K</c>, <c>2MP</c>), or null.</summary>
    public static int? LongSideOf(string? value, double ratio) => value?.Trim().ToUpperInvariant() switch
    {
        "1K" => 1024,
        "2K" => 2048,
        "4K" => 4096,
        { } mp when mp.EndsWith("MP", StringComparison.Ordinal) && double.TryParse(mp[..^2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var megapixels)
            => (int)Math.Round(Math.Sqrt(megapixels * 1_000_000 * Math.Max(ratio, 1 / ratio))),
        _ => null,
    };

    /// <summary>The short side a video resolution names (<c>480p</c>, <c>720p</c>, <c>1080p</c>, <c>4k</c>, <c>hd</c>), or null.</summary>
    public static int? ShortSideOf(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "4k" or "2160p" => 2160,
        "1080p" or "fhd" or "high" => 1080,
        "720p" or "hd" or "standard" => 720,
        "540p" => 540,
        "480p" or "sd" => 480,
        "360p" => 360,
        _ => null,
    };

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);
}
