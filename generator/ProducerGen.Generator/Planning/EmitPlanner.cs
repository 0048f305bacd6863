using System.Linq;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Planning;

/// <summary>Splits a loaded schema into independent emit units. Pure: no Roslyn types.</summary>
internal static class EmitPlanner
{
    public const string FallbackNamespace = "ProducerGen.Generated";

    public static EmitPlan Plan(LoadedSchema schema, string? rootNamespace)
    {
        var document = schema.Result.Document;
        if (document is null)
        {
            // A file with errors emits nothing; its diagnostics are reported by their own output.
            return EmitPlan.Empty;
        }

        var ns = document.Api.Namespace
            ?? (string.IsNullOrWhiteSpace(rootNamespace) ? FallbackNamespace : rootNamespace!);
        var context = new UnitContext(ns, schema.FileName, schema.HintPrefix);

        var client = new ClientUnit(
            context,
            document.Api,
            EquatableArray.From(document.Models.Select(m => new ModelReference(m.Id, m.CSharpName, m.Summary))));

        var endpoints = document.Endpoints
            .Where(e => document.Models.Any(m => m.Endpoint == e.Name))
            .Select(e => new EndpointUnit(context, e));

        var models = document.Models.Select(m =>
        {
            var endpoint = document.FindEndpoint(m.Endpoint)!;
            return new ModelUnit(context, endpoint with { Result = EquatableArray<MemberSpec>.Empty }, m);
        });

        return new EmitPlan(
            EquatableArray.From(new[] { client }),
            EquatableArray.From(endpoints),
            EquatableArray.From(models));
    }
}
