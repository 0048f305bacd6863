using System.Globalization;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>Cursor pagination of listings (<see cref="PaginationSpec"/>): the page size and the page answer.</summary>
internal sealed partial class OperationRouter
{
    private const int FallbackPageSize = 20;

    /// <summary>The page size sent in the limit parameter (or the default); null after answering 400 for one out of bounds.</summary>
    private async Task<int?> ReadLimitAsync(HttpContext ctx, PaginationSpec paging)
    {
        var fallback = paging.DefaultLimit ?? paging.MaxLimit ?? FallbackPageSize;
        if (paging.LimitParam is not { } name || !ctx.Request.Query.TryGetValue(name, out var values))
        {
            return fallback;
        }

        var text = values.ToString();
        string? problem = null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
        {
            problem = $"must be an integer (was '{text}')";
        }
        else if ((paging.MinLimit is { } min && limit < min) || (paging.MaxLimit is { } max && limit > max))
        {
            problem = $"must be between {(paging.MinLimit ?? 1).ToString(CultureInfo.InvariantCulture)} and {(paging.MaxLimit ?? int.MaxValue).ToString(CultureInfo.InvariantCulture)} (was {limit.ToString(CultureInfo.InvariantCulture)})";
        }

        if (problem is null)
        {
            return limit;
        }

        await _server.ValidationErrorAsync(ctx, new Dictionary<string, IReadOnlyList<string>> { [name] = [problem] }).ConfigureAwait(false);
        return null;
    }

    private static string? ReadCursor(HttpContext ctx, PaginationSpec paging) =>
        ctx.Request.Query.TryGetValue(paging.CursorParam, out var values) && values.ToString().Length > 0 ? values.ToString() : null;

    private Task InvalidCursorAsync(HttpContext ctx, PaginationSpec paging) =>
        _server.ValidationErrorAsync(ctx, new Dictionary<string, IReadOnlyList<string>> { [paging.CursorParam] = ["is not a cursor this listing handed out"] });

    /// <summary>Writes one page: its items at the items path, the next cursor (null on the last page) and the more-pages flag.</summary>
    private Task PageAsync(HttpContext ctx, OperationSpec op, PaginationSpec paging, IEnumerable<object?> items, string? nextCursor)
    {
        var now = _time.GetUtcNow();
        var members = ResponseType(op)?.Properties ?? EquatableArray<MemberSpec>.Empty;
        var itemType = new TypeSpec(MemberType.Object, Properties: members);
        return Http.EmulatorServer.WriteJsonAsync(ctx, SuccessStatus(op), w =>
        {
            w.WriteStartObject();
            w.WritePropertyName(Member(paging.ItemsPath));
            w.WriteStartArray();
            foreach (var item in items)
            {
                FactWriter.WriteFact(w, itemType, item, now);
            }

            w.WriteEndArray();
            if (nextCursor is null)
            {
                w.WriteNull(Member(paging.NextCursorPath));
            }
            else
            {
                w.WriteString(Member(paging.NextCursorPath), nextCursor);
            }

            if (paging.HasMorePath is { } hasMore)
            {
                w.WriteBoolean(Member(hasMore), nextCursor is not null);
            }

            w.WriteEndObject();
        });
    }

    private static string Member(string path) => path.TrimStart('$', '.');
}
