using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;

namespace ProducerGen;

/// <summary>
/// The pageable of a list operation: sends the operation once per page with the request's own query parameters plus the cursor
/// (and the page size), reads the items and the next cursor, and stops on the last page. A server that hands back a cursor seen
/// before in the same enumeration would loop forever: that is an <see cref="UnexpectedResponseException"/>.
/// </summary>
internal sealed class OperationPageable<T> : AsyncPageable<T>
{
    private readonly OperationSender _sender;
    private readonly OperationDescription _operation;
    private readonly PageDescription _page;
    private readonly string _path;
    private readonly IGenerationRequest? _request;
    private readonly Func<JsonElement, T> _readItem;
    private readonly RequestOptions? _options;
    private readonly CancellationToken _cancellationToken;

    public OperationPageable(OperationSender sender, OperationDescription operation, PageDescription page, string path, IGenerationRequest? request, Func<JsonElement, T> readItem, RequestOptions? options, CancellationToken cancellationToken)
    {
        _sender = sender;
        _operation = operation;
        _page = page;
        _path = path;
        _request = request;
        _readItem = readItem;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        _page.CheckPageSize(pageSizeHint); // here, not at the first MoveNextAsync: refused before anything is sent
        return PagesAsync(continuationToken, pageSizeHint, default);
    }

    private async IAsyncEnumerable<Page<T>> PagesAsync(string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cursor = string.IsNullOrEmpty(continuationToken) ? null : continuationToken;
        if (cursor is not null)
        {
            seen.Add(cursor);
        }

        while (true)
        {
            var query = new List<KeyValuePair<string, string>>(2);
            if (cursor is not null)
            {
                query.Add(new(_page.CursorParameter, cursor));
            }

            if (pageSizeHint is { } size && _page.LimitParameter is { } limit)
            {
                query.Add(new(limit, size.ToString(CultureInfo.InvariantCulture)));
            }

            var (response, _, _) = await _sender.SendAsync(_operation, _path, _request, query, _options, linked.Token).ConfigureAwait(false);
            var page = Read(response);
            yield return page;

            if (page.ContinuationToken is not { } next)
            {
                yield break;
            }

            if (!seen.Add(next))
            {
                throw Unexpected(response, $"it handed back a cursor it had already given in this listing ('{Shorten(next)}'), so paging would never end");
            }

            cursor = next;
        }
    }

    private Page<T> Read(OperationResponse response)
    {
        if (response.Body is not { } body)
        {
            throw Unexpected(response, "the page body is empty");
        }

        if (!_page.Items.TryGet(body, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw Unexpected(response, $"'{_page.Items}' is not an array of items");
        }

        var values = new List<T>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            values.Add(_readItem(item));
        }

        var next = _page.NextCursor.ReadText(body);
        var more = _page.HasMore is not { } hasMore || !hasMore.TryGet(body, out var flag) || flag.ValueKind != JsonValueKind.False;
        return new Page<T>(values, more && !string.IsNullOrEmpty(next) ? next : null, body);
    }

    private UnexpectedResponseException Unexpected(OperationResponse response, string problem)
    {
        var secret = _sender.Transport.Secret;
        var requestId = response.RequestId is { } id ? $" Request id: {id}." : string.Empty;
        var message = ApiErrorFactory.Redact($"{_operation.Display} returned HTTP {response.StatusCode} but {problem}.{requestId}", secret)!;
        return new UnexpectedResponseException(message, new ApiResponseInfo(response.StatusCode, response.RequestId, null, null));
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
