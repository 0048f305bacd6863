using System.Globalization;
using System.Text.RegularExpressions;

namespace ProducerGen.Schema.Loading;

/// <summary>Parses durations written like <c>45s</c>, <c>2m</c>, <c>1m30s</c>, <c>500ms</c>, <c>1h</c>.</summary>
public static class DurationParser
{
    private static readonly Regex Shape = new(
        @"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+)ms)?$",
        RegexOptions.CultureInvariant,
        System.TimeSpan.FromSeconds(1));

    /// <summary>The duration in whole milliseconds, or null when <paramref name="text"/> is not a duration.</summary>
    public static long? TryParseMilliseconds(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 40)
        {
            return null;
        }

        var match = Shape.Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        var total = Part(match, "h", 3_600_000) + Part(match, "m", 60_000) + Part(match, "s", 1_000) + Part(match, "ms", 1);
        return total > 0 && total < long.MaxValue / 2 ? (long)total : null;
    }

    private static double Part(Match match, string group, double millisecondsPerUnit)
    {
        var value = match.Groups[group];
        return value.Success ? double.Parse(value.Value, CultureInfo.InvariantCulture) * millisecondsPerUnit : 0;
    }
}
