using System.Collections.Concurrent;
using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Passes every pause through and keeps the context each was planned from.</summary>
public sealed class RecordingPolicy(IPollingPolicy inner) : IPollingPolicy
{
    public ConcurrentQueue<PollContext> Contexts { get; } = new();

    public TimeSpan NextDelay(PollContext context)
    {
        Contexts.Enqueue(context with { Readings = context.Readings?.ToArray() }); // the wait's list grows after this call
        return inner.NextDelay(context);
    }
}
