using System;
using System.Globalization;

namespace ProducerGen;

/// <summary>
/// How a submission asks the service to hold its answer until the job is done (the schema's <c>api.jobs.hold</c>): a header
/// whose value holds the seconds, such as Replicate's <c>Prefer: wait=60</c>. The answer is the job itself, perhaps still pending.
/// </summary>
public sealed class SubmissionHold
{
    /// <summary>The placeholder <see cref="Value"/> holds once.</summary>
    public const string SecondsPlaceholder = "{seconds}";

    /// <summary>Creates the description of a held submission.</summary>
    /// <param name="header">The header that asks for the hold, e.g. <c>Prefer</c>.</param>
    /// <param name="value">Its value, holding <see cref="SecondsPlaceholder"/> once, e.g. <c>wait={seconds}</c>.</param>
    /// <param name="maxSeconds">The longest hold the service grants, in seconds (at least 1).</param>
    /// <exception cref="ArgumentException">The header is empty, or the value does not hold <see cref="SecondsPlaceholder"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSeconds"/> is less than 1.</exception>
    public SubmissionHold(string header, string value, int maxSeconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains(SecondsPlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The hold value must hold '{SecondsPlaceholder}' (was '{value}').", nameof(value));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxSeconds, 1);
        Header = header;
        Value = value;
        MaxSeconds = maxSeconds;
    }

    /// <summary>The header that asks for the hold.</summary>
    public string Header { get; }

    /// <summary>The header's value, holding <see cref="SecondsPlaceholder"/>.</summary>
    public string Value { get; }

    /// <summary>The longest hold the service grants, in seconds.</summary>
    public int MaxSeconds { get; }

    /// <summary>The longest hold, as a duration.</summary>
    public TimeSpan Max => TimeSpan.FromSeconds(MaxSeconds);

    /// <summary>The hold to ask for when the wait may last <paramref name="maxWait"/>: the service's maximum, capped by it, in whole seconds; 0 when less than a second is left (then no hold is asked for).</summary>
    /// <param name="maxWait">What is left of the wait.</param>
    /// <returns>The seconds to send.</returns>
    public int SecondsFor(TimeSpan maxWait)
    {
        if (maxWait == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return MaxSeconds;
        }

        var whole = maxWait <= TimeSpan.Zero ? 0 : Math.Floor(maxWait.TotalSeconds);
        return whole >= MaxSeconds ? MaxSeconds : (int)whole;
    }

    /// <summary>The header's value for a hold of <paramref name="seconds"/>.</summary>
    /// <param name="seconds">The seconds to hold.</param>
    /// <returns>The value, e.g. <c>wait=60</c>.</returns>
    public string FormatValue(int seconds) => Value.Replace(SecondsPlaceholder, seconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"{Header}: {Value} (max {MaxSeconds} s)";
}
