using System;
using System.Globalization;
using System.Text.RegularExpressions;
using ProducerGen;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Yaml;

namespace ProducerGen.Schema.Loading;

/// <summary>Checks a member's <c>default</c> against the member's own type and constraints.</summary>
internal static class DefaultValueChecker
{
    /// <summary>The default's canonical text when it is valid; otherwise reports PG0009 and returns null.</summary>
    public static string? Check(YamlNode node, TypeSpec type, string path, SchemaReader reader)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            reader.Error(SchemaDiagnosticIds.InvalidDefault, $"The default of '{path}' must be a single {Describe(type.Kind)} value; defaults of lists and objects are not supported.", node.Range);
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

                return null;

            case MemberType.Url:
                return Uri.TryCreate(scalar.Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? null
                    : "is not an absolute http(s) URL";

            default:
                return "cannot be a default: defaults of lists and objects are not supported";
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
        _ => "text",
    };
}
