using System;
using System.Collections.Generic;

namespace ProducerGen;

/// <summary>
/// How a model's jobs have reported progress against their duration, learned from the jobs this client's waits saw finish:
/// at progress <c>p</c> a job had used about <see cref="QueuedShare"/> + <see cref="ProcessingShare"/> × p / 100 of its duration,
/// give or take <see cref="Spread"/> beyond the integer rounding of each report. A policy reads a job's duration off one report
/// with it, where the report alone (without the queue phase before progress starts) cannot say how far along the job is.
/// </summary>
public sealed class ProgressCurve
{
    /// <summary>How many spreads of margin a bound allows on each side of the curve.</summary>
    private const double Margin = 2.0;

    /// <summary>The least spread a bound assumes, so that a curve learned from perfectly regular jobs still leaves room.</summary>
    private const double MinimumSpread = 0.0002;

    /// <summary>Creates a curve.</summary>
    /// <param name="queuedShare">The share of the duration used before progress starts (the curve at progress 0).</param>
    /// <param name="processingShare">The share used from progress 0 to 100.</param>
    /// <param name="spread">One standard deviation of the share used at a given report, beyond its integer rounding.</param>
    /// <param name="jobs">How many finished jobs the curve was learned from.</param>
    public ProgressCurve(double queuedShare, double processingShare, double spread, int jobs)
    {
        if (!double.IsFinite(queuedShare) || !double.IsFinite(processingShare) || processingShare <= 0 || !double.IsFinite(spread) || spread < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(processingShare), "A progress curve needs finite shares, a positive processing share and a spread of at least zero.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(jobs);
        QueuedShare = queuedShare;
        ProcessingShare = processingShare;
        Spread = spread;
        Jobs = jobs;
    }

    /// <summary>The share of a job's duration used before its progress starts.</summary>
    public double QueuedShare { get; }

    /// <summary>The share of a job's duration used while its progress goes from 0 to 100.</summary>
    public double ProcessingShare { get; }

    /// <summary>One standard deviation of the share used at a report, beyond the report's integer rounding.</summary>
    public double Spread { get; }

    /// <summary>How many finished jobs the curve was learned from.</summary>
    public int Jobs { get; }

    /// <summary>
    /// The earliest and latest job age at which a job that reported <paramref name="reading"/> ends, by this curve; <see langword="null"/>
    /// for a report off the processing phase (0 or 100) or where the curve says nothing (a share of zero or less).
    /// </summary>
    /// <param name="reading">One progress report and the job's age when it was made.</param>
    /// <returns>The bounds, in job age.</returns>
    public (TimeSpan Earliest, TimeSpan Latest)? EndBounds(ProgressReading reading)
        => EndBoundsSeconds(reading.Elapsed.TotalSeconds, reading.Progress) is { } bounds
            ? (TimeSpan.FromSeconds(bounds.Earliest), TimeSpan.FromSeconds(bounds.Latest))
            : null;

    /// <summary>
    /// The bounds every processing report of <paramref name="readings"/> allows at once, in seconds of job age; <see langword="null"/>
    /// when there is no such report or the reports disagree with the curve (no end satisfies them all).
    /// </summary>
    internal (double Earliest, double Latest)? EndBoundsSeconds(IReadOnlyList<ProgressReading>? readings)
    {
        if (readings is null)
        {
            return null;
        }

        var (earliest, latest) = (0.0, double.MaxValue);
        var any = false;
        foreach (var reading in readings)
        {
            if (EndBoundsSeconds(reading.Elapsed.TotalSeconds, reading.Progress) is { } bounds)
            {
                earliest = Math.Max(earliest, bounds.Earliest);
                latest = Math.Min(latest, bounds.Latest);
                any = true;
            }
        }

        return any && earliest <= latest ? (earliest, latest) : null;
    }

    /// <summary>How wide the bounds of a report made just before the end of a job of <paramref name="duration"/> seconds are.</summary>
    internal double WidthNearEnd(double duration) => duration * ((ProcessingShare / 100) + (2 * Margin * Math.Max(Spread, MinimumSpread)));

    private (double Earliest, double Latest)? EndBoundsSeconds(double age, int progress)
    {
        if (progress is <= 0 or >= 100 || age <= 0)
        {
            return null;
        }

        // A report p stands for [p, p + 1): the share used lies between the curve at p and at p + 1, plus the margin.
        var margin = Margin * Math.Max(Spread, MinimumSpread);
        var least = QueuedShare + (ProcessingShare * progress / 100) - margin;
        var most = QueuedShare + (ProcessingShare * (progress + 1) / 100) + margin;
        if (least <= 0 || most <= 0)
        {
            return null;
        }

        return (age / most, age / least);
    }
}
