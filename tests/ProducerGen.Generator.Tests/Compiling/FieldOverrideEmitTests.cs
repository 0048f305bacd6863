using System;
using System.Linq;
using ProducerGen.Generator.Tests.Naming;
using Xunit;

namespace ProducerGen.Generator.Tests.Compiling;

/// <summary>Issue 16, item 1: each model's request carries its own overridden limits, requiredness and docs, and compiles without warnings.</summary>
public class FieldOverrideEmitTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Music
          namespace: Music.Client
          baseUrl: https://api.music.test
          auth: { header: X-API-Key }
          jobs: { get: "GET /v1/jobs/{id}" }
        endpoints:
          music:
            request: POST /v1/music
            fields:
              prompt: { type: string, required: true, minLength: 1, maxLength: 5000, description: What to make. }
              seconds: { type: integer, min: 5, max: 300 }
              style: { type: string, enum: [pop, jazz] }
        models:
          producer:
            endpoint: music
            paramsKey: producerParams
          mureka:
            endpoint: music
            paramsKey: murekaParams
            fields:
              prompt: { maxLength: 1024, description: "What to make, in at most 1024 characters." }
              seconds: { max: 120, required: true }
        """;

    [Fact]
    public void Each_model_checks_and_documents_its_own_limits_and_a_field_it_requires_is_a_constructor_parameter()
    {
        var run = NamingHarness.Run(new SchemaSource("music.producergen.yaml", Schema));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        string Source(string name) => run.Sources.Single(s => s.HintName.EndsWith("." + name + ".g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var mureka = Source("Mureka");
        var producer = Source("Producer");

        Assert.Contains("ConstraintChecks.Length(errors, \"prompt\", Prompt, 1, 1024);", mureka, StringComparison.Ordinal);
        Assert.Contains("ConstraintChecks.Length(errors, \"prompt\", Prompt, 1, 5000);", producer, StringComparison.Ordinal);
        Assert.Contains("[global::ProducerGen.SchemaLength(MinLength = 1, MaxLength = 1024)]", mureka, StringComparison.Ordinal);
        Assert.Contains("What to make, in at most 1024 characters.", mureka, StringComparison.Ordinal);
        Assert.Contains("public MurekaRequest(", mureka, StringComparison.Ordinal);
        var murekaConstructor = mureka.Split('\n').Single(l => l.TrimStart().StartsWith("public MurekaRequest(", StringComparison.Ordinal));
        var producerConstructor = producer.Split('\n').Single(l => l.TrimStart().StartsWith("public ProducerRequest(", StringComparison.Ordinal));
        Assert.Contains("string prompt", murekaConstructor, StringComparison.Ordinal);
        Assert.Contains("long seconds", murekaConstructor, StringComparison.Ordinal); // required for this model only
        Assert.DoesNotContain("seconds", producerConstructor, StringComparison.Ordinal);

        // The enum stays the endpoint's one type: both requests refer to it.
        Assert.Contains("MusicStyle? Style", mureka, StringComparison.Ordinal);
        Assert.Contains("MusicStyle? Style", producer, StringComparison.Ordinal);
    }
}
