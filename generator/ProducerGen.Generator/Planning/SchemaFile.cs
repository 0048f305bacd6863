namespace ProducerGen.Generator.Planning;

/// <summary>A schema file picked from AdditionalFiles: its path, the name used in messages, and its text.</summary>
/// <param name="Path">The full path, for diagnostics.</param>
/// <param name="FileName">The file name, shown in generated attributes and analyzer messages.</param>
/// <param name="HintPrefix">A hint-name prefix unique per file in the project (derived from its relative path).</param>
/// <param name="Text">The YAML text.</param>
internal sealed record SchemaFile(string Path, string FileName, string HintPrefix, string Text);
