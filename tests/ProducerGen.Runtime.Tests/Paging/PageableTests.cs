using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Web;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 17: cursor paging — pages, filters on every page, resuming, a lying cursor, page size bounds, hasMore.</summary>
public sealed class PageableTests
{
    private static readonly PageDescription Paging = new("data", "cursor", "nextCursor", limitParameter: "limit", minLimit: 1, maxLimit: 50);
    private static readonly PageDescription WithHasMore = new("items", "after", "last", hasMorePath: "has_more");

    /// <summary>A server of ids l1..l7, two per page, cursor = index of the next item.</summary>
    private static FakeHttpHandler Catalog(Microsoft.Extensions.Time.Testing.FakeTimeProvider time) => new(request =>
    {
        var query = HttpUtility.ParseQueryString(request.Uri.Query);
        var start = query["cursor"] is { } c ? int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var size = query["limit"] is { } l ? int.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : 2;
        var ids = Enumerable.Range(start, Math.Max(0, Math.Min(size, 7 - start))).Select(i => $"\"l{i + 1}\"");
        var next = start + size < 7 ? $"\"{start + size}\"" : "null";
        return Responses.Json(HttpStatusCode.OK, $$"""{"data":[{{string.Join(",", ids.Select(id => $$"""{"id":{{id}}}"""))}}],"nextCursor":{{next}}}""");
    }, time);

    [Fact]
    public async Task Every_item_of_every_page_is_enumerated_with_the_filters_on_each_page()
    {
        var time = TestApi.NewTime();
        var handler = Catalog(time);
        using var client = TestApi.Client(handler, time);

        var ids = new List<string>();
        await foreach (var id in client.GetPageable(Ops.List, Paging, [], new FilterRequest { Status = "READY" }, Ops.ReadId))
        {
            ids.Add(id);
        }

        Assert.Equal(["l1", "l2", "l3", "l4", "l5", "l6", "l7"], ids);
        var requests = handler.RequestList;
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Equal("READY", HttpUtility.ParseQueryString(r.Uri.Query)["status"]));
        Assert.Null(HttpUtility.ParseQueryString(requests[0].Uri.Query)["cursor"]);
        Assert.Equal(["2", "4", "6"], requests.Skip(1).Select(r => HttpUtility.ParseQueryString(r.Uri.Query)["cursor"]));
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_pageable_is_enumerated()
    {
        var time = TestApi.NewTime();
        var handler = Catalog(time);
        using var client = TestApi.Client(handler, time);

        _ = client.GetPageable(Ops.List, Paging, [], null, Ops.ReadId);
        await Task.Yield();

        Assert.Empty(handler.RequestList);
    }

