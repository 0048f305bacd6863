using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>Which values count as constants: literals through conversions, <c>const</c> locals and fields, casts, arithmetic.</summary>
public class ConstantTests
{
    [Fact]
    public async Task ConstLocal()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                ProducerParams M()
                {
                    const double weird = 1.5;
                    return new ProducerParams { Weirdness = {|#0:weird|} };
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage("weirdness = 1.5 is outside 0..1 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task ConstFieldOfAnotherType()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            static class Defaults
            {
                public const double Weirdness = 0.33;
                public const string Title = "Twelve chars";
            }
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {|#0:Defaults.Weirdness|}, Title = Defaults.Title };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(0)
                .WithMessage("weirdness = 0.33 is off the 0.05 step grid starting at 0; the nearest allowed value is 0.35 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task ExplicitCasts()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Weirdness = {|#0:(double)2|};
                    p.MusicLengthMs = {|#1:(long)4999.9|};
                    p.Weirdness = (double?)1;
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithArguments("weirdness", "2", "outside 0..1", " (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(1).WithArguments("music_length_ms", "4999", "outside 5000..300000", " (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task UnaryMinusAndNegativeRanges()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Weirdness = {|#0:-0.05|};
                    p.PitchShift = -12;
                    p.PitchShift = -11.5;
                    p.PitchShift = {|#1:-12.5|};
                    p.PitchShift = {|#2:-3.25|};
                    p.PitchShift = -(3 + 0.5);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage("weirdness = -0.05 is outside 0..1 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(1)
                .WithMessage("pitch_shift = -12.5 is outside -12..12 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(2)
                .WithMessage("pitch_shift = -3.25 is off the 0.5 step grid starting at -12; the nearest allowed value is -3 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task FloatLiteralsAreCheckedAsTheDoubleTheRuntimeSees()
    {
        // 0.25F and 1.5F widen exactly; 0.1F widens to 0.10000000149011612, which Validate() rejects too.
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Weirdness = 0.25f;
                    p.Weirdness = {|#0:1.5f|};
                    p.Weirdness = {|#1:0.1f|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage("weirdness = 1.5 is outside 0..1 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(1)
                .WithMessage("weirdness = 0.10000000149011612 is off the 0.05 step grid starting at 0; the nearest allowed value is 0.1 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task ConstantArithmeticAndConcatenation()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                const double Half = 0.5;
                const string Ten = "0123456789";
                void M(ProducerParams p)
                {
                    p.Weirdness = {|#0:Half * 3|};
                    p.Weirdness = Half + 0.05 * 3;
                    p.Title = {|#1:Ten + Ten + Ten + Ten + Ten + Ten + Ten + Ten + "!"|};
                    p.Title = Ten + Ten + Ten + Ten + Ten + Ten + Ten + Ten;
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage("weirdness = 1.5 is outside 0..1 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(1)
                .WithMessage("title = \"0123456789012345678901234567890123456789\"... is 81 characters long, over the maximum of 80 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task NonConstantValuesAreNotChecked()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                static double field = 1.5;
                static readonly string LongTitle = new string('x', 200);
                void M(ProducerParams p, double value, bool flag)
                {
                    var local = 1.5;
                    p.Weirdness = local;
                    p.Weirdness = value * 10;
                    p.Weirdness = field;
                    p.Weirdness = flag ? 1.5 : 0.5;
                    p.Weirdness = null;
                    p.Title = LongTitle;
                    p.Title = null;
                    p.Duration = System.Environment.ProcessorCount;
                }
            }
            """);
    }
}
