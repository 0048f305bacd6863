using System;

namespace ProducerGen;

/// <summary>
/// The rules a job id follows before it becomes one segment of the job path (<c>/v2/jobs/{id}</c>): not empty, not a dot segment
/// (<c>.</c> or <c>..</c>, which URL normalisation would resolve to another path, e.g. <c>GET /v2/</c>), and free of
/// <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> and control characters. Anything else is percent-escaped.
/// </summary>
internal static class JobIds
{
    /// <summary>Throws <see cref="ArgumentException"/> (before any request) when <paramref name="id"/> cannot name a job in a URL path.</summary>
    public static void Validate(string? id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        if (Problem(id) is { } problem)
        {
            throw new ArgumentException($"The job id {problem}; a job id becomes one segment of the job's URL path, so it must not be empty, '.' or '..', nor hold '/', '\\', '?', '#' or control characters.", paramName);
        }
    }

    /// <summary>Whether <paramref name="id"/> may be used as a job id (see <see cref="Validate"/>).</summary>
    public static bool IsUsable(string? id) => id is not null && Problem(id) is null;

    /// <summary>The job path for <paramref name="id"/>, escaped; call <see cref="Validate"/> first.</summary>
    public static string Path(ApiDescription api, string id) => api.JobGetPath.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    private static string? Problem(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "is empty or white space";
        }

        if (id is "." or "..")
        {
            return $"'{id}' is a dot segment";
        }

        foreach (var c in id)
        {
            if (char.IsControl(c))
            {
                return "contains a control character";
            }

            if (c is '/' or '\\' or '?' or '#')
            {
                return $"contains '{c}'";
            }
        }

        return null;
    }
}
