using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>The pageable <see cref="AsyncPageable{T}.FromPages"/> returns: pages held in memory, served in order.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class StaticPageable<T> : AsyncPageable<T>
{
    private readonly IReadOnlyList<Page<T>> _pages;

    public StaticPageable(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        _pages = pages.ToArray();
        if (_pages.Any(page => page is null))
        {
            throw new ArgumentException("A page is null.", nameof(pages));
        }
    }

    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSizeHint ?? 1, nameof(pageSizeHint));
        var start = 0;
        if (continuationToken is not null)
        {
            // As a service would: the token a page carries names the page after it.
            var index = _pages.ToList().FindIndex(page => string.Equals(page.ContinuationToken, continuationToken, StringComparison.Ordinal));
            start = index >= 0 ? index + 1 : throw new ArgumentException($"No page carries the continuation token '{continuationToken}'.", nameof(continuationToken));
        }

        return PagesFrom(start);
    }

    private async IAsyncEnumerable<Page<T>> PagesFrom(int start, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = start; i < _pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return _pages[i];
            await Task.Yield();
        }
    }
}
