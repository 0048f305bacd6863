using System;
using System.Collections.Generic;
using System.Linq;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Yaml;

namespace ProducerGen.Schema.Loading;

/// <summary>
/// A model's <c>fields:</c>: overrides of its endpoint's shared fields (a shorter prompt, a required member, its own
/// default or description). The type stays the endpoint's; the merged field is checked as a whole, so a limit or
/// default that contradicts the rest is reported where the override writes it.
/// </summary>
internal sealed partial class SchemaReader
{
    /// <summary>The model's fields with its overrides applied, or empty when it overrides none (then the endpoint's apply).</summary>
    private EquatableArray<MemberSpec> ReadFieldOverrides(Dictionary<string, Entry> entries, string id, EndpointSpec? endpoint)
    {
        if (!entries.TryGetValue("fields", out var entry) || Mapping(entry.Value, $"the fields of model '{id}'") is not { } mapping || endpoint is null)
        {
            return EquatableArray<MemberSpec>.Empty;
        }

        var fields = endpoint.Fields.ToList();
        foreach (var pair in mapping.Entries)
        {
            var name = pair.Key.Value;
            var index = fields.FindIndex(f => f.Name == name);
            if (index < 0)
            {
                var known = endpoint.Fields.Select(f => f.Name).ToList();
                var list = known.Count == 0 ? "it has none" : "it has " + string.Join(", ", known);
                Error(SchemaDiagnosticIds.InvalidValue, $"Model '{id}' overrides '{name}', which is not a field of endpoint '{endpoint.Name}' ({list}); a model's 'fields' only change the endpoint's own fields, and its params go under 'params'.{DidYouMean.Hint(name, known)}", pair.Key.Range);
                continue;
            }

            if (Mapping(pair.Value, $"the override of '{name}' in model '{id}'") is { } overrideMapping)
            {
                fields[index] = Override(fields[index], overrideMapping, $"{id}.fields.{name}");
            }
        }

        return EquatableArray.From(fields);
    }

    private MemberSpec Override(MemberSpec field, YamlMapping mapping, string path)
    {
        var entries = Entries(mapping, SchemaKeys.FieldOverride, $"'{path}'");
        var kind = field.Type.Kind;
        CheckApplicable(entries, kind, path);

        var type = field.Type;
        var minLength = CountOf(entries, "minLength") ?? type.MinLength;
        var maxLength = CountOf(entries, "maxLength") ?? type.MaxLength;
        var minItems = CountOf(entries, "minItems") ?? type.MinItems;
        var maxItems = CountOf(entries, "maxItems") ?? type.MaxItems;
        const string Merged = "so it is once the endpoint's field is merged with this override; fix one";
        CheckOrder(entries, "minLength", minLength, "maxLength", maxLength, path, Merged);
        CheckOrder(entries, "minItems", minItems, "maxItems", maxItems, path, Merged);

        var isInteger = kind == MemberType.Integer;
        var minimum = NumberOf(entries, "min", isInteger) ?? type.Minimum;
        var maximum = NumberOf(entries, "max", isInteger) ?? type.Maximum;
        if (minimum is not null && maximum is not null && minimum > maximum)
        {
            var at = entries.TryGetValue("min", out var min) ? min : entries.TryGetValue("max", out var max) ? max : (Entry?)null;
            if (at is { } where)
            {
                Error(SchemaDiagnosticIds.MinGreaterThanMax, $"'{path}' has min {Format(minimum.Value)} above max {Format(maximum.Value)} once the endpoint's field is merged with this override; fix one.", where.Value.Range);
            }
        }

        var step = NumberOf(entries, "step", isInteger);
        if (step is not null && step <= 0)
        {
            Error(SchemaDiagnosticIds.StepNotPositive, $"The step of '{path}' must be greater than zero (was {Format(step.Value)}).", entries["step"].Value.Range);
            step = null;
        }

        var pattern = type.Pattern;
        if (OptionalString(entries, "pattern") is { } patternText)
        {
            if (IsValidRegex(patternText))
            {
                pattern = patternText;
            }
            else
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"The pattern of '{path}' is not a valid regular expression: '{patternText}'.", entries["pattern"].Value.Range);
            }
        }

        var merged = type with
        {
            MinLength = minLength,
            MaxLength = maxLength,
            Pattern = pattern,
            Minimum = minimum,
            Maximum = maximum,
            Step = step ?? type.Step,
            MinItems = minItems,
            MaxItems = maxItems,
        };

        // A default written here is checked against the merged field; the endpoint's default must still fit the model's limits.
        string? defaultText = field.Default;
        if (entries.TryGetValue("default", out var defaultEntry))
        {
            defaultText = DefaultValueChecker.Check(defaultEntry.Value, merged, path, this);
        }
        else if (field.Default is not null && merged != type && DefaultBreaks(field.Default, merged))
        {
            Error(SchemaDiagnosticIds.InvalidDefault, $"The endpoint's default '{Truncate(field.Default)}' of '{path}' breaks this model's override; give the model its own 'default'.", mapping.Range);
        }

        return field with
        {
            Type = merged,
            Required = OptionalBool(entries, "required") ?? field.Required,
            Default = defaultText,
            Description = OptionalString(entries, "description") ?? field.Description,
            Deprecated = OptionalBool(entries, "deprecated") ?? field.Deprecated,
        };
    }

    /// <summary>Whether an inherited default breaks the merged limits (checked quietly: the error is reported once, at the override).</summary>
    private static bool DefaultBreaks(string defaultText, TypeSpec merged)
    {
        var scratch = new List<SchemaDiagnostic>();
        YamlNode? node = merged.Kind switch
        {
            // A list default is kept as JSON-like text, which YAML reads back; a scalar is its value, a string unquoted.
            MemberType.Array => YamlTreeBuilder.Build("d: " + defaultText, YamlLimits.Default, scratch) is YamlMapping { Entries.Count: 1 } parsed ? parsed.Entries[0].Value : null,
            MemberType.String or MemberType.Url => new YamlScalar(defaultText, isPlain: false, SourceRange.Start),
            _ => new YamlScalar(defaultText, isPlain: true, SourceRange.Start),
        };
        if (node is null)
        {
            return false;
        }

        DefaultValueChecker.Check(node, merged, "default", new SchemaReader(scratch));
        return scratch.Any(d => d.Severity == SchemaSeverity.Error);
    }
}
