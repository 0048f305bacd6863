using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// A list the service returns page by page: <c>await foreach</c> over it yields every item of every page, fetching pages as
/// needed; <see cref="AsPages"/> yields the pages themselves (with the cursor to resume from). Like Azure.Core's <c>AsyncPageable&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Creates a pageable (derive from it to mock a list).</summary>
    protected AsyncPageable()
    {
    }

    /// <summary>
    /// A pageable over pages already in memory, for tests and mocks (like Azure's <c>AsyncPageable&lt;T&gt;.FromPages</c>):
    /// <c>substitute.ListAsync().Returns(AsyncPageable&lt;Lora&gt;.FromPages([Page&lt;Lora&gt;.FromValues(loras)]))</c>.
    /// </summary>
    /// <param name="pages">The pages, in order; a continuation token resumes after the page that carries it.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages) => new StaticPageable<T>(pages);

    /// <summary>The pages of the list, fetched one at a time as they are enumerated.</summary>
    /// <param name="continuationToken">A <see cref="Page{T}.ContinuationToken"/> to resume from, or <see langword="null"/> to start at the first page.</param>
    /// <param name="pageSizeHint">The number of items a page should hold, or <see langword="null"/> for the service's default.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The page size hint is outside the bounds the API accepts; nothing was sent.</exception>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates every item of every page, fetching the pages as needed.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The enumerator.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }
}
