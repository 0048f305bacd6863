using System;
using System.ComponentModel;
using System.Globalization;

namespace ProducerGen;

/// <summary>
/// How a list operation pages (cursor paging): where a page's items and next cursor are, and which query parameters carry the
/// cursor and the page size. Paths are response paths: dotted members, <c>[n]</c>, <c>$</c> for the whole body.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)] // for generated code
public sealed class PageDescription
{
    /// <summary>Describes a cursor-paged list.</summary>
    /// <param name="itemsPath">The path of the page's items array, e.g. <c>data</c>.</param>
    /// <param name="cursorParameter">The query parameter the next page's cursor is sent in, e.g. <c>cursor</c>.</param>
    /// <param name="nextCursorPath">The path of the next page's cursor in a page, e.g. <c>nextCursor</c>; absent, null or empty on the last page.</param>
    /// <param name="hasMorePath">The path of a boolean saying whether another page follows, or <see langword="null"/> when the API has none.</param>
    /// <param name="limitParameter">The query parameter the page size hint is sent in, or <see langword="null"/> when the API takes none.</param>
    /// <param name="minLimit">The least page size the API accepts, or <see langword="null"/>.</param>
    /// <param name="maxLimit">The greatest page size the API accepts, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A path is not a response path, a parameter is empty, or the limits are not 1 ≤ min ≤ max.</exception>
    public PageDescription(string itemsPath, string cursorParameter, string nextCursorPath, string? hasMorePath = null,
        string? limitParameter = null, int? minLimit = null, int? maxLimit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursorParameter);
        if (limitParameter is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(limitParameter);
        }

        if (minLimit is < 1 || maxLimit is < 1 || minLimit > maxLimit)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The page size limits must satisfy 1 <= min <= max (were {minLimit}, {maxLimit})."), nameof(minLimit));
        }

        Items = ResponsePath.Parse(itemsPath, nameof(itemsPath));
        NextCursor = ResponsePath.Parse(nextCursorPath, nameof(nextCursorPath));
        HasMore = hasMorePath is null ? null : ResponsePath.Parse(hasMorePath, nameof(hasMorePath));
        CursorParameter = cursorParameter;
        LimitParameter = limitParameter;
        MinLimit = minLimit;
        MaxLimit = maxLimit;
    }

    /// <summary>The query parameter the cursor is sent in.</summary>
    public string CursorParameter { get; }

    /// <summary>The query parameter the page size hint is sent in, or <see langword="null"/>.</summary>
    public string? LimitParameter { get; }

    /// <summary>The least page size, or <see langword="null"/>.</summary>
    public int? MinLimit { get; }

    /// <summary>The greatest page size, or <see langword="null"/>.</summary>
    public int? MaxLimit { get; }

    internal ResponsePath Items { get; }

    internal ResponsePath NextCursor { get; }

    internal ResponsePath? HasMore { get; }

    /// <summary>Throws when <paramref name="pageSizeHint"/> is outside the API's bounds (or below 1).</summary>
    internal void CheckPageSize(int? pageSizeHint)
    {
        if (pageSizeHint is not { } hint)
        {
            return;
        }

        var min = MinLimit ?? 1;
        if (hint < min || MaxLimit is { } max && hint > max)
        {
            var range = MaxLimit is { } upper ? string.Create(CultureInfo.InvariantCulture, $"between {min} and {upper}") : string.Create(CultureInfo.InvariantCulture, $"at least {min}");
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), hint, $"The page size hint must be {range}.");
        }
    }
}
