using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Runtime.Tests.Paging;

/// <summary><see cref="AsyncPageable{T}.FromPages"/> and <see cref="Page{T}.FromValues"/>: in-memory lists for mocks, resumable like a service's.</summary>
public sealed class StaticPageableTests
{
    private static AsyncPageable<int> ThreePages() => AsyncPageable<int>.FromPages(
    [
        Page<int>.FromValues([1, 2], "after-2"),
        Page<int>.FromValues([3], "after-3"),
        Page<int>.FromValues([4, 5]),
    ]);

    [Fact]
    public async Task Enumerating_yields_every_item_of_every_page_in_order()
    {
        Assert.Equal([1, 2, 3, 4, 5], await ToListAsync(ThreePages()));
    }

    [Fact]
    public async Task A_continuation_token_resumes_after_the_page_that_carries_it()
    {
        var pages = new List<Page<int>>();
        await foreach (var page in ThreePages().AsPages("after-2"))
        {
            pages.Add(page);
        }

        Assert.Equal([[3], [4, 5]], pages.Select(p => p.Values.ToArray()));
        Assert.Equal(["after-3", null], pages.Select(p => p.ContinuationToken));
    }

    [Fact]
    public void An_unknown_token_or_a_null_page_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ThreePages().AsPages("nope"));
        Assert.Throws<ArgumentException>(() => AsyncPageable<int>.FromPages([Page<int>.FromValues([1]), null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreePages().AsPages(pageSizeHint: 0));
    }

    [Fact]
    public async Task Cancellation_stops_the_enumeration()
    {
        using var cts = new CancellationTokenSource();
        var seen = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var value in ThreePages().WithCancellation(cts.Token))
            {
                seen.Add(value);
                cts.Cancel();
            }
        });

        Assert.Equal([1, 2], seen); // the page in hand finishes; the next is not served
    }

    private static async Task<List<int>> ToListAsync(AsyncPageable<int> pageable)
    {
        var values = new List<int>();
        await foreach (var value in pageable)
        {
            values.Add(value);
        }

        return values;
    }
}
