using System;
using System.Threading;

namespace ProducerGen;

/// <summary>
/// The per-attempt timeout of a client's default <see cref="ProducerGenClientOptions.RequestTimeout"/>, shared by attempts that start
/// close together (issue 20): Polly's timeout strategy took a token source, a <c>CancelAfter</c> timer and a registration per
/// attempt (~1 µs of a ~6 µs in-memory submit). Attempts that start within one slice of <see cref="Granularity"/> share one token
/// source, cancelled <see cref="Timeout"/> + <see cref="Granularity"/> after the slice began: so every attempt of a slice has run at
/// least <see cref="Timeout"/> when it fires, and at most <see cref="Granularity"/> (1/64 of the timeout, at most 1 s) longer.
/// A new slice costs one token source and timer; an attempt inside a slice costs a timestamp and a read.
/// </summary>
internal sealed class AttemptDeadlines
{
    private readonly TimeProvider _time;
    private readonly long _sliceTicks; // in TimeProvider timestamp units
    private readonly object _lock = new();
    private Slice? _current;

    public AttemptDeadlines(TimeSpan timeout, TimeProvider timeProvider)
    {
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The attempt timeout must be positive.");
        }

        Timeout = timeout;
        Granularity = GranularityOf(timeout);
        _time = timeProvider;
        _sliceTicks = Math.Max(1, (long)(Granularity.TotalSeconds * timeProvider.TimestampFrequency));
    }

    /// <summary>The attempt timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How much later than <see cref="Timeout"/> an attempt may be cancelled: 1/64 of it, between 1 ms and 1 s.</summary>
    public TimeSpan Granularity { get; }

    /// <summary>The lateness bound of <paramref name="timeout"/>.</summary>
    public static TimeSpan GranularityOf(TimeSpan timeout)
        => TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 64, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond));

    /// <summary>A token cancelled no sooner than <see cref="Timeout"/> from now and no later than <see cref="Granularity"/> after that.</summary>
    public CancellationToken Token()
    {
        var now = _time.GetTimestamp();
        var slice = Volatile.Read(ref _current);
        if (slice is not null && now - slice.Start < _sliceTicks && now >= slice.Start)
        {
            return slice.Source.Token;
        }

        lock (_lock)
        {
            slice = _current;
            if (slice is null || now - slice.Start >= _sliceTicks || now < slice.Start)
            {
                // Not disposed when replaced: attempts of the old slice still hold its token; its timer fires once and releases it.
                slice = new Slice(now, new CancellationTokenSource(Timeout + Granularity, _time));
                Volatile.Write(ref _current, slice);
            }

            return slice.Source.Token;
        }
    }

    private sealed record Slice(long Start, CancellationTokenSource Source);
}
