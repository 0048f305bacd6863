using Microsoft.CodeAnalysis;
using ProducerGen.Diagnostics;

namespace ProducerGen.Analyzers;

/// <summary>
/// The analyzer's diagnostics (PG1xxx): constants that the schema's constraints reject. Ids, titles, messages,
/// descriptions and help links come from the one catalogue, generator/Shared/DiagnosticCatalog.cs (linked into this
/// assembly); schema problems (PG0xxx) belong to the generator.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>The category of every ProducerGen analyzer diagnostic.</summary>
    public const string Category = DiagnosticCatalog.AnalyzerCategory;

    /// <summary>Where the diagnostics are documented, one row each with an example; each descriptor links its own row (<c>#pg1001</c>...).</summary>
    public const string HelpLinkUri = DiagnosticCatalog.AnalyzerDiagnosticsSectionUri;

    /// <summary>PG1001: a constant number outside the schema's inclusive minimum/maximum.</summary>
    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        id: DiagnosticCatalog.Ids.ValueOutOfRange,
        title: DiagnosticCatalog.ValueOutOfRange.Title,
        messageFormat: DiagnosticCatalog.ValueOutOfRange.MessageFormat,
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: DiagnosticCatalog.ValueOutOfRange.Description,
        helpLinkUri: DiagnosticCatalog.ValueOutOfRange.HelpLinkUri);

    /// <summary>PG1002: a constant number within range but off the schema's step grid (value = minimum + k * step).</summary>
    public static readonly DiagnosticDescriptor ValueOffStepGrid = new(
        id: DiagnosticCatalog.Ids.ValueOffStepGrid,
        title: DiagnosticCatalog.ValueOffStepGrid.Title,
        messageFormat: DiagnosticCatalog.ValueOffStepGrid.MessageFormat,
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: DiagnosticCatalog.ValueOffStepGrid.Description,
        helpLinkUri: DiagnosticCatalog.ValueOffStepGrid.HelpLinkUri);

    /// <summary>PG1003: a constant string longer than maxLength or shorter than minLength (UTF-16 code units).</summary>
    public static readonly DiagnosticDescriptor StringLengthOutOfRange = new(
        id: DiagnosticCatalog.Ids.StringLengthOutOfRange,
        title: DiagnosticCatalog.StringLengthOutOfRange.Title,
        messageFormat: DiagnosticCatalog.StringLengthOutOfRange.MessageFormat,
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: DiagnosticCatalog.StringLengthOutOfRange.Description,
        helpLinkUri: DiagnosticCatalog.StringLengthOutOfRange.HelpLinkUri);

    /// <summary>PG1004: a constant integer that is not one of an integer enum's values.</summary>
    public static readonly DiagnosticDescriptor ValueNotAllowed = new(
        id: DiagnosticCatalog.Ids.ValueNotAllowed,
        title: DiagnosticCatalog.ValueNotAllowed.Title,
        messageFormat: DiagnosticCatalog.ValueNotAllowed.MessageFormat,
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: DiagnosticCatalog.ValueNotAllowed.Description,
        helpLinkUri: DiagnosticCatalog.ValueNotAllowed.HelpLinkUri);

    /// <summary>PG1005: an array or collection literal with more items than maxItems or fewer than minItems.</summary>
    public static readonly DiagnosticDescriptor ItemCountOutOfRange = new(
        id: DiagnosticCatalog.Ids.ItemCountOutOfRange,
        title: DiagnosticCatalog.ItemCountOutOfRange.Title,
        messageFormat: DiagnosticCatalog.ItemCountOutOfRange.MessageFormat,
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: DiagnosticCatalog.ItemCountOutOfRange.Description,
        helpLinkUri: DiagnosticCatalog.ItemCountOutOfRange.HelpLinkUri);

    /// <summary>PG1006: a constant string that does not have the member's format (uuid, date-time, uri, email).</summary>
    public static readonly DiagnosticDescriptor StringFormatViolated = new(
        id: DiagnosticCatalog.Ids.StringFormatViolated,
        title: DiagnosticCatalog.StringFormatViolated.Title,
        messageFormat: DiagnosticCatalog.StringFormatViolated.MessageFormat,
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: DiagnosticCatalog.StringFormatViolated.Description,
        helpLinkUri: DiagnosticCatalog.StringFormatViolated.HelpLinkUri);
}
