using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProducerGen.Generator.Tests.Snapshots;

/// <summary>
/// Hand-checked baselines of the generated sources (as System.Text.Json's generator keeps them).
/// Set PRODUCERGEN_UPDATE_BASELINES=1 to rewrite them, then review the diff before committing.
/// </summary>
public class BaselineTests
{
    private static readonly string BaselineDirectory = typeof(BaselineTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BaselineDirectory").Value!;

    [Theory]
    [InlineData("apiframe-music.producergen.yaml")]
    [InlineData("awkward.producergen.yaml")]
    [InlineData("body-layout.producergen.yaml")]
    [InlineData("formats.producergen.yaml")]
    [InlineData("replicate.producergen.yaml")]
    [InlineData("fal.producergen.yaml")]
    [InlineData("openai-videos.producergen.yaml")]
    [InlineData("runway.producergen.yaml")]
    [InlineData("kie-ai.producergen.yaml")]
    [InlineData("operations.producergen.yaml")]
    public void Generated_sources_match_their_baselines(string schema)
    {
        var result = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Schema(schema) })
            .RunGenerators(GeneratorHarness.Compilation())
            .GetRunResult();

        var directory = Path.Combine(BaselineDirectory, Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(schema)));
        var update = Environment.GetEnvironmentVariable("PRODUCERGEN_UPDATE_BASELINES") == "1";
        var generated = result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        if (update)
        {
            Directory.CreateDirectory(directory);
            foreach (var stale in Directory.GetFiles(directory, "*.cs"))
            {
                File.Delete(stale);
            }

            foreach (var (hintName, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, hintName), text);
            }
        }

        var baselines = Directory.GetFiles(directory, "*.cs").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(baselines, generated.Keys.OrderBy(n => n, StringComparer.Ordinal));
        foreach (var (hintName, text) in generated)
        {
            var expected = File.ReadAllText(Path.Combine(directory, hintName));
            Assert.True(expected == text, $"{hintName} differs from its baseline; run with PRODUCERGEN_UPDATE_BASELINES=1 and review the diff.");
        }
    }

    [Fact]
    public void Output_is_deterministic_byte_for_byte()
    {
        string Run() => string.Join("\n", GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Schema("awkward.producergen.yaml") })
            .RunGenerators(GeneratorHarness.Compilation())
            .GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));

        var first = Run();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A culture with a comma decimal separator and a non-ASCII minus sign must not change the output.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
            Assert.Equal(first, Run());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
