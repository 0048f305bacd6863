using System;
using System.Text.RegularExpressions;

namespace ProducerGen;

/// <summary>
/// A job shape's <see cref="JobShape.ProgressPattern"/>, compiled once: the last percentage a status text shows (a log, "42% done").
/// A type of its own, so that a job reader whose shape has no pattern never loads the regex engine (issue 20 target 4: its assembly
/// and code are resident memory every process paid for nothing).
/// </summary>
internal sealed class ProgressPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    private ProgressPattern(Regex regex) => _regex = regex;

    /// <summary>Compiles <paramref name="pattern"/>; an <see cref="ArgumentException"/> names it when it is not a regular expression.</summary>
    public static ProgressPattern Parse(string pattern)
    {
        try
        {
            return new ProgressPattern(new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout));
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"The progress pattern '{pattern}' is not a regular expression: {exception.Message}", nameof(JobShape.ProgressPattern), exception);
        }
    }

    /// <summary>The number the last match shows (its first group when it has one), or null when no match holds a number.</summary>
    public double? LastPercentage(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            double? last = null;
            foreach (Match match in _regex.Matches(text))
            {
                var group = match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
                last = JobReader.ParseNumber(group) ?? last;
            }

            return last;
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // a pathological log is no progress, not a failed poll
        }
    }
}
