namespace ProducerGen.Analyzers;

/// <summary>
/// The keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> through which the analyzer tells the code fixes what to write.
/// A diagnostic without <see cref="Kind"/> has no fix.
/// </summary>
public static class FixProperties
{
    /// <summary>Which fix applies: one of <see cref="Clamp"/>, <see cref="Round"/>, <see cref="Truncate"/>, <see cref="Replace"/>.</summary>
    public const string Kind = "fixKind";

    /// <summary>The replacement number, formatted invariantly with "R" (for the fix's title).</summary>
    public const string Value = "fixValue";

    /// <summary>The replacement as C# expression text, typed for the target (e.g. <c>1</c>, <c>-0.5</c>, <c>0.35F</c>).</summary>
    public const string Literal = "fixLiteral";

    /// <summary>The length, in UTF-16 code units, to truncate a string literal to.</summary>
    public const string TruncateLength = "truncateLength";

    /// <summary>PG1001: replace the constant with the nearest value within minimum/maximum (and on the grid, if any).</summary>
    public const string Clamp = "Clamp";

    /// <summary>PG1002: replace the constant with the nearest grid value within minimum/maximum.</summary>
    public const string Round = "Round";

    /// <summary>PG1003: cut a plain string literal to the maximum length.</summary>
    public const string Truncate = "Truncate";

    /// <summary>PG1004: replace the constant with the nearest allowed value.</summary>
    public const string Replace = "Replace";
}
