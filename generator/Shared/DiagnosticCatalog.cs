using System;
using System.Collections.Generic;

namespace ProducerGen.Diagnostics;

/// <summary>How serious a catalogued diagnostic is by default (Roslyn-free, so the schema library can compile this file).</summary>
internal enum CatalogSeverity
{
    /// <summary>A warning (Roslyn <c>DiagnosticSeverity.Warning</c>).</summary>
    Warning,

    /// <summary>An error (Roslyn <c>DiagnosticSeverity.Error</c>, MSBuild <c>&lt;Error&gt;</c>).</summary>
    Error,
}

/// <summary>One catalogued diagnostic: what a descriptor, a release-tracking row and a docs row say about an id.</summary>
internal sealed class CatalogEntry
{
    public CatalogEntry(string id, string title, string messageFormat, string category, CatalogSeverity defaultSeverity, string helpLinkUri, string? description = null)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        HelpLinkUri = helpLinkUri;
        Description = description;
    }

    /// <summary>The stable id, e.g. <c>PG0008</c>.</summary>
    public string Id { get; }

    /// <summary>The short title (descriptor title, docs table).</summary>
    public string Title { get; }

    /// <summary>The message format; <c>{0}</c> alone for schema problems, whose text comes from the loader.</summary>
    public string MessageFormat { get; }

    /// <summary>The descriptor category.</summary>
    public string Category { get; }

    /// <summary>The default severity; the generator can also report a schema id as a warning.</summary>
    public CatalogSeverity DefaultSeverity { get; }

    /// <summary>The absolute URL of the id's row in the docs.</summary>
    public string HelpLinkUri { get; }

    /// <summary>The longer description, if any.</summary>
    public string? Description { get; }
}

/// <summary>
/// The one catalogue of ProducerGen diagnostics: PG0xxx (schema problems and generator failures, reported by the
/// generator; PG0100 by the package's MSBuild targets) and PG1xxx (the analyzer). Ids are stable: never renumber,
/// only add. Compiled into ProducerGen.Schema, ProducerGen.Generator and ProducerGen.Analyzers by
/// <c>&lt;Compile Include Link&gt;</c>; each assembly builds its own Roslyn descriptors from these entries so that
/// its AnalyzerReleases files track exactly the descriptors it creates.
/// </summary>
internal static class DiagnosticCatalog
{
    /// <summary>Category of the schema problems the generator reports in YAML files.</summary>
    public const string SchemaCategory = "ProducerGen.Schema";

    /// <summary>Category of a failure of the generator itself.</summary>
    public const string GeneratorCategory = "ProducerGen.Generator";

    /// <summary>Category of the package's MSBuild checks.</summary>
    public const string BuildCategory = "ProducerGen.Build";

    /// <summary>Category of the analyzer's diagnostics.</summary>
    public const string AnalyzerCategory = "ProducerGen";

    /// <summary>The one base of every help link: the repository's files on its default branch (keep in step with
    /// RepositoryUrl in Directory.Build.props).</summary>
    public const string RepositoryFilesUri = "https://github.com/producergen/producergen/blob/main/";

    /// <summary>The PG0xxx docs (schemas/README.md); an id's row is at <c>#pg0001</c>.</summary>
    public const string SchemaDocsUri = RepositoryFilesUri + "schemas/README.md";

    /// <summary>The PG1xxx docs (generator/README.md); an id's row is at <c>#pg1001</c>.</summary>
    public const string AnalyzerDocsUri = RepositoryFilesUri + "generator/README.md";

    /// <summary>The "Diagnostics" section of generator/README.md.</summary>
    public const string AnalyzerDiagnosticsSectionUri = AnalyzerDocsUri + "#diagnostics";

    /// <summary>Message format of every schema problem: the loader writes the whole text.</summary>
    public const string SchemaMessageFormat = "{0}";

    /// <summary>The ids, as constants (descriptors need a constant id to be release-tracked).</summary>
    public static class Ids
    {
        public const string MalformedYaml = "PG0001";
        public const string UnsupportedVersion = "PG0002";
        public const string UnknownKey = "PG0003";
        public const string MissingKey = "PG0004";
        public const string UnknownType = "PG0005";
        public const string ConstraintNotApplicable = "PG0006";
        public const string MinGreaterThanMax = "PG0007";
        public const string StepNotPositive = "PG0008";
        public const string InvalidDefault = "PG0009";
        public const string DuplicateEnumValue = "PG0010";
        public const string NameCollision = "PG0011";
        public const string UnknownEndpoint = "PG0012";
        public const string MalformedRoute = "PG0013";
        public const string BaseUrlNotAbsolute = "PG0014";
        public const string WrongValueKind = "PG0015";
        public const string InvalidValue = "PG0016";
        public const string DocumentTooLarge = "PG0017";
        public const string DuplicateKey = "PG0018";
        public const string MalformedResponsePath = "PG0019";

