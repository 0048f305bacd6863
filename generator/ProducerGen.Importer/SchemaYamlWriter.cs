using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ProducerGen.Importer;

/// <summary>
/// Writes a <see cref="YMap"/> as YAML with a fixed layout: two-space indentation, block mappings for
/// sections, flow mappings (<c>{ type: string, maxLength: 80 }</c>) where the tree says so, a blank line
/// between top-level sections and between the entries of <c>endpoints</c> and <c>models</c>, <c>\n</c> line
/// endings. Scalars are written plain only where plain YAML (1.1 and 1.2) reads back the same string;
/// anything that could read as a number, boolean, null, sexagesimal (<c>16:9</c>) or that holds an indicator
/// is quoted. Deterministic: the same tree always gives the same bytes.
/// </summary>
public static class SchemaYamlWriter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~",
    };

    private static readonly System.Text.RegularExpressions.Regex NumberLike = new(
        "^(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+([eE][0-9]+)?)$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly HashSet<string> SpacedSections = new(StringComparer.Ordinal) { "endpoints", "models" };

    /// <summary>Writes <paramref name="root"/> after the comment lines <paramref name="headerComments"/> (each without '#').</summary>
    public static string Write(YMap root, IEnumerable<string>? headerComments = null)
    {
        var builder = new StringBuilder();
        foreach (var line in headerComments ?? Array.Empty<string>())
        {
            builder.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        }

        var first = true;
        foreach (var entry in root.Entries)
        {
            // 'producergen: 1' and 'api:' stand apart; so does every top-level section.
            if (!first)
            {
                builder.Append('\n');
            }

            first = false;
            WriteEntry(builder, entry.Key, entry.Value, 0, SpacedSections.Contains(entry.Key));
        }

        return builder.ToString();
    }

    private static void WriteEntry(StringBuilder builder, string key, YNode value, int indent, bool spaceChildren)
    {
        builder.Append(' ', indent).Append(Key(key)).Append(':');
        if (value is YScalar scalar)
        {
            builder.Append(' ').Append(Scalar(scalar, flow: false)).Append('\n');
            return;
        }

        if (value.Flow || IsEmpty(value))
        {
            builder.Append(' ').Append(Inline(value)).Append('\n');
            return;
        }

        builder.Append('\n');
        switch (value)
        {
            case YMap map:
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    if (spaceChildren && i > 0)
                    {
                        builder.Append('\n');
                    }

                    WriteEntry(builder, map.Entries[i].Key, map.Entries[i].Value, indent + 2, false);
                }

                break;
            case YSeq seq:
                foreach (var item in seq.Items)
                {
                    builder.Append(' ', indent + 2).Append("- ").Append(Inline(item)).Append('\n');
                }

                break;
        }
    }

    private static bool IsEmpty(YNode node) => node is YMap { Count: 0 } || node is YSeq { Items.Count: 0 };

    /// <summary>The node in flow style, on one line.</summary>
    public static string Inline(YNode node) => node switch
    {
        YScalar scalar => Scalar(scalar, flow: true),
        YSeq seq => "[" + string.Join(", ", seq.Items.Select(Inline)) + "]",
        YMap { Count: 0 } => "{}",
        YMap map => "{ " + string.Join(", ", map.Entries.Select(e => Key(e.Key) + ": " + Inline(e.Value))) + " }",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static string Key(string key) => Quote(key, flow: true);

    private static string Scalar(YScalar scalar, bool flow) =>
        scalar.Kind == ScalarKind.String ? Quote(scalar.Value, flow) : scalar.Value;

    /// <summary>The string as a YAML scalar that reads back as exactly this string.</summary>
    public static string Quote(string value, bool flow = true)
    {
        if (IsPlainSafe(value, flow))
        {
            return value;
        }

        if (value.Any(c => char.IsControl(c) || c == '\uFEFF' || c == '\u2028' || c == '\u2029'))
        {
            return DoubleQuoted(value);
        }

        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c == '\uFEFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Whether the string can be written without quotes. Conservative by design: it must not start with an
    /// indicator, a digit, a sign or a dot (so nothing reads as a number, <c>16:9</c> as a YAML 1.1 sexagesimal
    /// or <c>.inf</c>), must not be a YAML 1.1/1.2 boolean or null word (<c>yes</c>, <c>n</c>, <c>on</c>, <c>~</c>),
    /// must not hold <c>": "</c>, <c>" #"</c>, a trailing colon or space, a control character, and in flow
    /// context none of <c>,[]{}</c>.
    /// </summary>
    public static bool IsPlainSafe(string value, bool flow)
    {
        if (value.Length == 0 || Reserved.Contains(value))
        {
            return false;
        }

        var first = value[0];
        if ("-?:,[]{}#&*!|>'\"%@`<=.+".IndexOf(first, StringComparison.Ordinal) >= 0 || char.IsWhiteSpace(first))
        {
            return false;
        }

        // A leading digit is plain only for plain words of ASCII letters and digits that no YAML version reads as a
        // number (45s, 720p, 1024x1024); 1.0, 1e5, 0x1F, 0o17, 1_000, 16:9 (1.1 sexagesimal) and dates are quoted.
        if (char.IsDigit(first) && (!value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')) || NumberLike.IsMatch(value)))
        {
            return false;
        }

        if (char.IsWhiteSpace(value[^1]) || value[^1] == ':')
        {
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.Contains(":\t", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c == '\uFEFF' || c == '\u2028' || c == '\u2029' || c == '\u0085')
            {
                return false;
            }

            if (flow && ",[]{}".IndexOf(c, StringComparison.Ordinal) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A number as the writer prints it: invariant, shortest round-trip form, no exponent for ordinary values.</summary>
    public static string Number(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Wraps <paramref name="text"/> (after its leading spaces) at <paramref name="width"/> characters; continuation lines start with <paramref name="hang"/>.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string hang)
    {
        var indent = text.Length - text.TrimStart(' ').Length;
        var line = new StringBuilder(text.Substring(0, indent));
        var prefix = line.Length;
        foreach (var word in text.Substring(indent).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > prefix && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(hang);
                prefix = line.Length;
            }

            if (line.Length > prefix)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > prefix)
        {
            yield return line.ToString();
        }
    }
}
