using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Schema.Model;

/// <summary>A named member: an endpoint field, a model param, a result or object property.</summary>
/// <param name="Name">The wire name, exactly as written in the schema and sent on the wire.</param>
/// <param name="CSharpName">The PascalCase identifier <paramref name="Name"/> maps to; the generator's naming pass may add a fixed suffix where it meets a generated name.</param>
/// <param name="Type">The member's type and constraints.</param>
/// <param name="Required">Whether a request must set it.</param>
/// <param name="Default">
/// The server-side default in canonical text; documented, never sent implicitly. A scalar is its value
/// (a string unquoted, numbers in invariant culture, <c>true</c>/<c>false</c>); an array's list is JSON-like:
/// <c>[]</c>, <c>["a", "b"]</c>, <c>[1, 2.5]</c>, <c>[[true], []]</c> (see <c>DefaultValueChecker</c>). Objects have no default.
/// </param>
/// <param name="Description">Human-readable description.</param>
/// <param name="Deprecated">Whether the member is deprecated.</param>
/// <param name="InQuery">Whether the member is sent in the submit URL's query string (<c>in: query</c>), not in the body.</param>
/// <param name="Nullable">Whether the member may be sent as JSON <c>null</c> (<c>nullable: true</c>).</param>
/// <param name="NameRange">Where the member's key is written, for diagnostics about names derived from it.</param>
public sealed record MemberSpec(
    string Name,
    string CSharpName,
    TypeSpec Type,
    bool Required = false,
    string? Default = null,
    string? Description = null,
    bool Deprecated = false,
    SourceRange NameRange = default,
    bool Nullable = false,
    bool InQuery = false);
