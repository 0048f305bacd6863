using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Planning;

/// <summary>The diagnostics of one schema file, reported from their own pipeline output.</summary>
internal sealed record FileDiagnostics(string Path, EquatableArray<SchemaDiagnostic> Diagnostics);
