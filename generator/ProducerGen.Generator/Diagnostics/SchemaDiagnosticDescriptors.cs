using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Generator.Diagnostics;

/// <summary>Roslyn descriptors for the schema loader's PG0xxx ids; the message text comes from the loader.</summary>
internal static class SchemaDiagnosticDescriptors
{
    private static readonly Dictionary<string, string> Titles = new()
    {
        [SchemaDiagnosticIds.MalformedYaml] = "Malformed YAML",
        [SchemaDiagnosticIds.UnsupportedVersion] = "Missing or unsupported format version",
        [SchemaDiagnosticIds.UnknownKey] = "Unknown key",
        [SchemaDiagnosticIds.MissingKey] = "Missing required key",
        [SchemaDiagnosticIds.UnknownType] = "Unknown type",
        [SchemaDiagnosticIds.ConstraintNotApplicable] = "Constraint does not apply to this type",
        [SchemaDiagnosticIds.MinGreaterThanMax] = "Minimum greater than maximum",
        [SchemaDiagnosticIds.StepNotPositive] = "Step must be greater than zero",
        [SchemaDiagnosticIds.InvalidDefault] = "Default value violates its constraints",
        [SchemaDiagnosticIds.DuplicateEnumValue] = "Duplicate enum value",
        [SchemaDiagnosticIds.NameCollision] = "Two names map to the same C# identifier",
        [SchemaDiagnosticIds.UnknownEndpoint] = "Model refers to an endpoint that does not exist",
        [SchemaDiagnosticIds.MalformedRoute] = "Malformed route",
        [SchemaDiagnosticIds.BaseUrlNotAbsolute] = "baseUrl is not an absolute http(s) URL",
        [SchemaDiagnosticIds.WrongValueKind] = "Wrong kind of value",
        [SchemaDiagnosticIds.InvalidValue] = "Invalid value",
        [SchemaDiagnosticIds.DocumentTooLarge] = "Document too large or too deeply nested",
        [SchemaDiagnosticIds.DuplicateKey] = "Duplicate key",
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> Cache = new();

    public static DiagnosticDescriptor For(string id, SchemaSeverity severity)
    {
        lock (Cache)
        {
            var key = id + severity;
            if (!Cache.TryGetValue(key, out var descriptor))
            {
                descriptor = new DiagnosticDescriptor(
                    id,
                    Titles.TryGetValue(id, out var title) ? title : "Schema problem",
                    "{0}",
                    "ProducerGen.Schema",
                    severity == SchemaSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                    isEnabledByDefault: true,
                    helpLinkUri: "https://github.com/producergen/producergen/blob/main/schemas/README.md#" + id.ToLowerInvariant());
                Cache.Add(key, descriptor);
            }

            return descriptor;
        }
    }
}
