using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Project;

/// <summary>What one schema file occupies in the project: its hint prefix, namespace and top-level types.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="FileName">Its name, for messages.</param>
/// <param name="HintPrefix">Its hint-name prefix as derived from the path.</param>
/// <param name="Namespace">The namespace it generates into, or null when it generates nothing.</param>
/// <param name="Types">The top-level types it declares.</param>
/// <param name="ApiNameRange">Where <c>api.name</c> is written, for a clash diagnostic.</param>
internal sealed record SchemaFootprint(string Path, string FileName, string HintPrefix, string? Namespace, EquatableArray<string> Types, SourceRange ApiNameRange);
