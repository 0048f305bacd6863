using System;
using System.Collections.Generic;
using System.Text;

namespace ProducerGen.Schema.Loading;

/// <summary>
/// The placeholders of a submit route: <c>{name}</c> is replaced by its value escaped as one path segment,
/// <c>{+name}</c> (RFC 6570 reserved expansion) by its value with <c>/</c> and the other reserved characters kept.
/// The generator expands them at build time, so the runtime only ever sees finished paths.
/// </summary>
public static class RouteTemplate
{
    /// <summary>The placeholder that stands for the model id.</summary>
    public const string ModelPlaceholder = "model";

    /// <summary>One placeholder of a path.</summary>
    /// <param name="Name">Its name (<c>model</c>, <c>owner</c>).</param>
    /// <param name="Reserved">Whether it is written <c>{+name}</c>: inserted with <c>/</c> kept.</param>
    public readonly record struct Placeholder(string Name, bool Reserved);

    /// <summary>
    /// The placeholders of <paramref name="path"/> in order, or null with <paramref name="problem"/> saying what is
    /// wrong (an unclosed brace, an empty or oddly spelled name).
    /// </summary>
    public static List<Placeholder>? TryParse(string path, out string? problem)
    {
        var placeholders = new List<Placeholder>();
        problem = null;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '}')
            {
                problem = "it has a '}' without its '{'";
                return null;
            }

            if (path[i] != '{')
            {
                continue;
            }

            var end = path.IndexOf('}', i + 1);
            if (end < 0)
            {
                problem = "it has a '{' without its '}'";
                return null;
            }

            var inner = path.Substring(i + 1, end - i - 1);
            var reserved = inner.StartsWith("+", StringComparison.Ordinal);
            var name = reserved ? inner.Substring(1) : inner;
            if (!IsName(name))
            {
                problem = $"the placeholder '{{{inner}}}' is not '{{name}}' or '{{+name}}' with a name of letters, digits and '_'";
                return null;
            }

            placeholders.Add(new Placeholder(name, reserved));
            i = end;
        }

        return placeholders;
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot fill a placeholder, or null when it can: it is empty, holds <c>?</c>,
    /// <c>#</c> or a control character, or (as a whole, or one of its <c>/</c>-separated segments when
    /// <paramref name="reserved"/>) is <c>.</c> or <c>..</c>, which would move the request to another path.
    /// </summary>
    public static string? ValueProblem(string value, bool reserved)
    {
        if (value.Trim().Length == 0)
        {
            return "it is empty";
        }

        foreach (var c in value)
        {
            if (c == '?' || c == '#')
            {
                return $"it holds '{c}', which would end the path";
            }

            if (char.IsControl(c))
            {
                return "it holds a control character";
            }
        }

        var segments = reserved ? value.Split('/') : new[] { value };
        foreach (var segment in segments)
        {
            if (segment == "." || segment == "..")
            {
                return $"it holds the segment '{segment}', which would move the request to another path";
            }
        }

        return null;
    }

    /// <summary>Replaces every placeholder of <paramref name="path"/> with its escaped value from <paramref name="values"/> (all present).</summary>
    public static string Expand(string path, IReadOnlyDictionary<string, string> values)
    {
        var builder = new StringBuilder(path.Length + 32);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] != '{')
            {
                builder.Append(path[i]);
                continue;
            }

            var end = path.IndexOf('}', i + 1);
            var inner = path.Substring(i + 1, end - i - 1);
            var reserved = inner.StartsWith("+", StringComparison.Ordinal);
            var value = values[reserved ? inner.Substring(1) : inner];
            builder.Append(reserved ? EscapeReserved(value) : Uri.EscapeDataString(value));
            i = end;
        }

        return builder.ToString();
    }

    /// <summary>RFC 6570 reserved expansion: unreserved and reserved characters and <c>%XX</c> triplets stay; the rest is percent-encoded as UTF-8.</summary>
    private static string EscapeReserved(string value)
    {
        const string Kept = "-._~:/?#[]@!$&'()*+,;=";
        var builder = new StringBuilder(value.Length);
        var bytes = Encoding.UTF8.GetBytes(value);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = (char)b;
            var isTriplet = c == '%' && i + 2 < bytes.Length && IsHex((char)bytes[i + 1]) && IsHex((char)bytes[i + 2]);
            if (b < 0x80 && (char.IsLetterOrDigit(c) || Kept.IndexOf(c) >= 0 || isTriplet))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');

    private static bool IsName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
