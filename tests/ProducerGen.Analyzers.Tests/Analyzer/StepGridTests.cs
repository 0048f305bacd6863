using System.Globalization;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>PG1002: value = minimum + k * step, with a tolerance so double arithmetic never warns falsely.</summary>
public class StepGridTests
{
    [Theory]
    [InlineData("0.35")]
    [InlineData("0.1 + 0.2")]
    [InlineData("0.7000000000000001")]
    [InlineData("0.05 * 3")]
    [InlineData("0.15 + 0.15 + 0.15 + 0.15 + 0.15 + 0.15")]
    [InlineData("1.0 / 3 * 3 * 0.05")]
    [InlineData("0.95")]
    [InlineData("1 - 0.05")]
    public async Task OnGridValuesAreQuiet(string value)
    {
        await Verify.AnalyzerAsync($$"""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {{value}}, PitchShift = -({{value}}) * 10 };
            }
            """);
    }

    [Theory]
    [InlineData("0.33", "0.33", "0.35")]
    [InlineData("0.01", "0.01", "0")]
    [InlineData("0.025", "0.025", "0.05")]
    [InlineData("0.99", "0.99", "1")]
    [InlineData("0.1 + 0.2 + 0.01", "0.31000000000000005", "0.3")]
    public async Task OffGridValuesAreReported(string value, string shown, string nearest)
    {
        await Verify.AnalyzerAsync($$"""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {|#0:{{value}}|} };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(0)
                .WithMessage($"weirdness = {shown} is off the 0.05 step grid starting at 0; the nearest allowed value is {nearest} (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task GridStartsAtTheMinimum()
    {
        // sound_strength: 0.2..1 step 0.05 -> 0.25 is on the grid, 0.27 is not.
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.SoundStrength = 0.25;
                    p.SoundStrength = {|#0:0.27|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(0)
                .WithMessage("sound_strength = 0.27 is off the 0.05 step grid starting at 0.2; the nearest allowed value is 0.25 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task MessagesAreInvariantUnderAnyCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            await Verify.AnalyzerAsync("""
                using Apiframe;
                class C
                {
                    ProducerParams M() => new ProducerParams { Weirdness = {|#0:0.33|} };
                }
                """,
                Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(0)
                    .WithMessage("weirdness = 0.33 is off the 0.05 step grid starting at 0; the nearest allowed value is 0.35 (schema apiframe-music.producergen.yaml)"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
