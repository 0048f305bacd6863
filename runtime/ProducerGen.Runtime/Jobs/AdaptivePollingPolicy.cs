using System;

namespace ProducerGen;

/// <summary>
/// Polls rarely while a job is young and closely when it is due.
/// </summary>
/// <remarks>
/// <para>
/// The policy models the job's total duration as log-normal: centred on the model's average completion time with a spread of
/// <see cref="PriorSpread"/>, sharpened by the job's reported progress (elapsed × 100 / progress estimates the total; the higher the
/// progress, the more it is trusted). It then picks the pause <c>h</c> that balances the two costs of polling: the expected delay in
/// noticing completion (about <c>h / 2</c> when the job ends inside the pause) against one more request. The optimum satisfies
/// <c>h² · hazard(t + h) = 2K</c>, where <c>hazard</c> is the chance per second that a job still running finishes, and
/// <c>K</c> (<see cref="PollCostFraction"/> × the expected duration; half of that while the job reports no progress) is what one request is worth in seconds of delay.
/// </para>
/// <para>
/// So the first poll comes after a good fraction of the expected duration, the pauses shrink as the estimated end nears
/// (about 2 s around a 45 s job's end) and stay short past it. Without an average completion time the policy backs off
/// geometrically from the minimum. Results are kept within [<see cref="PollContext.MinPollInterval"/>, <see cref="PollContext.MaxPollInterval"/>].
/// </para>
/// </remarks>
public sealed class AdaptivePollingPolicy : IPollingPolicy
{
    private const double ProgressNoise = 5.0;        // progress points of error in one report
    private const double ProgressModelError = 0.10;  // relative error of "progress grows linearly"
    private const double GrowthPerStep = 1.08;

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

        if (context.AverageCompletion is not { } average || average <= TimeSpan.Zero)
        {
            // No prior: back off geometrically (a fifth of the job's age), so requests grow with the log of the duration.
            return Clamp(Math.Max(2.0, 0.2 * elapsed), min, max);
        }

        if (context.Progress >= 100)
        {
            return TimeSpan.FromSeconds(min); // finishing
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

        var twiceCost = 2.0 * costFraction * Math.Exp(mu);
        var pause = min;
        while (pause < max && pause * pause * Hazard(elapsed + pause, mu, sigma) < twiceCost)
        {
            pause *= GrowthPerStep;
        }

        return Clamp(pause, min, max);
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
}
