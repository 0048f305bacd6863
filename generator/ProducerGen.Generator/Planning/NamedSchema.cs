using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Planning;

/// <summary>A schema file after loading and the naming pass.</summary>
/// <param name="Path">The full path, for diagnostics.</param>
/// <param name="FileName">The file name, recorded in generated attributes.</param>
/// <param name="HintPrefix">The hint-name prefix derived from the path (made unique per project later).</param>
/// <param name="Diagnostics">The loader's and the naming pass's diagnostics, in that order.</param>
/// <param name="Spec">What to emit, or null when any error was reported.</param>
/// <param name="ApiNameRange">Where <c>api.name</c> is written, for diagnostics that concern the whole file.</param>
internal sealed record NamedSchema(string Path, string FileName, string HintPrefix, EquatableArray<SchemaDiagnostic> Diagnostics, SchemaSpec? Spec, SourceRange ApiNameRange);
