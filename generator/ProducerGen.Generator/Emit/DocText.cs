using System.Collections.Generic;
using System.Globalization;
using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>Human-readable constraint text for XML docs and messages: "0 to 1 in steps of 0.05".</summary>
internal static class DocText
{
    public static string? Constraints(TypeSpec type)
    {
        var parts = new List<string>();
        if (type.Minimum is not null || type.Maximum is not null)
        {
            parts.Add(type.Minimum is { } min && type.Maximum is { } max
                ? $"Range {Number(min)} to {Number(max)}"
                : type.Minimum is { } onlyMin ? $"At least {Number(onlyMin)}" : $"At most {Number(type.Maximum!.Value)}");
        }

        if (type.Step is { } step)
        {
            parts.Add($"in steps of {Number(step)}");
        }

        if (type.MinLength is { } minLength)
        {
            parts.Add($"at least {minLength} characters");
        }

        if (type.MaxLength is { } maxLength)
        {
            parts.Add($"at most {maxLength} characters");
        }

        if (type.Pattern is { } pattern)
        {
            parts.Add($"matching {pattern}");
        }

        if (type.Format != MemberFormat.None)
        {
            parts.Add("format " + ProducerGen.Schema.Loading.SchemaKeys.Formats[(int)type.Format - 1]);
        }

        if (type.IsEnum)
        {
            parts.Add("one of " + string.Join(", ", type.EnumValues));
        }

        if (type.MinItems is { } minItems)
        {
            parts.Add($"at least {minItems} items");
        }

        if (type.MaxItems is { } maxItems)
        {
            parts.Add($"at most {maxItems} items");
        }

        if (type.Kind == MemberType.Url)
        {
            parts.Add("an absolute http(s) URL");
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var text = string.Join(", ", parts) + ".";
        return char.ToUpperInvariant(text[0]) + text.Substring(1);
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The summary, default and constraints of a property as XML doc lines.</summary>
    public static void WriteMemberDocs(SourceWriter writer, PropertySpec member)
    {
        var wirePath = member.WirePath;
        writer.Doc("summary", member.Description ?? $"The '{wirePath}' value.");
        var remarks = new List<string>();
        remarks.Add($"Wire name: {wirePath}.");
        if (Constraints(member.Type) is { } constraints)
        {
            remarks.Add(constraints);
        }

        if (member.Default is { } defaultValue)
        {
            remarks.Add($"Server default when unset: {defaultValue} (not sent unless you set it).");
        }

        if (member.Nullable)
        {
            remarks.Add("Nullable: assigning null sends JSON null; leaving it unassigned sends nothing.");
        }

        writer.Doc("remarks", string.Join(" ", remarks));
    }
}
