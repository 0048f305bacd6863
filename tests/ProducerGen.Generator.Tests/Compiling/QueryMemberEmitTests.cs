using System;
using System.Linq;
using ProducerGen.Generator.Tests.Naming;
using Xunit;

namespace ProducerGen.Generator.Tests.Compiling;

/// <summary>Members sent in the query string (<c>in: query</c>) of every kind compile warning-free and stay out of the body.</summary>
public class QueryMemberEmitTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Queue
          namespace: Queue.Client
          baseUrl: https://queue.test
          auth: { header: Authorization, prefix: "Key " }
          jobs: { get: "GET /requests/{id}" }
        endpoints:
          queue:
            request: POST /{+model}
            bodyLayout: flat
            modelMember: none
            fields:
              prompt: { type: string, required: true }
              hook: { type: url, in: query }
              priority: { type: string, enum: [low, normal], in: query }
              seconds: { type: integer, enum: [5, 10], in: query }
              strength: { type: number, min: 0, max: 1, in: query }
              sync: { type: boolean, in: query }
              tag: { type: string, required: true, in: query }
        models:
          fal-ai/flux/dev:
            endpoint: queue
            params:
              steps: { type: integer, min: 1, max: 50, in: query }
        """;

    [Fact]
    public void Every_kind_of_query_member_compiles_and_is_written_by_WriteQuery_only()
    {
        var run = NamingHarness.Run(new SchemaSource("queue.producergen.yaml", Schema));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var request = run.Sources.Single(s => s.HintName.EndsWith(".FalAiFluxDev.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains(": global::ProducerGen.IGenerationRequest, global::ProducerGen.IQueryParameters", request, StringComparison.Ordinal);
        var writeJson = request.Substring(request.IndexOf("public void WriteJson", StringComparison.Ordinal));
        writeJson = writeJson.Substring(0, writeJson.IndexOf("public void WriteQuery", StringComparison.Ordinal));
        foreach (var name in new[] { "hook", "priority", "seconds", "strength", "sync", "tag", "steps" })
        {
            Assert.Contains($"KeyValuePair<string, string>(\"{name}\"", request, StringComparison.Ordinal);
            Assert.DoesNotContain($"Encode(\"{name}\")", request, StringComparison.Ordinal);
        }

        Assert.Contains("s_prompt", writeJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hook", writeJson, StringComparison.Ordinal);
    }
}
