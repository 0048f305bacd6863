using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ProducerGen.Diagnostics;
using ProducerGen.Schema.Diagnostics;
using Ids = ProducerGen.Diagnostics.DiagnosticCatalog.Ids;

namespace ProducerGen.Generator.Diagnostics;

/// <summary>
/// Roslyn descriptors for the schema loader's PG0xxx ids, built from generator/Shared/DiagnosticCatalog.cs; the
/// message text comes from the loader. One static descriptor per id, with a constant id and its catalogued default
/// severity (Error), so the release-tracking analyzer checks each against AnalyzerReleases.*.md. A release-tracked
/// id has exactly one default severity, so a <see cref="SchemaSeverity.Warning"/> report uses the same descriptor
/// with an effective severity of Warning (see <see cref="Create"/>).
/// </summary>
internal static class SchemaDiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor MalformedYaml = new(
        Ids.MalformedYaml, DiagnosticCatalog.MalformedYaml.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.MalformedYaml.HelpLinkUri);

    public static readonly DiagnosticDescriptor UnsupportedVersion = new(
        Ids.UnsupportedVersion, DiagnosticCatalog.UnsupportedVersion.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.UnsupportedVersion.HelpLinkUri);

    public static readonly DiagnosticDescriptor UnknownKey = new(
        Ids.UnknownKey, DiagnosticCatalog.UnknownKey.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.UnknownKey.HelpLinkUri);

    public static readonly DiagnosticDescriptor MissingKey = new(
        Ids.MissingKey, DiagnosticCatalog.MissingKey.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.MissingKey.HelpLinkUri);

    public static readonly DiagnosticDescriptor UnknownType = new(
        Ids.UnknownType, DiagnosticCatalog.UnknownType.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.UnknownType.HelpLinkUri);

    public static readonly DiagnosticDescriptor ConstraintNotApplicable = new(
        Ids.ConstraintNotApplicable, DiagnosticCatalog.ConstraintNotApplicable.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.ConstraintNotApplicable.HelpLinkUri);

    public static readonly DiagnosticDescriptor MinGreaterThanMax = new(
        Ids.MinGreaterThanMax, DiagnosticCatalog.MinGreaterThanMax.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.MinGreaterThanMax.HelpLinkUri);

    public static readonly DiagnosticDescriptor StepNotPositive = new(
        Ids.StepNotPositive, DiagnosticCatalog.StepNotPositive.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.StepNotPositive.HelpLinkUri);

    public static readonly DiagnosticDescriptor InvalidDefault = new(
        Ids.InvalidDefault, DiagnosticCatalog.InvalidDefault.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.InvalidDefault.HelpLinkUri);

    public static readonly DiagnosticDescriptor DuplicateEnumValue = new(
        Ids.DuplicateEnumValue, DiagnosticCatalog.DuplicateEnumValue.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.DuplicateEnumValue.HelpLinkUri);

    public static readonly DiagnosticDescriptor NameCollision = new(
        Ids.NameCollision, DiagnosticCatalog.NameCollision.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.NameCollision.HelpLinkUri);

    public static readonly DiagnosticDescriptor UnknownEndpoint = new(
        Ids.UnknownEndpoint, DiagnosticCatalog.UnknownEndpoint.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.UnknownEndpoint.HelpLinkUri);

    public static readonly DiagnosticDescriptor MalformedRoute = new(
        Ids.MalformedRoute, DiagnosticCatalog.MalformedRoute.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.MalformedRoute.HelpLinkUri);

    public static readonly DiagnosticDescriptor BaseUrlNotAbsolute = new(
        Ids.BaseUrlNotAbsolute, DiagnosticCatalog.BaseUrlNotAbsolute.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.BaseUrlNotAbsolute.HelpLinkUri);

    public static readonly DiagnosticDescriptor WrongValueKind = new(
        Ids.WrongValueKind, DiagnosticCatalog.WrongValueKind.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.WrongValueKind.HelpLinkUri);

    public static readonly DiagnosticDescriptor InvalidValue = new(
        Ids.InvalidValue, DiagnosticCatalog.InvalidValue.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.InvalidValue.HelpLinkUri);

    public static readonly DiagnosticDescriptor DocumentTooLarge = new(
        Ids.DocumentTooLarge, DiagnosticCatalog.DocumentTooLarge.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.DocumentTooLarge.HelpLinkUri);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        Ids.DuplicateKey, DiagnosticCatalog.DuplicateKey.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.DuplicateKey.HelpLinkUri);

    public static readonly DiagnosticDescriptor MalformedResponsePath = new(
        Ids.MalformedResponsePath, DiagnosticCatalog.MalformedResponsePath.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.MalformedResponsePath.HelpLinkUri);

    public static readonly DiagnosticDescriptor UnknownReference = new(
        Ids.UnknownReference, DiagnosticCatalog.UnknownReference.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.UnknownReference.HelpLinkUri);

    public static readonly DiagnosticDescriptor MalformedHoldValue = new(
        Ids.MalformedHoldValue, DiagnosticCatalog.MalformedHoldValue.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.MalformedHoldValue.HelpLinkUri);

    public static readonly DiagnosticDescriptor InvalidHoldMaximum = new(
        Ids.InvalidHoldMaximum, DiagnosticCatalog.InvalidHoldMaximum.Title, DiagnosticCatalog.SchemaMessageFormat, DiagnosticCatalog.SchemaCategory,
        DiagnosticSeverity.Error, isEnabledByDefault: true, description: null, helpLinkUri: DiagnosticCatalog.InvalidHoldMaximum.HelpLinkUri);

    /// <summary>Every schema descriptor, in id order.</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        MalformedYaml, UnsupportedVersion, UnknownKey, MissingKey, UnknownType, ConstraintNotApplicable,
        MinGreaterThanMax, StepNotPositive, InvalidDefault, DuplicateEnumValue, NameCollision, UnknownEndpoint,
        MalformedRoute, BaseUrlNotAbsolute, WrongValueKind, InvalidValue, DocumentTooLarge, DuplicateKey, MalformedResponsePath, UnknownReference,
        MalformedHoldValue, InvalidHoldMaximum,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index();
    private static readonly Dictionary<string, DiagnosticDescriptor> UncataloguedCache = new();

    /// <summary>A diagnostic for a loader report: <paramref name="id"/>'s descriptor at <paramref name="severity"/>, message <c>{0}</c>.</summary>
    public static Diagnostic Create(string id, SchemaSeverity severity, Location location, string message)
    {
        if (ById.TryGetValue(id, out var descriptor))
        {
            return severity == SchemaSeverity.Error
                ? Diagnostic.Create(descriptor, location, message)
                : Diagnostic.Create(descriptor, location, DiagnosticSeverity.Warning, additionalLocations: null, properties: null, message);
        }

        return Diagnostic.Create(Uncatalogued(id, severity), location, message);
    }

    // An id the catalogue does not list (a loader bug: ProducerGen.Schema.Tests checks that every id is catalogued)
    // is still reported, under a generic title, as before the catalogue existed.
    private static DiagnosticDescriptor Uncatalogued(string id, SchemaSeverity severity)
    {
        lock (UncataloguedCache)
        {
            var key = id + severity;
            if (!UncataloguedCache.TryGetValue(key, out var descriptor))
            {
                descriptor = new DiagnosticDescriptor(
                    id,
                    "Schema problem",
                    DiagnosticCatalog.SchemaMessageFormat,
                    DiagnosticCatalog.SchemaCategory,
                    severity == SchemaSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                    isEnabledByDefault: true,
                    helpLinkUri: DiagnosticCatalog.SchemaHelp(id));
                UncataloguedCache.Add(key, descriptor);
            }

            return descriptor;
        }
    }

    private static Dictionary<string, DiagnosticDescriptor> Index()
    {
        var byId = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in All)
        {
            byId.Add(descriptor.Id, descriptor);
        }

        return byId;
    }
}
