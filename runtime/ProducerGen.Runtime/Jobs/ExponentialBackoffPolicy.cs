using System;

namespace ProducerGen;

/// <summary>Starts at an initial pause and multiplies it on every poll up to a cap, like the provider's Node SDK (2 s, ×1.5, 5 s). A baseline for comparison.</summary>
public sealed class ExponentialBackoffPolicy : IPollingPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="initial">The first pause.</param>
    /// <param name="factor">The growth factor per poll (at least 1).</param>
    /// <param name="maximum">The longest pause.</param>
    public ExponentialBackoffPolicy(TimeSpan initial, double factor, TimeSpan maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, initial);
        Initial = initial;
        Factor = factor;
        Maximum = maximum;
    }

    /// <summary>The first pause.</summary>
    public TimeSpan Initial { get; }

    /// <summary>The growth factor per poll.</summary>
    public double Factor { get; }

    /// <summary>The longest pause.</summary>
    public TimeSpan Maximum { get; }

    /// <inheritdoc/>
    public TimeSpan NextDelay(PollContext context)
    {
        var seconds = Initial.TotalSeconds * Math.Pow(Factor, Math.Max(0, context.PollCount));
        return seconds >= Maximum.TotalSeconds ? Maximum : TimeSpan.FromSeconds(seconds);
    }
}
