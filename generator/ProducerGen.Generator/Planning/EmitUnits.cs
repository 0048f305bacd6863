using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Planning;

/// <summary>What one generated file needs to know about where it goes.</summary>
/// <param name="Namespace">The namespace to generate into.</param>
/// <param name="SchemaFile">The schema's file name, recorded in constraint attributes.</param>
/// <param name="HintPrefix">The per-file hint-name prefix.</param>
internal sealed record UnitContext(string Namespace, string SchemaFile, string HintPrefix);

/// <summary>A model as the client file sees it: only names, so a param edit leaves the client file untouched.</summary>
internal sealed record ModelReference(string Id, string CSharpName, string? Summary);

/// <summary>The client, options and DI file of one schema.</summary>
internal sealed record ClientUnit(UnitContext Context, ApiSpec Api, EquatableArray<ModelReference> Models);

/// <summary>One endpoint's shared types: its result view.</summary>
internal sealed record EndpointUnit(UnitContext Context, EndpointSpec Endpoint);

/// <summary>One model's request, params, enums, result and operations.</summary>
/// <param name="Context">Where it goes.</param>
/// <param name="Endpoint">The endpoint, without its result (models do not need it, and result edits then leave model files alone).</param>
/// <param name="Model">The model.</param>
internal sealed record ModelUnit(UnitContext Context, EndpointSpec Endpoint, ModelSpec Model);

/// <summary>Everything one schema file generates, split so each piece caches on its own.</summary>
internal sealed record EmitPlan(EquatableArray<ClientUnit> Clients, EquatableArray<EndpointUnit> Endpoints, EquatableArray<ModelUnit> Models)
{
    public static EmitPlan Empty { get; } = new(EquatableArray<ClientUnit>.Empty, EquatableArray<EndpointUnit>.Empty, EquatableArray<ModelUnit>.Empty);
}
