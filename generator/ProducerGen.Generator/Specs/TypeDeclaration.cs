namespace ProducerGen.Generator.Specs;

/// <summary>A nested type of a file, in emit order: exactly one of a record or an enum.</summary>
/// <param name="Record">A nested object's record.</param>
/// <param name="Enum">A string enum.</param>
internal sealed record TypeDeclaration(RecordSpec? Record, EnumSpec? Enum);
