using System;

namespace ProducerGen;

/// <summary>Polls at a fixed interval, like the provider's documented loop (every 2 s). A baseline for comparison.</summary>
public sealed class FixedIntervalPolicy : IPollingPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="interval">The pause between polls.</param>
    public FixedIntervalPolicy(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
    }

    /// <summary>The pause between polls.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc/>
    public TimeSpan NextDelay(PollContext context) => Interval;
}
