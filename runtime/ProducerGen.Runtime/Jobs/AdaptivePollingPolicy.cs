using System;
using System.Collections.Generic;

namespace ProducerGen;

/// <summary>
/// Polls rarely while a job is young and closely when it is due; once the job has reported its progress twice, aims the
/// next poll just past the completion time that progress trend predicts.
/// </summary>
/// <remarks>
/// <para>
/// <b>Before the first progress reading</b> (and whenever the job reports no progress) the policy models the job's total duration as
/// log-normal: centred on the model's average completion time with a spread of <see cref="PriorSpread"/>, sharpened by the latest
/// reported progress (elapsed × 100 / progress). It picks the pause <c>h</c> that balances the expected delay in noticing completion
/// (about <c>h / 2</c> when the job ends inside the pause) against one more request: <c>h² · hazard(t + h) = 2K</c>, where
/// <c>hazard</c> is the chance per second that a job still running finishes and <c>K</c> (<see cref="PollCostFraction"/> × the
/// expected duration; half of that while the job reports no progress) is what one request is worth in seconds of delay.
/// </para>
/// <para>
/// <b>With one reading</b> (progress between 1 and 99) the next poll is aimed late, 1.25 σ before the end that log-normal estimate
/// predicts and most of a minimum pause earlier still: a second reading far from the first gives a precise trend and still leaves
/// room to aim the last poll (issue 20: fewer polls and a shorter delay than creeping up on the end with the hazard rule).
/// </para>
/// <para>
/// <b>With two or more readings</b> of one wait (progress between 1 and 99, rising) it fits a straight line to progress against time,
/// extrapolates it to 100 and takes the standard error of that estimate (integer rounding of each report, the scatter of the readings
/// around the line once there are three, and a small allowance for progress that is not quite linear). It then either aims just past
/// the estimate (the overshoot chosen to balance delay against the chance of one more poll) or, when the estimate is still loose,
/// takes one more reading safely before the end when that is worth a request. A queued phase before progress starts (the
/// provider reports <c>0</c> while queued) does not bias the fit, since only the processing readings are used. The readings come
/// from <see cref="PollContext.Readings"/>, so the policy itself holds no state and one instance serves any number of waits.
/// A trend whose end lies more than 2 σ past the average completion time is not trusted in one step: the poll then comes no later
/// than 1 σ past the average (or 1.5 × the job's age, for a job already older than that), so an early slow trend cannot overshoot.
/// </para>
/// <para>
/// <b>With a learned progress curve</b> (<see cref="PollContext.Curve"/>: how this model's finished jobs reported progress against
/// their duration, queue phase included) each processing report bounds the job's end; the reports of the wait together bound it
/// tighter. Where those bounds are narrower than a tenth of the end, the next poll goes to the latest end they allow (never early
/// if the job keeps to the curve), or a minimum pause before the earliest end when a report there would narrow the bounds by
/// more than 0.4 requests' worth. Reports the curve cannot explain (the job outlived every end they allow) fall back to the
/// rules below (issue 20: 45 s jobs 3.22 → 2.94 polls, 0.29 s).
/// </para>
/// <para>
/// A reading that came before any poll (a held submission's answer, <see cref="PollContext.PollCount"/> 0) is followed no sooner than
/// halfway to the end it predicts, so that the pair is far enough apart to aim the last poll with.
/// </para>
/// <para>
/// For a short job (the minimum pause at least a tenth of the average) the first pause is 1.8 × the hazard rule's: no poll can
/// follow an early first reading sooner than the minimum pause, so that reading is worth little.
/// </para>
/// <para>
/// Without an average completion time and without a progress trend the policy backs off geometrically from the minimum.
/// Results are kept within [<see cref="PollContext.MinPollInterval"/>, <see cref="PollContext.MaxPollInterval"/>].
/// </para>
/// </remarks>
public sealed class AdaptivePollingPolicy : IPollingPolicy
{
    private const double ProgressNoise = 5.0;        // progress points of error in one report (single-reading estimate)
    private const double ProgressModelError = 0.10;  // relative error of "progress grows linearly" (single-reading estimate)
    private const double GrowthPerStep = 1.08;
    private const double ReadingNoise = 0.5;         // progress points of error in one report of a trend (integer rounding)
    private const double TrendModelError = 0.01;     // extrapolation error per second extrapolated (progress not quite linear)
    private const double RefineMargin = 3.0;         // an intermediate reading is taken this many standard errors before the estimated end
    private const int MaxReadings = 16;
    private const double MissWeight = 0.5;          // a poll that comes too early costs about half a minimum pause more delay
    private const double RefineWeight = 3.0;        // an intermediate reading counts as three requests: off a straight line it pays less than the fit says
    private const double SecondLookSpread = 1.25;   // the second reading is aimed this many σ (log duration) before the estimated end...
    private const double SecondLookLead = 0.75;     // ...and this many minimum pauses earlier still, leaving room to aim the last poll
    private const double OvershootTrigger = 2.0;    // a trend end this many σ past the average is not trusted in one step...
    private const double OvershootLook = 1.0;       // ...the poll goes no later than this many σ past the average...
    private const double OvershootGrowth = 1.5;     // ...or, for a job already older than that, this many times its age
    private const double ShortJobShare = 0.1;       // a job whose average is at most ten minimum pauses is "short"...
    private const double ShortFirstStretch = 1.8;   // ...and its first pause is this much longer than the hazard rule's
    private const double HandedReadingShare = 0.5;  // after a reading no poll took, the next comes no sooner than this share of the way to the end
    private const double CurveTrustWidth = 0.1;     // a learned curve aims only where its bounds on the end are narrower than this share of it
    private const double CurveRefineWeight = 0.4;   // a report before the end pays when it narrows the delay by 0.4 requests' worth (its bounds are hard)

