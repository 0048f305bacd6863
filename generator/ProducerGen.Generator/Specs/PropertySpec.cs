using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Specs;

/// <summary>
/// One property of a request-side record (request, params, nested object), with every name the emitter prints
/// already decided by the naming pass.
/// </summary>
/// <param name="WireName">The member's name on the wire.</param>
/// <param name="WirePath">Its JSON path as documented (<c>producerParams.weirdness</c>; the bare name inside nested objects).</param>
/// <param name="Name">The C# property name.</param>
/// <param name="DeclaredType">The property's C# type, with <c>?</c> when optional.</param>
/// <param name="NestedTypeName">The enum or object type that holds its values (the innermost one for arrays), or null.</param>
/// <param name="Type">The value type and constraints, without nested properties (those are the nested type's own specs).</param>
/// <param name="Required">Whether a request must set it (then it is a constructor parameter).</param>
/// <param name="Default">The documented server default.</param>
/// <param name="Description">The description, for XML docs.</param>
/// <param name="Deprecated">Whether the property is marked obsolete.</param>
/// <param name="EncodedNameField">The private field holding the pre-encoded wire name.</param>
/// <param name="AllowedValuesField">The private field holding an integer enum's values, or null.</param>
/// <param name="ParameterName">The constructor parameter (escaped with <c>@</c> where needed), or null when not required.</param>
/// <param name="Local">The local that holds the value while writing JSON.</param>
/// <param name="Nullable">
/// Whether the member may be sent as JSON null: then the property has a backing field and an "assigned" flag,
/// and an assigned null is written as null.
/// </param>
/// <param name="ValueField">The backing field of a nullable property, or null.</param>
/// <param name="AssignedField">The flag recording that a nullable property was assigned, or null.</param>
/// <param name="InQuery">Whether the member goes in the submit URL's query string, not the body.</param>
internal sealed record PropertySpec(
    string WireName,
    string WirePath,
    string Name,
    string DeclaredType,
    string? NestedTypeName,
    TypeSpec Type,
    bool Required,
    string? Default,
    string? Description,
    bool Deprecated,
    string EncodedNameField,
    string? AllowedValuesField,
    string? ParameterName,
    string Local,
    bool Nullable = false,
    string? ValueField = null,
    string? AssignedField = null,
    bool InQuery = false);
