using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ProducerGen.Generator.Tests.Incremental;

/// <summary>The pipeline caches: unrelated edits re-run nothing, one schema edit re-emits only its own outputs.</summary>
public class IncrementalCachingTests
{
    private static readonly string[] SchemaSteps =
    {
        TrackingNames.SchemaFiles, TrackingNames.LoadedSchemas, TrackingNames.NamedSchemas, TrackingNames.Project, TrackingNames.Placements,
        TrackingNames.Plans, TrackingNames.Diagnostics,
        TrackingNames.ClientUnits, TrackingNames.EndpointUnits, TrackingNames.ModelUnits,
    };

    [Fact]
    public void Unrelated_cs_edit_leaves_every_schema_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Schema("apiframe-music.producergen.yaml") }).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("class A { int x; }", new CSharpParseOptions(LanguageVersion.Latest)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in SchemaSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_param_re_emits_only_that_models_file()
    {
        var original = GeneratorHarness.ReadSchema("apiframe-music.producergen.yaml");
        var music = GeneratorHarness.Schema("apiframe-music.producergen.yaml", original);
        var awkward = GeneratorHarness.Schema("awkward.producergen.yaml");
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { music, awkward }).RunGenerators(compilation);

        var changed = GeneratorHarness.Schema("apiframe-music.producergen.yaml", ReplaceOnce(original, "max: 300000", "max: 240000"));
        var result = driver.ReplaceAdditionalText(music, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        var models = result.TrackedSteps[TrackingNames.ModelUnits].SelectMany(s => s.Outputs).ToList();
        var modified = models.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((dynamic)o.Value).File.ModelId as string).ToList();
        Assert.Equal(new[] { "elevenlabs-music" }, modified);
        Assert.All(result.TrackedSteps[TrackingNames.ClientUnits].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.EndpointUnits].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
    }

    [Fact]
    public void Editing_one_operation_re_emits_only_its_groups_file()
    {
        var original = GeneratorHarness.ReadSchema("operations.producergen.yaml");
        var schema = GeneratorHarness.Schema("operations.producergen.yaml", original);
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { schema }).RunGenerators(compilation);

        var changed = GeneratorHarness.Schema("operations.producergen.yaml", ReplaceOnce(original, "minLength: 1, maxLength: 60", "minLength: 1, maxLength: 50"));
        var result = driver.ReplaceAdditionalText(schema, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        var groups = result.TrackedSteps[TrackingNames.OperationGroupUnits].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(8, groups.Count); // Account, Catalog, Jobs, Uploads, Assets, Loras, and the Midjourney and Suno actions
        var modified = groups.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((dynamic)o.Value).File.FileName as string).ToList();
        Assert.Equal(new[] { "LorasClient" }, modified);
        var answers = result.TrackedSteps[TrackingNames.AnswerTypeUnits].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(6, answers.Count);
        Assert.All(answers, o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.ClientUnits].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.ModelUnits].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
    }

    [Fact]
    public void Editing_one_of_two_schema_files_changes_only_its_outputs()
    {
        var music = GeneratorHarness.Schema("apiframe-music.producergen.yaml");
        var awkwardText = GeneratorHarness.ReadSchema("awkward.producergen.yaml");
        var awkward = GeneratorHarness.Schema("awkward.producergen.yaml", awkwardText);
        var compilation = GeneratorHarness.Compilation();
        var first = GeneratorHarness.CreateDriver(new[] { music, awkward }).RunGenerators(compilation);
        var before = first.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var changed = GeneratorHarness.Schema("awkward.producergen.yaml", ReplaceOnce(awkwardText, "Dotted id with a digit run.", "A changed summary."));
        var result = first.ReplaceAdditionalText(awkward, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        var loaded = result.TrackedSteps[TrackingNames.LoadedSchemas].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, loaded.Count(r => r == IncrementalStepRunReason.Modified));
        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var differing = after.Where(p => before[p.Key] != p.Value).Select(p => p.Key).OrderBy(k => k).ToList();
        Assert.Equal(new[] { "schemas_awkward.AwkwardApiClient.g.cs", "schemas_awkward.Flux1_1Pro.g.cs" }, differing);
        Assert.All(after.Keys.Where(k => k.StartsWith("schemas_apiframe-music", System.StringComparison.Ordinal)), k => Assert.Equal(before[k], after[k]));
    }

    private static string ReplaceOnce(string text, string find, string replace)
    {
        var index = text.IndexOf(find, System.StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' not found");
        return text.Substring(0, index) + replace + text.Substring(index + find.Length);
    }
}
