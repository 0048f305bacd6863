using Microsoft.CodeAnalysis;

namespace ProducerGen.Analyzers;

/// <summary>
/// The one catalogue of the analyzer's diagnostics (PG1xxx): constants that the schema's constraints reject.
/// Schema problems (PG0xxx) belong to the generator.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>The category of every ProducerGen diagnostic.</summary>
    public const string Category = "ProducerGen";

    /// <summary>Where the diagnostics are documented, one row each with an example.</summary>
    public const string HelpLinkUri = "generator/README.md#diagnostics";

    /// <summary>PG1001: a constant number outside the schema's inclusive minimum/maximum.</summary>
    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        id: "PG1001",
        title: "Value outside the schema's minimum/maximum",
        messageFormat: "{0} = {1} is {2}{3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The schema allows only values between its minimum and maximum (both inclusive). Validate() rejects the request before it is sent. Use a value in the range; the code fix clamps the constant to the nearest allowed value.",
        helpLinkUri: HelpLinkUri);

    /// <summary>PG1002: a constant number within range but off the schema's step grid (value = minimum + k * step).</summary>
    public static readonly DiagnosticDescriptor ValueOffStepGrid = new(
        id: "PG1002",
        title: "Value off the schema's step grid",
        messageFormat: "{0} = {1} is off the {2} step grid starting at {3}; the nearest allowed value is {4}{5}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The schema allows only values minimum + k * step for a whole k (compared with a tolerance fit for doubles). Validate() rejects the request before it is sent. The code fix rounds the constant to the nearest grid value within the range.",
        helpLinkUri: HelpLinkUri);

    /// <summary>PG1003: a constant string longer than maxLength or shorter than minLength (UTF-16 code units).</summary>
    public static readonly DiagnosticDescriptor StringLengthOutOfRange = new(
        id: "PG1003",
        title: "String length outside the schema's minLength/maxLength",
        messageFormat: "{0} = {1} is {2} long, {3}{4}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The schema limits the length of this string (counted in UTF-16 code units, as the service counts). Validate() rejects the request before it is sent. For a plain string literal over the maximum, the code fix truncates it.",
        helpLinkUri: HelpLinkUri);

    /// <summary>PG1004: a constant integer that is not one of an integer enum's values.</summary>
    public static readonly DiagnosticDescriptor ValueNotAllowed = new(
        id: "PG1004",
        title: "Integer not one of the schema's allowed values",
        messageFormat: "{0} = {1} is not one of the allowed values {2}{3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The schema lists the only integers this member may take. Validate() rejects the request before it is sent. The code fix changes the constant to the nearest allowed value.",
        helpLinkUri: HelpLinkUri);

    /// <summary>PG1005: an array or collection literal with more items than maxItems or fewer than minItems.</summary>
    public static readonly DiagnosticDescriptor ItemCountOutOfRange = new(
        id: "PG1005",
        title: "Item count outside the schema's minItems/maxItems",
        messageFormat: "{0} has {1}, {2}{3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The schema limits how many items this array may hold. Validate() rejects the request before it is sent. Add or remove items.",
        helpLinkUri: HelpLinkUri);
}
