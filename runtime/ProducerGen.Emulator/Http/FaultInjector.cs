using ProducerGen.Emulator.Jobs;

namespace ProducerGen.Emulator.Http;

/// <summary>The fault chosen for one request, before it is handled.</summary>
internal enum RequestFault
{
    None,
    RateLimit,
    ServerError,
    Unavailable,
}

/// <summary>
/// Decides which requests fail. Every decision is a function of the seed, the request's (or job's) sequence number
/// and the kind of decision, so a given sequence of requests meets the same faults on every run.
/// </summary>
internal sealed class FaultInjector
{
    private const ulong LatencyKind = 1;
    private const ulong ErrorKind = 2;
    private const ulong RateLimitKind = 3;
    private const ulong DropBeforeKind = 4;
    private const ulong DropAfterKind = 5;
    private const ulong FailJobKind = 6;

    private readonly FaultOptions _options;
    private readonly ulong _seed;
    private readonly Lock _gate = new();
    private long _requests;
    private long _submissions;
    private long _jobs;
    private int _burstLeft;

    public FaultInjector(FaultOptions options)
    {
        _options = options;
        _seed = DeterministicRandom.Mix((ulong)(uint)options.Seed);
    }

    /// <summary>Numbers a request; the number feeds every decision about it.</summary>
    public long NextRequest() => Interlocked.Increment(ref _requests);

    public TimeSpan Latency(long request)
    {
        if (_options.MaxLatency <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var min = _options.MinLatency < TimeSpan.Zero ? TimeSpan.Zero : _options.MinLatency;
        var max = _options.MaxLatency < min ? min : _options.MaxLatency;
        return min + ((max - min) * Unit(LatencyKind, request));
    }

    public RequestFault Fault(long request)
    {
        lock (_gate)
        {
            if (_burstLeft > 0)
            {
                _burstLeft--;
                return RequestFault.RateLimit;
            }

            if (_options.RateLimitRate > 0 && Unit(RateLimitKind, request) < _options.RateLimitRate)
            {
                _burstLeft = Math.Max(1, _options.RateLimitBurst) - 1;
                return RequestFault.RateLimit;
            }
        }

        var error = Unit(ErrorKind, request);
        if (error < _options.ServerErrorRate)
        {
            return RequestFault.ServerError;
        }

        return error < _options.ServerErrorRate + _options.UnavailableRate ? RequestFault.Unavailable : RequestFault.None;
    }

    /// <summary>Numbers a valid submission that is about to create a job.</summary>
    public long NextSubmission() => Interlocked.Increment(ref _submissions);

    public bool DropBeforeCreate(long submission) => _options.DropBeforeCreateRate > 0 && Unit(DropBeforeKind, submission) < _options.DropBeforeCreateRate;

    public bool DropAfterCreate(long submission) => _options.DropAfterCreateRate > 0 && Unit(DropAfterKind, submission) < _options.DropAfterCreateRate;

    public bool FailJob() => _options.FailJobRate > 0 && Unit(FailJobKind, Interlocked.Increment(ref _jobs)) < _options.FailJobRate;

    private double Unit(ulong kind, long sequence) => DeterministicRandom.Unit(_seed, kind, (ulong)sequence);
}
