using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// The default <see cref="IWebhookDeduplicationStore"/>: marks in this process's memory, bounded in time (each mark's time to live, on a
/// <see cref="System.TimeProvider"/>) and in size (<see cref="Capacity"/>; past it the oldest marks are dropped first). Serves one app
/// instance; behind a load balancer use <see cref="DistributedCacheWebhookDeduplicationStore"/>.
/// </summary>
public sealed class InMemoryWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    /// <summary>The default <see cref="Capacity"/>.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Mark>> _marks = new(StringComparer.Ordinal);
    private readonly LinkedList<Mark> _byAge = new();

    /// <summary>Creates a store.</summary>
    /// <param name="capacity">The most marks kept; past it the oldest are dropped (their deliveries, if retried, are handled again).</param>
    /// <param name="timeProvider">The clock marks expire on; default <see cref="TimeProvider.System"/>.</param>
    public InMemoryWebhookDeduplicationStore(int capacity = DefaultCapacity, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The most marks kept.</summary>
    public int Capacity { get; }

    /// <summary>The marks kept now, expired ones not yet dropped included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _marks.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> IsMarkedAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return ValueTask.FromResult(_marks.TryGetValue(key, out var node) && node.Value.Expires > now);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryMarkAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            DropExpired(now);
            if (_marks.TryGetValue(key, out var existing))
            {
                if (existing.Value.Expires > now)
                {
                    return ValueTask.FromResult(false);
                }

                Remove(existing);
            }

            while (_marks.Count >= Capacity)
            {
                Remove(_byAge.First!);
            }

            _marks.Add(key, _byAge.AddLast(new Mark(key, now + timeToLive)));
            return ValueTask.FromResult(true);
        }
    }

    // Marks are kept in the order they were made; with one time to live that is also the order they expire in, so the
    // expired ones are found at the front. A mark with a longer life at the front only delays the drop of the ones behind it.
    private void DropExpired(DateTimeOffset now)
    {
        while (_byAge.First is { } oldest && oldest.Value.Expires <= now)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Mark> node)
    {
        _byAge.Remove(node);
        _marks.Remove(node.Value.Key);
    }

    private readonly record struct Mark(string Key, DateTimeOffset Expires);
}
