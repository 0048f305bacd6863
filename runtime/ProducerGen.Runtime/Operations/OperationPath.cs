using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProducerGen;

/// <summary>
/// An operation's path template: literal text and placeholders, <c>{name}</c> (one segment: <c>/</c> is escaped too) or
/// <c>{+name}</c> (a path: <c>/</c> kept, each segment escaped). Values fill placeholders in order; an empty value or a dot
/// segment (<c>.</c>, <c>..</c>, which URL normalisation would resolve to another path) is refused.
/// </summary>
internal sealed class OperationPath
{
    private readonly List<(string Text, bool IsPlaceholder, bool Reserved)> _parts;

    private OperationPath(List<(string Text, bool IsPlaceholder, bool Reserved)> parts, int count)
    {
        _parts = parts;
        PlaceholderCount = count;
    }

    /// <summary>How many placeholders the template has.</summary>
    public int PlaceholderCount { get; }

    public static OperationPath Parse(string template, string paramName)
    {
        var parts = new List<(string, bool, bool)>();
        var count = 0;
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add((template[i..], false, false));
                break;
            }

            if (open > i)
            {
                parts.Add((template[i..open], false, false));
            }

            var close = template.IndexOf('}', open);
            var reserved = close > open + 1 && template[open + 1] == '+';
            var name = close < 0 ? string.Empty : template[(open + (reserved ? 2 : 1))..close];
            if (name.Length == 0 || name.Contains('{', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{template}' is not a path template: a placeholder is written {{name}} or {{+name}}.", paramName);
            }

            parts.Add((name, true, reserved));
            count++;
            i = close + 1;
        }

        return new OperationPath(parts, count);
    }

    /// <summary>The path with <paramref name="values"/> escaped into its placeholders, in order.</summary>
    /// <exception cref="ArgumentException">The count differs from the placeholders', or a value is null, empty or a dot segment.</exception>
    public string Expand(IReadOnlyList<string> values, string operation, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Count != PlaceholderCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{operation} takes {PlaceholderCount} path value(s); {values.Count} were given."), paramName);
        }

        var builder = new StringBuilder();
        var next = 0;
        foreach (var (text, isPlaceholder, reserved) in _parts)
        {
            if (!isPlaceholder)
            {
                builder.Append(text);
                continue;
            }

            var value = values[next++];
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"The path value '{text}' of {operation} is null or empty; it names a segment of the URL path.", paramName);
            }

            if (!reserved)
            {
                CheckSegment(value, text, operation, paramName);
                builder.Append(Uri.EscapeDataString(value));
                continue;
            }

            var segments = value.Split('/');
            for (var s = 0; s < segments.Length; s++)
            {
                CheckSegment(segments[s], text, operation, paramName);
                builder.Append(s == 0 ? string.Empty : "/").Append(Uri.EscapeDataString(segments[s]));
            }
        }

        return builder.ToString();
    }

    private static void CheckSegment(string segment, string name, string operation, string paramName)
    {
        if (segment.Length == 0 || segment is "." or "..")
        {
            throw new ArgumentException($"The path value '{name}' of {operation} has an empty, '.' or '..' segment, which would name another URL path.", paramName);
        }
    }
}
