using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProducerGen.Generator.Tests.Diagnostics;

public class SchemaDiagnosticReportingTests
{
    [Fact]
    public void Broken_schema_is_reported_at_its_yaml_location_and_emits_nothing_while_other_files_still_generate()
    {
        var broken = GeneratorHarness.Schema("broken.producergen.yaml", "producergen: 1\napi:\n  name: Broken\n  baseUrl: https://x.test\n  auth: { header: K }\n  jobs:\n    get: GET /j/{id}\nendpoints:\n  e: { request: POST /e }\nmodels:\n  m: { endpoint: e, paramsKey: p, params: { w: { type: number, min: 0, max: 1, step: 0 } } }\n");
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(), broken, GeneratorHarness.Schema("awkward.producergen.yaml"));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.ProjectDir + "schemas/broken.producergen.yaml", span.Path);
        Assert.Equal((10, 85), (span.StartLinePosition.Line, span.StartLinePosition.Character)); // 0-based: line 11, the "0" of "step: 0"
        var hints = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.DoesNotContain(hints, h => h.StartsWith("schemas_broken", System.StringComparison.Ordinal));
        Assert.Contains("schemas_awkward.AwkwardApiClient.g.cs", hints);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Yaml_files_are_picked_up_by_suffix_or_by_metadata_only()
    {
        var text = GeneratorHarness.ReadSchema("awkward.producergen.yaml");
        var plain = new GeneratorHarness.InMemoryAdditionalText(GeneratorHarness.ProjectDir + "other.yaml", text);
        var flagged = new GeneratorHarness.InMemoryAdditionalText(GeneratorHarness.ProjectDir + "flagged.yaml", text, metadataFlag: "true");

        var hints = GeneratorHarness.CreateDriver(new[] { plain, flagged }).RunGenerators(GeneratorHarness.Compilation())
            .GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToList();

        Assert.Contains("flagged.AwkwardApiClient.g.cs", hints);
        Assert.DoesNotContain(hints, h => h.StartsWith("other", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/project/schemas/a.producergen.yaml", "/project/", "schemas_a")]
    [InlineData("/project/b/a.producergen.yaml", "/project/", "b_a")]
    [InlineData("/elsewhere/a.producergen.yaml", "/project/", "a")]
    [InlineData("/project/x y/a.yaml", "/project/", "x_y_a")]
    public void Hint_prefix_comes_from_the_relative_path(string path, string projectDir, string expected) =>
        Assert.Equal(expected, ProducerGenGenerator.HintPrefix(path, projectDir));

    [Fact]
    public void Generator_never_throws_on_garbage()
    {
        var random = new System.Random(7);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            var file = GeneratorHarness.Schema($"g{i}.producergen.yaml", System.Text.Encoding.UTF8.GetString(bytes));

            var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(), file);

            Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "PG0099");
            Assert.NotEmpty(diagnostics);
        }
    }
}
