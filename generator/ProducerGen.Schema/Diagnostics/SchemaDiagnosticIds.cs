using ProducerGen.Diagnostics;

namespace ProducerGen.Schema.Diagnostics;

/// <summary>
/// The schema diagnostic ids the loader reports. Ids are stable: never renumber, only add.
/// The values come from the one diagnostic catalogue, generator/Shared/DiagnosticCatalog.cs (titles, help links);
/// schemas/README.md documents each with a broken example.
/// </summary>
public static class SchemaDiagnosticIds
{
    /// <summary>The text is not well-formed YAML.</summary>
    public const string MalformedYaml = DiagnosticCatalog.Ids.MalformedYaml;

    /// <summary><c>producergen:</c> is missing or names a version this generator does not support.</summary>
    public const string UnsupportedVersion = DiagnosticCatalog.Ids.UnsupportedVersion;

    /// <summary>A key the format does not define.</summary>
    public const string UnknownKey = DiagnosticCatalog.Ids.UnknownKey;

    /// <summary>A key the format requires is absent.</summary>
    public const string MissingKey = DiagnosticCatalog.Ids.MissingKey;

    /// <summary>A <c>type:</c> the format does not define.</summary>
    public const string UnknownType = DiagnosticCatalog.Ids.UnknownType;

    /// <summary>A constraint that does not apply to the member's type.</summary>
    public const string ConstraintNotApplicable = DiagnosticCatalog.Ids.ConstraintNotApplicable;

    /// <summary>A lower bound above its upper bound.</summary>
    public const string MinGreaterThanMax = DiagnosticCatalog.Ids.MinGreaterThanMax;

    /// <summary>A step that is zero or negative.</summary>
    public const string StepNotPositive = DiagnosticCatalog.Ids.StepNotPositive;

    /// <summary>A default that breaks its own member's constraints.</summary>
    public const string InvalidDefault = DiagnosticCatalog.Ids.InvalidDefault;

    /// <summary>The same enum value twice.</summary>
    public const string DuplicateEnumValue = DiagnosticCatalog.Ids.DuplicateEnumValue;

    /// <summary>Two names that map to the same C# identifier.</summary>
    public const string NameCollision = DiagnosticCatalog.Ids.NameCollision;

    /// <summary>A model that names an endpoint the file does not define.</summary>
    public const string UnknownEndpoint = DiagnosticCatalog.Ids.UnknownEndpoint;

    /// <summary>A route not of the form <c>METHOD /path</c>.</summary>
    public const string MalformedRoute = DiagnosticCatalog.Ids.MalformedRoute;

    /// <summary>A <c>baseUrl</c> that is not an absolute http(s) URL.</summary>
    public const string BaseUrlNotAbsolute = DiagnosticCatalog.Ids.BaseUrlNotAbsolute;

    /// <summary>A value of the wrong kind (list for mapping, text for number...).</summary>
    public const string WrongValueKind = DiagnosticCatalog.Ids.WrongValueKind;

    /// <summary>A value of the right kind that is still invalid (bad duration, bad regex, empty name).</summary>
    public const string InvalidValue = DiagnosticCatalog.Ids.InvalidValue;

    /// <summary>The document exceeds the loader's size, depth or alias limits.</summary>
    public const string DocumentTooLarge = DiagnosticCatalog.Ids.DocumentTooLarge;

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = DiagnosticCatalog.Ids.DuplicateKey;

    /// <summary>A path into a JSON answer (<c>data.taskId</c>) that is not one.</summary>
    public const string MalformedResponsePath = DiagnosticCatalog.Ids.MalformedResponsePath;

    /// <summary>An operation or resource names a type, resource, model or field the schema does not declare.</summary>
    public const string UnknownReference = DiagnosticCatalog.Ids.UnknownReference;

    /// <summary>A hold value (<c>api.jobs.hold.value</c>) without its one <c>{seconds}</c> placeholder, or with another brace.</summary>
    public const string MalformedHoldValue = DiagnosticCatalog.Ids.MalformedHoldValue;

    /// <summary>A hold maximum (<c>api.jobs.hold.max</c>) that is not a whole number of seconds from 1s to 1h.</summary>
    public const string InvalidHoldMaximum = DiagnosticCatalog.Ids.InvalidHoldMaximum;
}