    [Fact]
    public async Task Pages_resume_from_a_continuation_token_and_send_the_page_size()
    {
        var time = TestApi.NewTime();
        var handler = Catalog(time);
        using var client = TestApi.Client(handler, time);
        var pageable = client.GetPageable(Ops.List, Paging, [], null, Ops.ReadId);

        var first = await FirstAsync(pageable.AsPages(pageSizeHint: 3));
        Assert.Equal(["l1", "l2", "l3"], first.Values);
        Assert.Equal("3", first.ContinuationToken);
        Assert.Equal(JsonValueKind.Array, first.Raw.GetProperty("data").ValueKind);

        var rest = new List<Page<string>>();
        await foreach (var page in pageable.AsPages(first.ContinuationToken, 3))
        {
            rest.Add(page);
        }

        Assert.Equal(["l4", "l5", "l6", "l7"], rest.SelectMany(p => p.Values));
        Assert.Null(rest[^1].ContinuationToken);
        Assert.Equal("3", HttpUtility.ParseQueryString(handler.RequestList[1].Uri.Query)["cursor"]);
        Assert.All(handler.RequestList, r => Assert.Equal("3", HttpUtility.ParseQueryString(r.Uri.Query)["limit"]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-1)]
    public void A_page_size_outside_the_bounds_is_refused_before_anything_is_sent(int size)
    {
        var time = TestApi.NewTime();
        var handler = Catalog(time);
        using var client = TestApi.Client(handler, time);

        Assert.Throws<ArgumentOutOfRangeException>(() => client.GetPageable(Ops.List, Paging, [], null, Ops.ReadId).AsPages(pageSizeHint: size));
        Assert.Empty(handler.RequestList);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public async Task A_page_size_on_the_bounds_is_sent(int size)
    {
        var time = TestApi.NewTime();
        var handler = Catalog(time);
        using var client = TestApi.Client(handler, time);

        await FirstAsync(client.GetPageable(Ops.List, Paging, [], null, Ops.ReadId).AsPages(pageSizeHint: size));

        Assert.Equal(size.ToString(System.Globalization.CultureInfo.InvariantCulture), HttpUtility.ParseQueryString(Assert.Single(handler.RequestList).Uri.Query)["limit"]);
    }

    [Fact]
    public async Task A_server_repeating_the_cursor_it_was_given_is_refused_instead_of_looping()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(_ => Responses.Json(HttpStatusCode.OK, """{"data":[{"id":"x"}],"nextCursor":"c1"}"""), time);
        using var client = TestApi.Client(handler, time);

        var count = 0;
        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(async () =>
        {
            await foreach (var _ in client.GetPageable(Ops.List, Paging, [], null, Ops.ReadId))
            {
                count++;
            }
        });

        Assert.Contains("lorasList", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.RequestList.Count);
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task A_server_cycling_between_cursors_is_refused()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(r => Responses.Json(HttpStatusCode.OK, r.Uri.Query.Contains("cursor=a", StringComparison.Ordinal) ? """{"data":[],"nextCursor":"b"}""" : """{"data":[],"nextCursor":"a"}"""), time);
        using var client = TestApi.Client(handler, time);

        await Assert.ThrowsAsync<UnexpectedResponseException>(async () =>
        {
            await foreach (var _ in client.GetPageable(Ops.List, Paging, [], null, Ops.ReadId).AsPages("a"))
            {
            }
        });

        Assert.Equal(2, handler.RequestList.Count); // a -> b, b -> a (seen): stop
    }

    [Fact]
    public async Task Has_more_false_ends_the_listing_even_with_a_cursor()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.OK, """{"items":[{"id":"a"}],"last":"a","has_more":true}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"items":[{"id":"b"}],"last":"b","has_more":false}"""));
        using var client = TestApi.Client(handler, time);

        var ids = new List<string>();
        await foreach (var id in client.GetPageable(Ops.List, WithHasMore, [], null, Ops.ReadId))
        {
            ids.Add(id);
        }

        Assert.Equal(["a", "b"], ids);
        Assert.Equal(2, handler.RequestList.Count);
        Assert.Equal("?after=a", handler.RequestList[1].Uri.Query);
    }

    [Theory]
    [InlineData("""{"data":{"id":"x"},"nextCursor":null}""")]
    [InlineData("""{"nextCursor":null}""")]
    [InlineData("""[1,2]""")]
    public async Task An_items_path_that_is_not_an_array_is_unexpected(string body)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, body));
        using var client = TestApi.Client(handler, time);

        await Assert.ThrowsAsync<UnexpectedResponseException>(() => FirstAsync(client.GetPageable(Ops.List, Paging, [], null, Ops.ReadId).AsPages()));
    }

    [Fact]
    public async Task An_empty_cursor_ends_the_listing()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, """{"data":[{"id":"a"}],"nextCursor":""}"""));
        using var client = TestApi.Client(handler, time);

        var page = await FirstAsync(client.GetPageable(Ops.List, Paging, [], null, Ops.ReadId).AsPages());

        Assert.Null(page.ContinuationToken);
    }

    private static async Task<Page<T>> FirstAsync<T>(IAsyncEnumerable<Page<T>> pages)
    {
        await foreach (var page in pages)
        {
            return page;
        }

        throw new InvalidOperationException("no page");
    }
}
