namespace ProducerGen.Schema.Diagnostics;

/// <summary>
/// The catalogue of schema diagnostic ids. Ids are stable: never renumber, only add.
/// schemas/README.md documents each with a broken example.
/// </summary>
public static class SchemaDiagnosticIds
{
    /// <summary>The text is not well-formed YAML.</summary>
    public const string MalformedYaml = "PG0001";

    /// <summary><c>producergen:</c> is missing or names a version this generator does not support.</summary>
    public const string UnsupportedVersion = "PG0002";

    /// <summary>A key the format does not define.</summary>
    public const string UnknownKey = "PG0003";

    /// <summary>A key the format requires is absent.</summary>
    public const string MissingKey = "PG0004";

    /// <summary>A <c>type:</c> the format does not define.</summary>
    public const string UnknownType = "PG0005";

    /// <summary>A constraint that does not apply to the member's type.</summary>
    public const string ConstraintNotApplicable = "PG0006";

    /// <summary>A lower bound above its upper bound.</summary>
    public const string MinGreaterThanMax = "PG0007";

    /// <summary>A step that is zero or negative.</summary>
    public const string StepNotPositive = "PG0008";

    /// <summary>A default that breaks its own member's constraints.</summary>
    public const string InvalidDefault = "PG0009";

    /// <summary>The same enum value twice.</summary>
    public const string DuplicateEnumValue = "PG0010";

    /// <summary>Two names that map to the same C# identifier.</summary>
    public const string NameCollision = "PG0011";

    /// <summary>A model that names an endpoint the file does not define.</summary>
    public const string UnknownEndpoint = "PG0012";

    /// <summary>A route not of the form <c>METHOD /path</c>.</summary>
    public const string MalformedRoute = "PG0013";

    /// <summary>A <c>baseUrl</c> that is not an absolute http(s) URL.</summary>
    public const string BaseUrlNotAbsolute = "PG0014";

    /// <summary>A value of the wrong kind (list for mapping, text for number...).</summary>
    public const string WrongValueKind = "PG0015";

    /// <summary>A value of the right kind that is still invalid (bad duration, bad regex, empty name).</summary>
    public const string InvalidValue = "PG0016";

    /// <summary>The document exceeds the loader's size, depth or alias limits.</summary>
    public const string DocumentTooLarge = "PG0017";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "PG0018";
}
