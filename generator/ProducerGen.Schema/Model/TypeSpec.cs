namespace ProducerGen.Schema.Model;

/// <summary>
/// A value's type and the constraints on it. Unset constraints are <see langword="null"/>;
/// the loader has already checked that every set constraint fits <see cref="Kind"/>.
/// </summary>
/// <param name="Kind">The value type.</param>
/// <param name="MinLength">Minimum string length.</param>
/// <param name="MaxLength">Maximum string length.</param>
/// <param name="Pattern">A .NET/ECMAScript-compatible regular expression the value must contain a match of (unanchored, as in JSON Schema; `^…$` anchors it).</param>
/// <param name="EnumValues">Allowed values as written in the schema (strings, or integers in invariant form).</param>
/// <param name="Minimum">Inclusive lower bound of a number or integer.</param>
/// <param name="Maximum">Inclusive upper bound of a number or integer.</param>
/// <param name="Step">Grid spacing: value = Minimum + k·Step (or k·Step without a minimum).</param>
/// <param name="Items">The element type of an array.</param>
/// <param name="MinItems">Minimum array length.</param>
/// <param name="MaxItems">Maximum array length.</param>
/// <param name="Properties">The members of an object.</param>
/// <param name="Format">The <c>format:</c> a string's value must have, or <see cref="MemberFormat.None"/>.</param>
/// <param name="Files">A file's size and type limits, or an array of files' total, or null.</param>
/// <param name="Csv">Whether a multipart array is sent as one comma-separated part (<c>style: csv</c>).</param>
public sealed record TypeSpec(
    MemberType Kind,
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    EquatableArray<string> EnumValues = default,
    double? Minimum = null,
    double? Maximum = null,
    double? Step = null,
    TypeSpec? Items = null,
    int? MinItems = null,
    int? MaxItems = null,
    EquatableArray<MemberSpec> Properties = default,
    MemberFormat Format = MemberFormat.None,
    FileLimitsSpec? Files = null,
    bool Csv = false)
{
    /// <summary>True when the type restricts values to <see cref="EnumValues"/>.</summary>
    public bool IsEnum => EnumValues.Count > 0;
}
