using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ProducerGen;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Yaml;

namespace ProducerGen.Schema.Loading;

/// <summary>Checks a member's <c>default</c> against the member's own type and constraints.</summary>
/// <remarks>
/// The canonical text (<see cref="MemberSpec.Default"/>) of a scalar default is the value itself: a string or URL
/// unquoted, an integer in invariant form (<c>2</c>), a number round-trippable in invariant culture (<c>0.5</c>),
/// a boolean <c>true</c>/<c>false</c>. An array's default is a YAML list and its canonical text is JSON-like:
/// <c>[</c>, the items joined by <c>", "</c>, <c>]</c>, where string and URL items are JSON-quoted and escaped
/// (<c>"a"</c>), numbers, integers and booleans are written as their scalar canonical text and nested lists
/// recurse: <c>[]</c>, <c>["a", "b"]</c>, <c>[1, 2.5]</c>, <c>[true]</c>, <c>[[1, 2], []]</c>.
/// Objects have no defaults, so an array of objects can only default to <c>[]</c>.
/// </remarks>
internal static class DefaultValueChecker
{
    /// <summary>The default's canonical text when it is valid; otherwise reports PG0009 (once per violation) and returns null.</summary>
    public static string? Check(YamlNode node, TypeSpec type, string path, SchemaReader reader)
    {
        switch (type.Kind)
        {
            case MemberType.Array:
                if (node is not YamlSequence sequence)
                {
                    reader.Error(SchemaDiagnosticIds.InvalidDefault, $"The default of '{path}' must be a list, e.g. [] or [a, b], but this is {KindOf(node)}.", node.Range);
                    return null;
                }

                return CheckList(sequence, type, $"The default of '{path}'", string.Empty, path, path, reader);

            case MemberType.Object:
                reader.Error(SchemaDiagnosticIds.InvalidDefault, $"The default of '{path}' is not supported: an object member cannot have a default; remove 'default' and describe the server's default in 'description'.", node.Range);
                return null;
        }

        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            reader.Error(SchemaDiagnosticIds.InvalidDefault, $"The default of '{path}' must be a single {Describe(type.Kind)} value, but this is {node.KindName}.", node.Range);
            return null;
        }

        var problem = Problem(scalar, type, out var canonical);
        if (problem is null)
        {
            return canonical;
        }

