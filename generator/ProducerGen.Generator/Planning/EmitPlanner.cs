using System.Linq;
using ProducerGen.Generator.Project;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Planning;

/// <summary>Splits a named schema into independent emit units. Pure: no Roslyn types.</summary>
internal static class EmitPlanner
{
    public static EmitPlan Plan(NamedSchema schema, ProjectPlacements placements)
    {
        var spec = schema.Spec;
        var placement = placements.Find(schema.Path);
        if (spec is null || placement is null || placement.Suppressed)
        {
            // A file with errors (its own, or a clash with another file) emits nothing; diagnostics have their own outputs.
            return EmitPlan.Empty;
        }

        var context = new UnitContext(spec.Namespace, schema.FileName, placement.HintPrefix);
        return new EmitPlan(
            EquatableArray.From(new[] { new ClientUnit(context, spec.Client) }),
            EquatableArray.From(spec.Endpoints.Select(e => new EndpointUnit(context, e))),
            EquatableArray.From(spec.Models.Select(m => new ModelUnit(context, m))),
            EquatableArray.From(spec.AnswerTypes.Select(t => new AnswerTypeUnit(context, t))),
            EquatableArray.From(spec.Groups.Select(g => new OperationGroupUnit(context, g))),
            spec.ModelFactory is { } factory ? EquatableArray.From(new[] { new ModelFactoryUnit(context, factory) }) : EquatableArray<ModelFactoryUnit>.Empty);
    }
}
