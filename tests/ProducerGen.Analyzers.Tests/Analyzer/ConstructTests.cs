using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>Every way a constant reaches a constrained member: initializers, assignments, <c>with</c>, constructor arguments.</summary>
public class ConstructTests
{
    private const string WeirdnessMessage = "weirdness = 1.5 is outside 0..1 (schema apiframe-music.producergen.yaml)";

    [Fact]
    public async Task ObjectInitializer()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {|#0:1.5|} };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithMessage(WeirdnessMessage));
    }

    [Fact]
    public async Task NestedObjectInitializer()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                ProducerRequest M() => new ProducerRequest("a synthwave track")
                {
                    Params = new ProducerParams { Weirdness = {|#0:1.5|}, SoundStrength = {|#1:0.1|} },
                };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithMessage(WeirdnessMessage),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(1)
                .WithMessage("sound_strength = 0.1 is outside 0.2..1 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task PropertyAssignment()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Weirdness = {|#0:1.5|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithMessage(WeirdnessMessage));
    }

    [Fact]
    public async Task WithExpressionOnRecord()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                VideoParams M(VideoParams v) => v with { Motion = {|#0:11|}, Strength = {|#1:0.25|} };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage("motion = 11 is outside 1..10 (schema apiframe-video.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(1)
                .WithMessage("strength = 0.25 is off the 0.1 step grid starting at 0; the nearest allowed value is 0.3 (schema apiframe-video.producergen.yaml)"));
    }

    [Fact]
    public async Task PositionalConstructorArguments()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                ProducerRequest R() => new ProducerRequest({|#0:""|}, {|#1:1.5|});
                ImageParams I() => new ImageParams({|#2:0|});
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(0)
                .WithMessage("prompt = \"\" is 0 characters long, under the minimum of 1 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(1).WithMessage(WeirdnessMessage),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(2)
                .WithMessage("quality = 0 is outside 1..100 (schema apiframe-image.producergen.yaml)"));
    }

    [Fact]
    public async Task NamedConstructorArguments()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                ProducerRequest R() => new ProducerRequest(weirdness: {|#0:1.5|}, prompt: "ok");
                ImageParams I() => new ImageParams(Quality: {|#1:101|});
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithMessage(WeirdnessMessage),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(1)
                .WithMessage("quality = 101 is outside 1..100 (schema apiframe-image.producergen.yaml)"));
    }

    [Fact]
    public async Task ValidValuesInEveryConstructAreQuiet()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p, VideoParams v)
                {
                    p.Weirdness = 0.35;
                    _ = new ProducerParams { Weirdness = 1, SoundStrength = 0.2, MusicLengthMs = 300000, Duration = 10, Title = "Night Drive" };
                    _ = v with { Motion = 10, Strength = 0.7 };
                    _ = new ProducerRequest("a", weirdness: 0);
                    _ = new ImageParams(Quality: 100, Tags: new[] { "a", "b" });
                }
            }
            """);
    }

    [Fact]
    public async Task UnconstrainedMembersAreIgnored()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Unconstrained = 1e9;
                    p.Seed = "a seed much, much longer than anything the title would allow, and still no warning at all";
                }
            }
            """);
    }

    [Fact]
    public async Task GeneratedCodeIsNotAnalyzed()
    {
        var test = Verify.AnalyzerTest("""
            class C { }
            """);
        test.TestState.Sources.Add(("/0/Other.g.cs", """
            // <auto-generated/>
            class Generated
            {
                Apiframe.ProducerParams M() => new Apiframe.ProducerParams { Weirdness = 1.5 };
            }
            """));
        await test.RunAsync();
    }
}
