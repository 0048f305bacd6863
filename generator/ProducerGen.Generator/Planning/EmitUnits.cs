using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Planning;

/// <summary>What one generated file needs to know about where it goes.</summary>
/// <param name="Namespace">The namespace to generate into.</param>
/// <param name="SchemaFile">The schema's file name, recorded in constraint attributes.</param>
/// <param name="HintPrefix">The per-file hint-name prefix, unique in the project (case-insensitively too).</param>
internal sealed record UnitContext(string Namespace, string SchemaFile, string HintPrefix)
{
    /// <summary>The hint name of one of the schema's files.</summary>
    public string HintName(string fileName) => HintPrefix + "." + fileName + ".g.cs";
}

/// <summary>The client, options and DI file of one schema.</summary>
internal sealed record ClientUnit(UnitContext Context, ClientFileSpec File);

/// <summary>One endpoint's shared types: its result view and the types of its fields.</summary>
internal sealed record EndpointUnit(UnitContext Context, EndpointFileSpec File);

/// <summary>One model's request, params, enums, result and operations.</summary>
internal sealed record ModelUnit(UnitContext Context, ModelFileSpec File);

/// <summary>Everything one schema file generates, split so each piece caches on its own.</summary>
internal sealed record AnswerTypeUnit(UnitContext Context, AnswerTypeFileSpec File);

internal sealed record OperationGroupUnit(UnitContext Context, OperationGroupFileSpec File);

/// <summary>The schema's model factory: jobs, handles and typed results for tests.</summary>
internal sealed record ModelFactoryUnit(UnitContext Context, ModelFactoryFileSpec File);

internal sealed record EmitPlan(
    EquatableArray<ClientUnit> Clients,
    EquatableArray<EndpointUnit> Endpoints,
    EquatableArray<ModelUnit> Models,
    EquatableArray<AnswerTypeUnit> AnswerTypes = default,
    EquatableArray<OperationGroupUnit> Groups = default,
    EquatableArray<ModelFactoryUnit> ModelFactories = default)
{
    public static EmitPlan Empty { get; } = new(EquatableArray<ClientUnit>.Empty, EquatableArray<EndpointUnit>.Empty, EquatableArray<ModelUnit>.Empty);
}