        /// <summary>An operation or resource names a type, resource, model or field the schema does not declare.</summary>
        public const string UnknownReference = "PG0020";

        /// <summary>A hold value without its one <c>{seconds}</c> placeholder.</summary>
        public const string MalformedHoldValue = "PG0021";

        /// <summary>A hold maximum that is not a whole number of seconds from 1s to 1h.</summary>
        public const string InvalidHoldMaximum = "PG0022";
        public const string GeneratorFailure = "PG0099";
        public const string CompilerTooOld = "PG0100";
        public const string ValueOutOfRange = "PG1001";
        public const string ValueOffStepGrid = "PG1002";
        public const string StringLengthOutOfRange = "PG1003";
        public const string ValueNotAllowed = "PG1004";
        public const string ItemCountOutOfRange = "PG1005";
        public const string StringFormatViolated = "PG1006";
    }

    public static readonly CatalogEntry MalformedYaml = Schema(Ids.MalformedYaml, "Malformed YAML");
    public static readonly CatalogEntry UnsupportedVersion = Schema(Ids.UnsupportedVersion, "Missing or unsupported format version");
    public static readonly CatalogEntry UnknownKey = Schema(Ids.UnknownKey, "Unknown key");
    public static readonly CatalogEntry MissingKey = Schema(Ids.MissingKey, "Missing required key");
    public static readonly CatalogEntry UnknownType = Schema(Ids.UnknownType, "Unknown type");
    public static readonly CatalogEntry ConstraintNotApplicable = Schema(Ids.ConstraintNotApplicable, "Constraint does not apply to this type");
    public static readonly CatalogEntry MinGreaterThanMax = Schema(Ids.MinGreaterThanMax, "Minimum greater than maximum");
    public static readonly CatalogEntry StepNotPositive = Schema(Ids.StepNotPositive, "Step must be greater than zero");
    public static readonly CatalogEntry InvalidDefault = Schema(Ids.InvalidDefault, "Default value violates its constraints");
    public static readonly CatalogEntry DuplicateEnumValue = Schema(Ids.DuplicateEnumValue, "Duplicate enum value");
    public static readonly CatalogEntry NameCollision = Schema(Ids.NameCollision, "Two names map to the same C# identifier");
    public static readonly CatalogEntry UnknownEndpoint = Schema(Ids.UnknownEndpoint, "Model refers to an endpoint that does not exist");
    public static readonly CatalogEntry MalformedRoute = Schema(Ids.MalformedRoute, "Malformed route");
    public static readonly CatalogEntry BaseUrlNotAbsolute = Schema(Ids.BaseUrlNotAbsolute, "baseUrl is not an absolute http(s) URL");
    public static readonly CatalogEntry WrongValueKind = Schema(Ids.WrongValueKind, "Wrong kind of value");
    public static readonly CatalogEntry InvalidValue = Schema(Ids.InvalidValue, "Invalid value");
    public static readonly CatalogEntry DocumentTooLarge = Schema(Ids.DocumentTooLarge, "Document too large or too deeply nested");
    public static readonly CatalogEntry DuplicateKey = Schema(Ids.DuplicateKey, "Duplicate key");
    public static readonly CatalogEntry MalformedResponsePath = Schema(Ids.MalformedResponsePath, "Malformed response path");

    /// <summary>PG0020.</summary>
    public static readonly CatalogEntry UnknownReference = Schema(Ids.UnknownReference, "Unknown reference");

    /// <summary>PG0021.</summary>
    public static readonly CatalogEntry MalformedHoldValue = Schema(Ids.MalformedHoldValue, "Malformed hold value");

    /// <summary>PG0022.</summary>
    public static readonly CatalogEntry InvalidHoldMaximum = Schema(Ids.InvalidHoldMaximum, "Invalid hold maximum");

    public static readonly CatalogEntry GeneratorFailure = new(
        Ids.GeneratorFailure,
        "ProducerGen could not generate a file",
        "ProducerGen could not generate '{0}': {1}. Please report this with the schema file.",
        GeneratorCategory,
        CatalogSeverity.Error,
        SchemaHelp(Ids.GeneratorFailure),
        "The generator failed on a file (a bug; reported instead of crashing the build).");

