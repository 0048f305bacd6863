using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>
/// The naming rules of operation groups and answer types (issue 17): where each group's methods go, which names an operation
/// request keeps, and every clash with the client, a model or another type reported as PG0011 at the later name.
/// </summary>
public class OperationNamingTests
{
    private const string Header =
        """
        producergen: 1
        api:
          name: Studio
          namespace: Demo
          baseUrl: https://api.example.com
          auth: { header: X-API-Key }
          jobs: { get: "GET /v2/jobs/{id}" }
        endpoints:
          images:
            request: POST /v2/images/generate
            bodyLayout: flat
            fields:
              prompt: { type: string, required: true }
        models:
          midjourney: { endpoint: images }
        types:
          Thing:
            properties:
              id: { type: string, required: true }
              model: { type: string }
        operations:

        """;

    [Fact]
    public void A_group_named_like_a_model_adds_its_methods_to_that_models_operations()
    {
        var run = Generate("  act:\n    group: Midjourney\n    name: Upscale\n    request: POST /v2/images/act\n    job: midjourney\n    fields:\n      parentJobId: { type: string, required: true }\n");

        run.AssertCompilesClean();
        var part = run.Source("MidjourneyOperations");
        Assert.Contains("public partial class MidjourneyOperations", part, StringComparison.Ordinal);
        Assert.Contains("public virtual global::System.Threading.Tasks.Task<global::ProducerGen.JobHandle> UpscaleAsync(MidjourneyUpscaleRequest request,", part, StringComparison.Ordinal);
        Assert.DoesNotContain("MidjourneyClient", string.Concat(run.Sources.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void The_jobs_group_derives_from_the_runtime_jobs_client_and_keeps_the_clients_jobs_property()
    {
        var run = Generate("  listJobs:\n    group: Jobs\n    name: List\n    request: GET /v2/jobs\n    fields:\n      model: { type: string, in: query }\n    paginate: { items: jobs, cursorParam: cursor, nextCursor: next }\n    response: Thing\n");

        run.AssertCompilesClean();
        Assert.Contains("public partial class StudioJobsClient : global::ProducerGen.JobsClient", run.Source("StudioJobsClient"), StringComparison.Ordinal);
        Assert.Contains("public virtual StudioJobsClient Jobs { get; }", run.Source("StudioClient"), StringComparison.Ordinal);
        // An operation's request has no model or params block, so a 'model' filter keeps its name.
        Assert.Contains("public string? Model { get; set; }", run.Source("StudioJobsClient"), StringComparison.Ordinal);
        Assert.Contains("public string? Model { get; init; }", run.Source("Thing"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Runtime")]
    [InlineData("Description")]
    [InlineData("Dispose")]
    public void A_group_named_like_a_client_member_is_PG0011_at_its_first_operation(string group)
    {
        var run = Generate($"  get:\n    group: {group}\n    name: Get\n    request: GET /v2/things\n    response: Thing\n");

        var message = run.AssertError("PG0011", line: 22, column: 3);
        Assert.Contains($"Operation group '{group}' would be the client property '{group}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_whose_class_is_the_clients_own_is_PG0011()
    {
        var run = Generate("  get:\n    group: Studio\n    name: Get\n    request: GET /v2/things\n    response: Thing\n");

        var message = run.AssertError("PG0011", line: 22, column: 3);
        Assert.Contains("'StudioClient'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_group_cannot_add_a_method_its_model_already_has()
    {
        var run = Generate("  again:\n    group: Midjourney\n    name: Submit\n    request: POST /v2/images/again\n    job: midjourney\n    fields:\n      parentJobId: { type: string, required: true }\n");

        var message = run.AssertError("PG0011", line: 22, column: 3);
        Assert.Contains("already declare it", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_type_named_like_a_model_type_is_PG0011_at_the_type()
    {
        var run = Generate("  get:\n    group: Things\n    name: Get\n    request: GET /v2/things\n    response: Thing\n", Header.Replace("  Thing:\n", "  MidjourneyRequest:\n    properties: { id: { type: string } }\n  Thing:\n", StringComparison.Ordinal));

        var message = run.AssertError("PG0011", line: 17, column: 3);
        Assert.Contains("MidjourneyRequest", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_type_named_like_an_answer_type_is_PG0011_at_the_operation()
    {
        var header = Header.Replace("  Thing:\n", "  ThingsCreateRequest:\n    properties: { id: { type: string } }\n  Thing:\n", StringComparison.Ordinal);
        var run = Generate("  create:\n    group: Things\n    name: Create\n    request: POST /v2/things\n    fields:\n      name: { type: string }\n    response: Thing\n", header);

        var message = run.AssertError("PG0011", line: 24, column: 3);
        Assert.Contains("ThingsCreateRequest", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_parameter_named_like_a_method_parameter_gets_the_value_suffix()
    {
        var run = Generate("  get:\n    group: Things\n    name: Get\n    request: GET /v2/things/{options}/{request}\n    response: Thing\n");

        run.AssertCompilesClean();
        Assert.Contains("GetAsync(string optionsValue, string requestValue, global::ProducerGen.RequestOptions? options = null,", run.Source("ThingsClient"), StringComparison.Ordinal);
    }

    private static Run Generate(string operations, string header = Header)
    {
        var run = NamingHarness.Run(new[] { new SchemaSource("s.producergen.yaml", header + operations) }, "Consumer");
        Assert.Empty(run.Exceptions);
        var sources = run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new Run(run.GeneratorDiagnostics, sources, run.GeneratorDiagnostics.IsEmpty ? run.CompileDiagnostics : ImmutableArray<Diagnostic>.Empty);
    }

    private sealed record Run(ImmutableArray<Diagnostic> GeneratorDiagnostics, System.Collections.Generic.Dictionary<string, string> Sources, ImmutableArray<Diagnostic> CompileDiagnostics)
    {
        public string Source(string fileName) => Sources.Single(s => s.Key.EndsWith("." + fileName + ".g.cs", StringComparison.Ordinal)).Value;

        public void AssertCompilesClean()
        {
            Assert.True(GeneratorDiagnostics.IsEmpty, string.Join("\n", GeneratorDiagnostics));
            Assert.True(CompileDiagnostics.IsEmpty, string.Join("\n", CompileDiagnostics));
        }

        public string AssertError(string id, int line, int column)
        {
            var error = Assert.Single(GeneratorDiagnostics, d => d.Id == id);
            var span = error.Location.GetLineSpan();
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            Assert.Empty(Sources);
            return error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
