using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>PG1003: string constants over maxLength or under minLength, counted in UTF-16 code units.</summary>
public class LengthTests
{
    [Fact]
    public async Task OverMaxLength()
    {
        var title = new string('a', 81);
        await Verify.AnalyzerAsync($$"""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Title = {|#0:"{{title}}"|} };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(0)
                .WithMessage($"title = \"{new string('a', 40)}\"... is 81 characters long, over the maximum of 80 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task ExactlyMaxLengthIsAllowed()
    {
        var title = new string('a', 80);
        await Verify.AnalyzerAsync($$"""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Title = "{{title}}", };
                ProducerParams V() => new ProducerParams { Title = @"{{title}}", };
                ProducerRequest R() => new ProducerRequest("x");
            }
            """);
    }

    [Fact]
    public async Task UnderMinLength()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerRequest r)
                {
                    r.Prompt = {|#0:""|};
                    r.Prompt = string.Empty; // a static readonly field, not a constant
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(0)
                .WithMessage("prompt = \"\" is 0 characters long, under the minimum of 1 (schema apiframe-music.producergen.yaml)"));
    }

    [Fact]
    public async Task LengthCountsUtf16CodeUnitsAndEscapes()
    {
        // 40 emoji are 80 code units (allowed); a 41st makes 82. Escapes count as the character they stand for.
        var emoji = string.Concat(System.Linq.Enumerable.Repeat("\\U0001F3B5", 40));
        var tabs = string.Concat(System.Linq.Enumerable.Repeat("\\t", 81));
        await Verify.AnalyzerAsync($$"""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Title = "{{emoji}}";
                    p.Title = {|#0:"{{emoji}}\U0001F3B5"|};
                    p.Title = {|#1:"{{tabs}}"|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(0)
                .WithArguments("title", "\"" + string.Concat(System.Linq.Enumerable.Repeat("\U0001F3B5", 20)) + "\"...", "82 characters", "over the maximum of 80", " (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(1)
                .WithArguments("title", "\"" + string.Concat(System.Linq.Enumerable.Repeat("\\t", 40)) + "\"...", "81 characters", "over the maximum of 80", " (schema apiframe-music.producergen.yaml)"));
    }
}
