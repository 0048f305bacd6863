using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Schema.Model;

/// <summary>A generate endpoint shared by several models.</summary>
/// <param name="Name">The endpoint's key in the schema (<c>music</c>).</param>
/// <param name="CSharpName">Its C# identifier (<c>Music</c>).</param>
/// <param name="Request">The submit route.</param>
/// <param name="Fields">Top-level body members every model of the endpoint shares.</param>
/// <param name="Result">The typed view of a completed job's <c>result</c>; empty when not declared.</param>
/// <param name="Description">Human-readable description.</param>
/// <param name="NameRange">Where the endpoint's key is written, for diagnostics about names derived from it.</param>
/// <param name="Layout">Where the models' params go in the body: under their <c>paramsKey</c> (the default) or at the top level.</param>
/// <param name="ModelMember">The body member that carries the model id (<c>model</c>, the default), or null when the body names no model (the route does).</param>
/// <param name="Encoding">How the body is encoded: JSON (the default) or multipart/form-data.</param>
public sealed record EndpointSpec(
    string Name,
    string CSharpName,
    Route Request,
    EquatableArray<MemberSpec> Fields,
    EquatableArray<MemberSpec> Result,
    string? Description,
    SourceRange NameRange = default,
    BodyLayout Layout = BodyLayout.Nested,
    string? ModelMember = EndpointSpec.DefaultModelMember,
    BodyEncoding Encoding = BodyEncoding.Json)
{
    /// <summary>The body member that carries the model id unless <c>modelMember:</c> says otherwise.</summary>
    public const string DefaultModelMember = "model";
}
