using System;
using System.Collections.Generic;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Yaml;

namespace ProducerGen.Schema.Loading;

/// <summary>
/// Loads schema files. Never throws: every failure, including ones the loader did not foresee,
/// becomes a located <see cref="SchemaDiagnostic"/>. Loading the same text twice gives equal results.
/// </summary>
public static class SchemaLoader
{
    /// <summary>Loads the schema in <paramref name="yaml"/> with the default limits.</summary>
    public static SchemaLoadResult Load(string yaml) => Load(yaml, YamlLimits.Default);

    /// <summary>Loads the schema in <paramref name="yaml"/> within <paramref name="limits"/>.</summary>
    public static SchemaLoadResult Load(string yaml, YamlLimits limits)
    {
        var diagnostics = new List<SchemaDiagnostic>();
        SchemaDocument? document = null;
        try
        {
            var root = YamlTreeBuilder.Build(yaml ?? string.Empty, limits, diagnostics);
            if (diagnostics.Count == 0)
            {
                document = new SchemaReader(diagnostics).Read(root);
            }
        }
#pragma warning disable CA1031 // The loader runs inside the compiler: an unforeseen failure must be a diagnostic, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Add(new SchemaDiagnostic(
                SchemaDiagnosticIds.MalformedYaml,
                SchemaSeverity.Error,
                $"The schema could not be read ({ex.GetType().Name}: {ex.Message}). Please report this with the file attached.",
                SourceRange.Start));
            document = null;
        }

        return new SchemaLoadResult(document, EquatableArray.From(diagnostics));
    }
}