    /// <summary>Creates the policy.</summary>
    /// <param name="priorSpread">The spread (σ of the logarithm) of job durations around the average; 0.35 puts 95% of 45 s jobs within about 23–89 s.</param>
    /// <param name="pollCostFraction">What one request is worth, in seconds of detection delay, as a fraction of the expected duration, once the job reports progress (half of it before).</param>
    public AdaptivePollingPolicy(double priorSpread = 0.35, double pollCostFraction = 0.008)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(priorSpread, 0.0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollCostFraction, 0.0);
        PriorSpread = priorSpread;
        PollCostFraction = pollCostFraction;
    }

    /// <summary>The shared default instance.</summary>
    public static AdaptivePollingPolicy Default { get; } = new();

    /// <summary>The spread (σ of the logarithm) of job durations around the average completion time.</summary>
    public double PriorSpread { get; }

    /// <summary>What one request is worth, in seconds of detection delay, as a fraction of the expected duration.</summary>
    public double PollCostFraction { get; }

    /// <inheritdoc/>
    public TimeSpan NextDelay(PollContext context)
    {
        var min = Math.Max(0.05, context.MinPollInterval.TotalSeconds);
        var max = Math.Max(min, context.MaxPollInterval.TotalSeconds);
        var elapsed = Math.Max(0.0, context.Elapsed.TotalSeconds);

        if (context.Progress >= 100)
        {
            return TimeSpan.FromSeconds(min); // finishing
        }

        if (context.Curve is { } curve && FromCurve(curve, context, elapsed, min) is { } fromCurve)
        {
            return Clamp(fromCurve, min, max);
        }

        if (Trend.Estimate(context.Readings) is { } estimate)
        {
            var aim = FromTrend(estimate, elapsed, min, context.AverageCompletion);
            return Clamp(Math.Min(aim, OvershootBound(elapsed + aim, elapsed, context.AverageCompletion) - elapsed), min, max);
        }

        if (context.AverageCompletion is not { } average || average <= TimeSpan.Zero)
        {
            // No prior: back off geometrically (a fifth of the job's age), so requests grow with the log of the duration.
            return Clamp(Math.Max(2.0, 0.2 * elapsed), min, max);
        }

        var expected = average.TotalSeconds;
        var mu = Math.Log(expected);
        var sigma = PriorSpread;

        var costFraction = PollCostFraction / 2; // without progress the end is less certain: ask a little more often
        if (context.Progress is { } progress && progress > 0 && elapsed > 0)
        {
            costFraction = PollCostFraction;
            // Combine the prior with the progress-based estimate in log space, each weighted by its precision.
            var fromProgress = Math.Log(elapsed * 100.0 / progress);
            var relativeError = Math.Sqrt(Square(ProgressNoise / progress) + Square(ProgressModelError));
            var priorPrecision = 1.0 / Square(sigma);
            var progressPrecision = 1.0 / Square(relativeError);
            mu = ((mu * priorPrecision) + (fromProgress * progressPrecision)) / (priorPrecision + progressPrecision);
            sigma = Math.Sqrt(1.0 / (priorPrecision + progressPrecision));
        }

        if (context.Progress is > 0 and < 100 && elapsed > 0)
        {
            // One reading and no trend yet: take the second reading late, a little before the earliest likely end and most
            // of a minimum pause ahead of it, so the trend it starts is long (precise) and leaves room to aim the last poll.
            // (The hazard rule below creeps up on the end in short steps: readings close together, a loose trend, more polls.)
            var early = Math.Exp(mu - (SecondLookSpread * sigma));
            var secondLook = early - (SecondLookLead * min) - elapsed;
            if (context.PollCount == 0)
            {
                // A reading the wait did not take itself (a held answer's, late in a long job): "a little before the earliest end"
                // may be a minimum pause away, and two readings that close give a trend too loose to aim with (the 45 s held row's
                // worst delays were 5-10 s). Halfway to the estimated end the pair is far enough apart.
                secondLook = Math.Max(secondLook, HandedReadingShare * (Math.Exp(mu) - elapsed));
            }

            return Clamp(secondLook, min, max);
        }

        var twiceCost = 2.0 * costFraction * Math.Exp(mu);
        var pause = min;
        while (pause < max && pause * pause * Hazard(elapsed + pause, mu, sigma) < twiceCost)
        {
            pause *= GrowthPerStep;
        }

        if (context.PollCount == 0 && min / expected >= ShortJobShare)
        {
            // A short job (the minimum pause a tenth of its average or more): no poll can follow an early reading sooner than
            // the minimum, so an early first reading buys little; take it later (issue 20: 6 s jobs, 1 s minimum).
            pause *= ShortFirstStretch;
        }

        return Clamp(pause, min, max);
    }

    /// <summary>
    /// The pause given the model's learned progress curve, or <see langword="null"/> when it cannot aim: no processing report yet, reports
    /// the curve cannot explain (the job outlived every end they allow, or they allow none), or bounds wider than
    /// <see cref="CurveTrustWidth"/> of the job's age. Otherwise the next poll goes to the latest end the reports allow (never early
    /// if the job follows the curve) or, when a report just before the earliest end would narrow that by more than
    /// <see cref="CurveRefineWeight"/> requests' worth, a minimum pause before the earliest end.
    /// </summary>
    private double? FromCurve(ProgressCurve curve, PollContext context, double elapsed, double min)
    {
        if (curve.EndBoundsSeconds(context.Readings) is not { } bounds || bounds.Latest <= elapsed || bounds.Latest - bounds.Earliest > CurveTrustWidth * bounds.Earliest)
        {
            return null;
        }

        var (earliest, latest) = bounds;
        var average = context.AverageCompletion is { } a && a > TimeSpan.Zero ? a.TotalSeconds : 0.0;
        var cost = PollCostFraction * Math.Max(average, latest);
        var refineAt = earliest - min;
        if (refineAt - elapsed >= min && (latest - earliest - curve.WidthNearEnd(latest)) / 2 > CurveRefineWeight * cost)
        {
            return refineAt - elapsed;
        }

        return latest - elapsed;
    }

    /// <summary>The pause given a completion estimate from the progress trend.</summary>
    private double FromTrend(TrendEstimate estimate, double elapsed, double min, TimeSpan? average)
    {
        var end = estimate.End;
        var error = estimate.StandardError;
        var cost = PollCostFraction * Math.Max(average is { } a && a > TimeSpan.Zero ? a.TotalSeconds : 0.0, end);

        // Aim z standard errors past the estimate: expected delay error·(zΦ(z)+φ(z)), plus, when the poll comes too early,
        // one more request and about half a minimum pause.
        var (bestZ, jumpCost) = (0.0, double.MaxValue);
        for (var z = 0.0; z <= 3.0; z += 0.25)
        {
            var below = 1.0 - (0.5 * Erfc(z / Math.Sqrt(2)));
            var density = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
            var c = (error * ((z * below) + density)) + ((1.0 - below) * (cost + (MissWeight * min)));
            if (c < jumpCost)
            {
                (bestZ, jumpCost) = (z, c);
            }
        }

        // Or first take one more reading safely before the end, if the sharper estimate it gives is worth a request.
        var refineAt = end - (RefineMargin * error);
        if (refineAt - elapsed >= min && estimate.ErrorWithReadingAt(refineAt) is var sharper && (RefineWeight * cost) + (1.1 * sharper) < jumpCost)
        {
            return refineAt - elapsed;
        }

        return end + (bestZ * error) - elapsed;
    }

    /// <summary>
    /// The latest job age a progress trend may schedule the next poll at (issue 20: an early trend read as a slow rate, say a
    /// back-loaded job reporting 5 % then 15 % in 5-point steps, put the end of a 6 s job 12–19 s out). A trend end later than
    /// <see cref="OvershootTrigger"/> σ past the average is not trusted in one step: the poll goes no later than
    /// <see cref="OvershootLook"/> σ past the average, or, once the job is older than that, <see cref="OvershootGrowth"/> × its age,
    /// and the reading it brings corrects the trend. Without an average there is no bound.
    /// </summary>
    private double OvershootBound(double target, double elapsed, TimeSpan? average)
    {
        if (average is not { } prior || prior <= TimeSpan.Zero || target <= prior.TotalSeconds * Math.Exp(OvershootTrigger * PriorSpread))
        {
            return double.MaxValue;
        }

        return Math.Max(prior.TotalSeconds * Math.Exp(OvershootLook * PriorSpread), elapsed * OvershootGrowth);
    }

    /// <summary>The hazard (finishing rate of jobs still running) of a log-normal duration at time <paramref name="t"/>.</summary>
    internal static double Hazard(double t, double mu, double sigma)
    {
        if (t <= 0)
        {
            return 0;
        }

        var z = (Math.Log(t) - mu) / sigma;
        var density = Math.Exp(-0.5 * z * z) / (Math.Sqrt(2 * Math.PI) * sigma * t);
        var survival = 0.5 * Erfc(z / Math.Sqrt(2));
        return survival <= 0 ? double.MaxValue : density / survival;
    }

    /// <summary>The complementary error function (Numerical Recipes' erfcc; relative error below 1.2e-7 everywhere).</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        ReadOnlySpan<double> coefficients = [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223];
        var poly = 0.0;
        foreach (var c in coefficients)
        {
            poly = (poly * t) + c;
        }

        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2.0 - r;
    }

    private static double Square(double x) => x * x;

    private static TimeSpan Clamp(double seconds, double min, double max) => TimeSpan.FromSeconds(Math.Clamp(seconds, min, max));

    /// <summary>The completion estimate of a linear progress trend.</summary>
    /// <param name="End">The estimated completion, in seconds of job age.</param>
    /// <param name="StandardError">Its standard error, in seconds.</param>
    /// <param name="Rate">Progress points per second.</param>
    /// <param name="Count">Readings in the fit.</param>
    /// <param name="MeanTime">Their mean time.</param>
    /// <param name="SumSquares">Σ (t − mean)².</param>
    /// <param name="Noise">The progress noise (points, one standard deviation) assumed per reading.</param>
    internal readonly record struct TrendEstimate(double End, double StandardError, double Rate, int Count, double MeanTime, double SumSquares, double Noise)
    {
        /// <summary>The standard error the estimate would have after one more reading, on the line, at <paramref name="t"/>.</summary>
        public double ErrorWithReadingAt(double t)
        {
            var count = Count + 1;
            var mean = ((MeanTime * Count) + t) / count;
            var sumSquares = SumSquares + (Count * Square(t - MeanTime) / count);
            return StandardErrorOf(End, t, Rate, count, mean, sumSquares, Noise);
        }

        public static double StandardErrorOf(double end, double lastTime, double rate, int count, double mean, double sumSquares, double noise)
        {
            // Inverse prediction of a least-squares line (where it reaches 100), plus extrapolation error.
            var fit = Square(noise / rate) * ((1.0 / count) + (Square(end - mean) / sumSquares));
            return Math.Sqrt(fit + Square(TrendModelError * Math.Max(0.0, end - lastTime)));
        }
    }

    /// <summary>The progress readings of one job during one wait.</summary>
    private static class Trend
    {
        /// <summary>The completion estimate of the processing readings (progress 1–99, since the last time progress went backwards), or null with fewer than two.</summary>
        public static TrendEstimate? Estimate(IReadOnlyList<ProgressReading>? all)
        {
            if (all is null || all.Count < 2)
            {
                return null;
            }

            var readings = new List<(double Time, double Progress)>(Math.Min(all.Count, MaxReadings));
            foreach (var reading in all)
            {
                if (reading.Progress is <= 0 or >= 100)
                {
                    continue; // queued (0) or finishing (100): not on the processing line
                }

                var value = reading.Progress + 0.5; // an integer report stands for [p, p + 1)
                if (readings.Count > 0 && value < readings[^1].Progress)
                {
                    readings.Clear(); // progress went backwards: start over
                }

                if (readings.Count == MaxReadings)
                {
                    readings.RemoveAt(1); // keep the first (the longest baseline) and the latest
                }

                readings.Add((reading.Elapsed.TotalSeconds, value));
            }

            return Fit(readings);
        }

        private static TrendEstimate? Fit(List<(double Time, double Progress)> readings)
        {
            var n = readings.Count;
            if (n < 2)
            {
                return null;
            }

            double meanT = 0, meanP = 0;
            foreach (var (t, p) in readings)
            {
                meanT += t;
                meanP += p;
            }

            meanT /= n;
            meanP /= n;
            double sxx = 0, sxy = 0;
            foreach (var (t, p) in readings)
            {
                sxx += Square(t - meanT);
                sxy += (t - meanT) * (p - meanP);
            }

            if (sxx <= 1e-9 || sxy <= 0)
            {
                return null; // no time between readings, or no progress made
            }

            var rate = sxy / sxx;
            var intercept = meanP - (rate * meanT);
            var end = (100.0 - intercept) / rate;
            var last = readings[^1].Time;
            if (!double.IsFinite(end) || end <= last)
            {
                return null;
            }

            var noise = ReadingNoise;
            if (n >= 3)
            {
                double sse = 0;
                foreach (var (t, p) in readings)
                {
                    sse += Square(p - (intercept + (rate * t)));
                }

                noise = Math.Max(noise, Math.Sqrt(sse / (n - 2)));
            }

            var error = TrendEstimate.StandardErrorOf(end, last, rate, n, meanT, sxx, noise);
            return new TrendEstimate(end, error, rate, n, meanT, sxx, noise);
        }
    }
}
