namespace ProducerGen.Schema.Diagnostics;

/// <summary>
/// A range of the YAML text. Lines and columns are 1-based as editors show them;
/// offsets are 0-based character indexes, for building compiler locations.
/// </summary>
public readonly record struct SourceRange(int StartLine, int StartColumn, int StartOffset, int EndLine, int EndColumn, int EndOffset)
{
    /// <summary>The start of the file.</summary>
    public static SourceRange Start => new(1, 1, 0, 1, 1, 0);
}