        reader.Error(SchemaDiagnosticIds.InvalidDefault, $"The default '{SchemaReader.Text(scalar)}' of '{path}' {problem}.", scalar.Range);
        return null;
    }

    /// <summary>
    /// Checks a list against <paramref name="type"/> (an array) and each item against its items, reporting every
    /// violation; <paramref name="subject"/> names the list in messages, <paramref name="index"/> is its position
    /// in the default (<c>[1]</c>, empty for the default itself) and <paramref name="typePath"/> names its type (<c>tags[]</c>).
    /// </summary>
    private static string? CheckList(YamlSequence sequence, TypeSpec type, string subject, string index, string path, string typePath, SchemaReader reader)
    {
        var valid = true;
        var count = sequence.Items.Count;
        var owner = index.Length == 0 ? string.Empty : $" of '{typePath}'";
        if (type.MinItems is { } minItems && count < minItems)
        {
            reader.Error(SchemaDiagnosticIds.InvalidDefault, $"{subject} has {Items(count)}, fewer than the minItems {minItems}{owner}; add items or lower minItems.", sequence.Range);
            valid = false;
        }

        if (type.MaxItems is { } maxItems && count > maxItems)
        {
            reader.Error(SchemaDiagnosticIds.InvalidDefault, $"{subject} has {Items(count)}, more than the maxItems {maxItems}{owner}; remove items or raise maxItems.", sequence.Range);
            valid = false;
        }

        if (type.Items is not { } itemType)
        {
            // 'items' is missing or broken; that is reported where it is.
            return null;
        }

        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var text = CheckItem(sequence.Items[i], itemType, index + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", path, typePath + "[]", reader);
            if (text is null)
            {
                valid = false;
            }
            else
            {
                texts[i] = text;
            }
        }

        return valid ? "[" + string.Join(", ", texts) + "]" : null;
    }

    /// <summary>Checks one item of a list default; returns its canonical text (strings JSON-quoted) or null after reporting.</summary>
    private static string? CheckItem(YamlNode node, TypeSpec type, string index, string path, string typePath, SchemaReader reader)
    {
        var item = $"Item {index} of the default of '{path}'";
        switch (type.Kind)
        {
            case MemberType.Array:
                if (node is not YamlSequence sequence)
                {
                    reader.Error(SchemaDiagnosticIds.InvalidDefault, $"{item} is {KindOf(node)}, not a list, as '{typePath}' is an array; write it as a list, e.g. [].", node.Range);
                    return null;
                }

                return CheckList(sequence, type, item, index, path, typePath, reader);

            case MemberType.Object:
                reader.Error(SchemaDiagnosticIds.InvalidDefault, $"{item} cannot be given: objects have no defaults, so a list of objects can only default to [].", node.Range);
                return null;
        }

        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            reader.Error(SchemaDiagnosticIds.InvalidDefault, $"{item} is {node.KindName}, not a single {Describe(type.Kind)} value; change or remove that item.", node.Range);
            return null;
        }

        var problem = Problem(scalar, type, out var canonical);
        if (problem is not null)
        {
            reader.Error(SchemaDiagnosticIds.InvalidDefault, $"Item {index} '{SchemaReader.Text(scalar)}' of the default of '{path}' {problem}; change or remove that item.", scalar.Range);
            return null;
        }

        return type.Kind is MemberType.String or MemberType.Url ? Quote(canonical) : canonical;
    }

    private static string Items(int count) => count == 1 ? "1 item" : count.ToString(CultureInfo.InvariantCulture) + " items";

    private static string KindOf(YamlNode node) =>
        node is YamlScalar { IsNull: false } scalar ? $"a scalar ('{SchemaReader.Text(scalar)}')" : node.KindName;

    /// <summary>A JSON string literal: quotes, backslashes, control characters and line separators escaped, so the text stays on one line.</summary>
    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < ' ' || c is '\u0085' or '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
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

    private static string? Problem(YamlScalar scalar, TypeSpec type, out string canonical)
    {
        canonical = scalar.Value;
        switch (type.Kind)
        {
            case MemberType.Boolean:
                if (!scalar.IsPlain || !SchemaReader.TryParseBool(scalar.Value, out var flag))
                {
                    return "is not true or false";
                }

                canonical = flag ? "true" : "false";
                return null;

            case MemberType.Integer:
            case MemberType.Number:
                if (!scalar.IsPlain || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || double.IsInfinity(number))
                {
                    return $"is not a {Describe(type.Kind)}";
                }

                if (type.Kind == MemberType.Integer && (Math.Floor(number) != number || Math.Abs(number) > long.MaxValue / 2.0))
                {
                    return "is not a whole number";
                }

                canonical = type.Kind == MemberType.Integer
                    ? ((long)number).ToString(CultureInfo.InvariantCulture)
                    : number.ToString("R", CultureInfo.InvariantCulture);
                if ((type.Minimum is { } min && number < min) || (type.Maximum is { } max && number > max))
                {
                    return $"is outside the allowed range {SchemaReader.Format(type.Minimum ?? double.NegativeInfinity)}..{SchemaReader.Format(type.Maximum ?? double.PositiveInfinity)}";
                }

                if (type.Step is { } step && !StepGrid.IsOnGrid(number, type.Minimum, step))
                {
                    return $"is not on the grid of step {SchemaReader.Format(step)} from {SchemaReader.Format(type.Minimum ?? 0)}";
                }

                if (type.IsEnum && Array.IndexOf(ToArray(type), canonical) < 0)
                {
                    return $"is not one of the enum values ({string.Join(", ", type.EnumValues)})";
                }

                return null;

            case MemberType.String:
                if (type.MinLength is { } minLength && scalar.Value.Length < minLength)
                {
                    return $"is shorter than minLength {minLength}";
                }

                if (type.MaxLength is { } maxLength && scalar.Value.Length > maxLength)
                {
                    return $"is longer than maxLength {maxLength}";
                }

                if (type.IsEnum && Array.IndexOf(ToArray(type), scalar.Value) < 0)
                {
                    return $"is not one of the enum values ({string.Join(", ", type.EnumValues)})";
                }

                if (type.Pattern is { } pattern && !Matches(scalar.Value, pattern))
                {
                    return $"does not match the pattern '{pattern}'";
                }

                if (type.Format != MemberFormat.None && SchemaKeys.Formats[(int)type.Format - 1] is var format && !StringFormatRules.IsValid(format, scalar.Value))
                {
                    return $"is not {StringFormatRules.Describe(format)}, as format {format} requires";
                }

                return null;

            case MemberType.Url:
                return Uri.TryCreate(scalar.Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? null
                    : "is not an absolute http(s) URL";

            default:
                // Arrays and objects are handled before a scalar is looked at.
                return $"is not a {Describe(type.Kind)} value";
        }
    }

    private static bool Matches(string value, string pattern)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string[] ToArray(TypeSpec type)
    {
        var values = new string[type.EnumValues.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = type.EnumValues[i];
        }

        return values;
    }

    private static string Describe(MemberType kind) => kind switch
    {
        MemberType.Integer => "whole number",
        MemberType.Number => "number",
        MemberType.Boolean => "true/false",
        MemberType.Url => "URL",
        MemberType.Array => "list",
        MemberType.Object => "object",
        _ => "text",
    };
}
