using System.Text.Json;
using ProducerGen.Emulator.Jobs;

namespace ProducerGen.Emulator.Operations;

/// <summary>
/// The <c>job-list</c> role: the caller's jobs as their GET route answers them (without <c>input</c>), newest first
/// (createdAt, then id, descending), filtered by every query field named like a listed member (status, model), a
/// <c>search</c> field matching the job id, and paged with an opaque cursor.
/// </summary>
internal sealed partial class OperationRouter
{
    private const string SearchField = "search";

    private async Task JobListAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var paging = op.Paginate ?? new Schema.Model.PaginationSpec("items", "cursor", "nextCursor", null, null, null, null, null);
        if (await ReadLimitAsync(ctx, paging).ConfigureAwait(false) is not { } limit)
        {
            return;
        }

        var now = request.Now;
        IEnumerable<EmulatedJob> jobs = _server.JobsOf(request.ApiKey ?? string.Empty)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id.ToString("D"), StringComparer.Ordinal);
        var listed = ResponseType(op)?.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var field in op.Fields.Where(f => f.InQuery))
        {
            if (request.String(field.Name) is not { } wanted)
            {
                continue;
            }

            if (field.Name == SearchField)
            {
                jobs = jobs.Where(j => string.Equals(j.Id.ToString("D"), wanted, StringComparison.OrdinalIgnoreCase));
            }
            else if (field.Name == "status" && listed.Contains(field.Name))
            {
                jobs = jobs.Where(j => _server.StatusText(j, now) == wanted);
            }
            else if (field.Name == "model" && listed.Contains(field.Name))
            {
                jobs = jobs.Where(j => j.Model.Id == wanted);
            }

            // Other fields (scope=team) do not narrow a single-team emulator's listing.
        }

        if (ReadCursor(ctx, paging) is { } cursor)
        {
            if (!ListCursor.TryDecode(cursor, out var ticks, out var lastId))
            {
                await InvalidCursorAsync(ctx, paging).ConfigureAwait(false);
                return;
            }

            jobs = jobs.Where(j => j.CreatedAt.UtcTicks < ticks || (j.CreatedAt.UtcTicks == ticks && string.CompareOrdinal(j.Id.ToString("D"), lastId) < 0));
        }

        var page = jobs.Take(limit + 1).ToList();
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(limit);
        }

        var next = more ? ListCursor.Encode(page[^1].CreatedAt, page[^1].Id) : null;
        var items = page.Select(j => (object?)(Action<Utf8JsonWriter>)(w => _server.WriteJob(w, j, now, includeInput: false)));
        await PageAsync(ctx, op, paging, items, next).ConfigureAwait(false);
    }
}
