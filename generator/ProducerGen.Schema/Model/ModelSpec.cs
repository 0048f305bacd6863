using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Schema.Model;

/// <summary>One model of the API: the value sent as <c>model</c> and its params block.</summary>
/// <param name="Id">The wire id (<c>producer</c>, <c>flux-1.1-pro</c>).</param>
/// <param name="CSharpName">Its C# identifier (<c>Producer</c>, <c>Flux1_1Pro</c>).</param>
/// <param name="Endpoint">The key of the endpoint it is submitted to.</param>
/// <param name="ParamsKey">The body member holding the params (<c>producerParams</c>); empty when the endpoint's body layout is flat.</param>
/// <param name="Summary">One-line summary.</param>
/// <param name="Description">Longer description.</param>
/// <param name="AverageCompletionMilliseconds">Typical completion time, a hint for polling.</param>
/// <param name="Deprecated">Whether the model is deprecated.</param>
/// <param name="Params">The model's params.</param>
/// <param name="NameRange">Where the model's key is written, for diagnostics about names derived from it.</param>
/// <param name="SubmitPath">
/// The submit path with the route's placeholders (<c>{model}</c>, <c>{+model}</c>, <c>routeParams</c>) filled in and escaped,
/// or null when the endpoint's route has none (then it is the endpoint's path).
/// </param>
/// <param name="JobGetPath">The path reading this model's jobs (its endpoint's job route with the model's values, <c>{id}</c> kept), or null for the API's.</param>
/// <param name="Fields">The model's fields where it overrides any of its endpoint's (all of them, merged); empty when it overrides none.</param>
/// <param name="JobResultPath">The path reading this model's results likewise, or null.</param>
/// <param name="ParamsRequired">Whether the params block must be sent even when no param is set (<c>paramsRequired: true</c>).</param>
public sealed record ModelSpec(
    string Id,
    string CSharpName,
    string Endpoint,
    string ParamsKey,
    string? Summary,
    string? Description,
    long? AverageCompletionMilliseconds,
    bool Deprecated,
    EquatableArray<MemberSpec> Params,
    SourceRange NameRange = default,
    string? SubmitPath = null,
    string? JobGetPath = null,
    string? JobResultPath = null,
    EquatableArray<MemberSpec> Fields = default,
    bool ParamsRequired = false)
{
    /// <summary>The fields a request of this model has: its overrides merged into the endpoint's, or the endpoint's.</summary>
    /// <param name="endpoint">The model's endpoint.</param>
    /// <returns>The fields, in the endpoint's order.</returns>
    public EquatableArray<MemberSpec> FieldsOf(EndpointSpec endpoint) => Fields.Count > 0 ? Fields : endpoint.Fields;
}
