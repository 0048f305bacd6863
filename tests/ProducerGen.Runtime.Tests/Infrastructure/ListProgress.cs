using System.Collections.Generic;

namespace ProducerGen.Runtime.Tests;

/// <summary>A synchronous <see cref="IProgress{T}"/> that records every report.</summary>
public sealed class ListProgress<T> : IProgress<T>
{
    private readonly List<T> _items = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public void Report(T value)
    {
        lock (_items)
        {
            _items.Add(value);
        }
    }
}
