using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ProducerGen;

/// <summary>One page of a list: its items, the cursor of the next page, and the whole answer.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page (for tests and mocks; pageables create them from the wire).</summary>
    /// <param name="values">The page's items.</param>
    /// <param name="continuationToken">The next page's cursor, or <see langword="null"/> on the last page.</param>
    /// <param name="raw">The whole page answer.</param>
    public Page(IReadOnlyList<T> values, string? continuationToken, JsonElement raw)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values.ToArray();
        ContinuationToken = continuationToken;
        Raw = raw;
    }

    /// <summary>Creates a page from items, for tests and mocks (like Azure's <c>Page&lt;T&gt;.FromValues</c>); its <see cref="Raw"/> is undefined.</summary>
    /// <param name="values">The page's items.</param>
    /// <param name="continuationToken">The next page's cursor, or <see langword="null"/> on the last page.</param>
    /// <returns>The page.</returns>
    public static Page<T> FromValues(IReadOnlyList<T> values, string? continuationToken = null) => new(values, continuationToken, default);

    /// <summary>The page's items, in the service's order.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// The cursor of the next page, or <see langword="null"/> on the last page. Pass it to
    /// <see cref="AsyncPageable{T}.AsPages"/> to resume the listing later, from any process.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>The whole page answer, for members the item type does not carry.</summary>
    public JsonElement Raw { get; }
}
