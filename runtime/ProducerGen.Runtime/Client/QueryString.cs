using System;
using System.Collections.Generic;
using System.Text;

namespace ProducerGen;

/// <summary>Appends a request's query members (<c>in: query</c>, <see cref="IQueryParameters"/>) and the runtime's own (a page cursor) to a path.</summary>
internal static class QueryString
{
    /// <summary>
    /// <paramref name="path"/> with the request's query parameters, then <paramref name="extra"/>, form-escaped after it
    /// (joined with <c>&amp;</c> when the path already has a query).
    /// </summary>
    public static string Append(string path, IGenerationRequest? request, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        if (request is not IQueryParameters && extra is null)
        {
            return path; // the usual submit: no list to fill and find empty
        }

        var parameters = new List<KeyValuePair<string, string>>();
        if (request is IQueryParameters withQuery)
        {
            withQuery.WriteQuery(parameters);
        }

        if (extra is not null)
        {
            parameters.AddRange(extra);
        }

        if (parameters.Count == 0)
        {
            return path;
        }

        var builder = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in parameters)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }
}