    /// <summary>Reported by build/ProducerGen.targets, not by a Roslyn descriptor; <c>{0}</c> is <c>$(CompilerApiVersion)</c>.</summary>
    public static readonly CatalogEntry CompilerTooOld = new(
        Ids.CompilerTooOld,
        "The C# compiler is older than Roslyn 4.8",
        "ProducerGen needs the C# compiler from Roslyn 4.8 or newer (the .NET 8 SDK or Visual Studio 17.8); this build uses {0}. Update the SDK or Visual Studio.",
        BuildCategory,
        CatalogSeverity.Error,
        SchemaHelp(Ids.CompilerTooOld),
        "The generator is compiled against Roslyn 4.8; an older compiler cannot load it, so the package's build targets stop the build first.");

    public static readonly CatalogEntry ValueOutOfRange = Analyzer(
        Ids.ValueOutOfRange,
        "Value outside the schema's minimum/maximum",
        "{0} = {1} is {2}{3}",
        "The schema allows only values between its minimum and maximum (both inclusive). Validate() rejects the request before it is sent. Use a value in the range; the code fix clamps the constant to the nearest allowed value.");

    public static readonly CatalogEntry ValueOffStepGrid = Analyzer(
        Ids.ValueOffStepGrid,
        "Value off the schema's step grid",
        "{0} = {1} is off the {2} step grid starting at {3}; the nearest allowed value is {4}{5}",
        "The schema allows only values minimum + k * step for a whole k (compared with a tolerance fit for doubles). Validate() rejects the request before it is sent. The code fix rounds the constant to the nearest grid value within the range.");

    public static readonly CatalogEntry StringLengthOutOfRange = Analyzer(
        Ids.StringLengthOutOfRange,
        "String length outside the schema's minLength/maxLength",
        "{0} = {1} is {2} long, {3}{4}",
        "The schema limits the length of this string (counted in UTF-16 code units, as the service counts). Validate() rejects the request before it is sent. For a plain string literal over the maximum, the code fix truncates it.");

    public static readonly CatalogEntry ValueNotAllowed = Analyzer(
        Ids.ValueNotAllowed,
        "Integer not one of the schema's allowed values",
        "{0} = {1} is not one of the allowed values {2}{3}",
        "The schema lists the only integers this member may take. Validate() rejects the request before it is sent. The code fix changes the constant to the nearest allowed value.");

    public static readonly CatalogEntry ItemCountOutOfRange = Analyzer(
        Ids.ItemCountOutOfRange,
        "Item count outside the schema's minItems/maxItems",
        "{0} has {1}, {2}{3}",
        "The schema limits how many items this array may hold. Validate() rejects the request before it is sent. Add or remove items.");

    public static readonly CatalogEntry StringFormatViolated = Analyzer(
        Ids.StringFormatViolated,
        "String does not have the schema's format",
        "{0} = {1} is not {2}{3}",
        "The schema gives this string a format (uuid, date-time, uri or email). Validate() rejects the request before it is sent. There is no code fix: only the author knows the intended value.");

    /// <summary>Every entry, in id order.</summary>
    public static readonly IReadOnlyList<CatalogEntry> All = new[]
    {
        MalformedYaml, UnsupportedVersion, UnknownKey, MissingKey, UnknownType, ConstraintNotApplicable,
        MinGreaterThanMax, StepNotPositive, InvalidDefault, DuplicateEnumValue, NameCollision, UnknownEndpoint,
        MalformedRoute, BaseUrlNotAbsolute, WrongValueKind, InvalidValue, DocumentTooLarge, DuplicateKey, MalformedResponsePath, UnknownReference,
        MalformedHoldValue, InvalidHoldMaximum,
        GeneratorFailure, CompilerTooOld,
        ValueOutOfRange, ValueOffStepGrid, StringLengthOutOfRange, ValueNotAllowed, ItemCountOutOfRange, StringFormatViolated,
    };

    /// <summary>The entry for <paramref name="id"/>, or null for an id the catalogue does not know.</summary>
    public static CatalogEntry? Find(string id)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Id, id, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The absolute help URL of a PG0xxx id: its row in schemas/README.md.</summary>
    public static string SchemaHelp(string id) => SchemaDocsUri + "#" + id.ToLowerInvariant();

    /// <summary>The absolute help URL of a PG1xxx id: its row in generator/README.md.</summary>
    public static string AnalyzerHelp(string id) => AnalyzerDocsUri + "#" + id.ToLowerInvariant();

    private static CatalogEntry Schema(string id, string title) =>
        new(id, title, SchemaMessageFormat, SchemaCategory, CatalogSeverity.Error, SchemaHelp(id));

    private static CatalogEntry Analyzer(string id, string title, string messageFormat, string description) =>
        new(id, title, messageFormat, AnalyzerCategory, CatalogSeverity.Warning, AnalyzerHelp(id), description);
}
