using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Runtime.Tests;

/// <summary>A <see cref="FakeTimeProvider"/> that counts the timer callbacks it has run, so a clock driver knows when an advance woke the code under test.</summary>
public class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _fired;

    /// <summary>How many timer callbacks have run so far.</summary>
    public int FiredTimers => Volatile.Read(ref _fired);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return base.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            },
            state,
            dueTime,
            period);
    }
}
