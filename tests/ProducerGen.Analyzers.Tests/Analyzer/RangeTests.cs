using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>PG1001: minimum and maximum are inclusive; doubles, integers and one-sided ranges.</summary>
public class RangeTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("0.0")]
    [InlineData("1.0")]
    [InlineData("1e0")]
    [InlineData("-0.0")]
    public async Task BoundariesAreAllowed(string value)
    {
        await Verify.AnalyzerAsync($$"""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {{value}}, SoundStrength = 0.2, PitchShift = -12, MusicLengthMs = 5000 };
            }
            """);
    }

    [Theory]
    [InlineData("1.0000001", "1.0000001")]
    [InlineData("-0.0000001", "-1E-07")]
    [InlineData("2", "2")]
    [InlineData("double.PositiveInfinity", "Infinity")]
    [InlineData("double.NaN", "NaN")]
    public async Task JustOutsideIsReported(string value, string shown)
    {
        await Verify.AnalyzerAsync($$"""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {|#0:{{value}}|} };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage($"weirdness = {shown} is outside 0..1 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task IntegerRange()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.MusicLengthMs = 5000;
                    p.MusicLengthMs = 300000;
                    p.MusicLengthMs = {|#0:4999|};
                    p.MusicLengthMs = {|#1:300001L|};
                    p.MusicLengthMs = {|#2:-5000|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage("music_length_ms = 4999 is outside 5000..300000 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(1)
                .WithMessage("music_length_ms = 300001 is outside 5000..300000 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(2)
                .WithMessage("music_length_ms = -5000 is outside 5000..300000 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task MinimumOnlyWithoutSchemaFile()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Guidance = 1;
                    p.Guidance = 1e300;
                    p.Guidance = {|#0:0.5|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithMessage("guidance = 0.5 is below the minimum 1"));
    }

    [Fact]
    public async Task OutOfRangeIsNotAlsoReportedAsOffGrid()
    {
        // 1.33 is both above the maximum and off the grid: one diagnostic, the one whose fix makes it valid.
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {|#0:1.33|} };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage("weirdness = 1.33 is outside 0..1 (schema apiframe-music.producergen.yaml)"));
    }
}
