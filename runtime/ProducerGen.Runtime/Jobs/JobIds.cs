using System;
using System.Text;

namespace ProducerGen;

/// <summary>
/// The rules a job id follows before it goes into a job route. In <c>{id}</c> (one path segment, or a query value) it must not
/// be empty, a dot segment (<c>.</c> or <c>..</c>, which URL normalisation would resolve to another path, e.g. <c>GET /v2/</c>),
/// nor hold <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or control characters; anything else is percent-escaped. In <c>{+id}</c>
/// (an API whose ids are paths, such as <c>operations/abc</c>) and in a query value <c>/</c> is kept (escaped in a query), but no
/// segment may be empty or a dot segment.
/// </summary>
internal static class JobIds
{
    /// <summary>Throws <see cref="ArgumentException"/> (before any request) when <paramref name="id"/> cannot name a job in the API's routes.</summary>
    public static void Validate(ApiDescription api, string? id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        if (Problem(id, SlashAllowed(api)) is { } problem)
        {
            var rule = SlashAllowed(api)
                ? "a job id becomes part of the job's URL path, so it must not be empty, nor hold empty, '.' or '..' segments, '\\', '?', '#' or control characters"
                : "a job id becomes one segment of the job's URL path, so it must not be empty, '.' or '..', nor hold '/', '\\', '?', '#' or control characters";
            throw new ArgumentException($"The job id {problem}; {rule}.", paramName);
        }
    }

    /// <summary>Whether <paramref name="id"/> may be used as a job id of <paramref name="api"/> (see <see cref="Validate"/>).</summary>
    public static bool IsUsable(ApiDescription api, string? id) => id is not null && Problem(id, SlashAllowed(api)) is null;

    /// <summary>The job path for <paramref name="id"/>, escaped; call <see cref="Validate"/> first.</summary>
    public static string Path(ApiDescription api, string id) => Expand(api.JobGetPath, id);

    /// <summary>
    /// <paramref name="template"/> with <c>{id}</c> escaped as one segment (or query value) and <c>{+id}</c> escaped segment by
    /// segment, <c>/</c> kept.
    /// </summary>
    public static string Expand(string template, string id)
    {
        var result = template.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        if (!result.Contains("{+id}", StringComparison.Ordinal))
        {
            return result;
        }

        var segments = id.Split('/');
        var escaped = new StringBuilder(id.Length + 8);
        for (var i = 0; i < segments.Length; i++)
        {
            escaped.Append(i == 0 ? string.Empty : "/").Append(Uri.EscapeDataString(segments[i]));
        }

        return result.Replace("{+id}", escaped.ToString(), StringComparison.Ordinal);
    }

    // '/' is harmless where the id is a reserved expansion or only a query value (escaped there, so it names no other path).
    private static bool SlashAllowed(ApiDescription api)
    {
        var path = api.JobGetPath;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return path.Contains("{+id}", StringComparison.Ordinal) || query >= 0 && path.IndexOf("{id}", StringComparison.Ordinal) > query;
    }

    private static string? Problem(string id, bool slashAllowed)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "is empty or white space";
        }

        foreach (var segment in slashAllowed ? id.Split('/') : [id])
        {
            if (segment.Length == 0)
            {
                return "has an empty segment";
            }

            if (segment is "." or "..")
            {
                return $"'{segment}' is a dot segment";
            }
        }

        foreach (var c in id)
        {
            if (char.IsControl(c))
            {
                return "contains a control character";
            }

            if (c is '\\' or '?' or '#' || c == '/' && !slashAllowed)
            {
                return $"contains '{c}'";
            }
        }

        return null;
    }
}
