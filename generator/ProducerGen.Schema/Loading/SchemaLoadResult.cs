using System.Linq;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;

namespace ProducerGen.Schema.Loading;

/// <summary>The outcome of loading one schema file: the model when it is sound, and every diagnostic.</summary>
/// <param name="Document">The schema, or null when any error was reported.</param>
/// <param name="Diagnostics">Every problem found, in file order.</param>
public sealed record SchemaLoadResult(SchemaDocument? Document, EquatableArray<SchemaDiagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == SchemaSeverity.Error);
}
