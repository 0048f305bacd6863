using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>
/// Issue 16, item 1: a model that overrides a shared field gets its own attribute on its own request type (as the generator
/// now emits for mureka: 1024, not the endpoint's 5000), so the analyzer warns per model for the same constant.
/// </summary>
public class PerModelOverrideTests
{
    private const string MurekaRequest = """
        namespace Apiframe
        {
            public sealed partial class MurekaRequest
            {
                public MurekaRequest([global::ProducerGen.SchemaMember("prompt", SchemaFile = "apiframe-music.producergen.yaml")][global::ProducerGen.SchemaLength(MinLength = 1, MaxLength = 1024)] string prompt) => Prompt = prompt;

                [global::ProducerGen.SchemaMember("prompt", SchemaFile = "apiframe-music.producergen.yaml")]
                [global::ProducerGen.SchemaLength(MinLength = 1, MaxLength = 1024)]
                public string Prompt { get; set; }
            }
        }
        """;

    [Fact]
    public async Task The_same_prompt_warns_for_the_model_with_the_shorter_limit_only()
    {
        var prompt = new string('a', 1025);
        var test = Verify.AnalyzerTest($$"""
            using Apiframe;
            class C
            {
                ProducerRequest P() => new ProducerRequest("{{prompt}}");
                MurekaRequest M() => new MurekaRequest({|#0:"{{prompt}}"|});
                MurekaRequest N() => new MurekaRequest("{{new string('a', 1024)}}");
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(0)
                .WithMessage($"prompt = \"{new string('a', 40)}\"... is 1025 characters long, over the maximum of 1024 (schema apiframe-music.producergen.yaml)"));
        test.TestState.Sources.Add(("MurekaRequest.cs", MurekaRequest));
        await test.RunAsync();
    }
}
