using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>PG1004: integer enums.</summary>
public class AllowedValuesTests
{
    [Fact]
    public async Task ValueNotInTheList()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                const int Seven = 7;
                void M(ProducerParams p)
                {
                    p.Duration = 5;
                    p.Duration = 10L;
                    p.Duration = {|#0:Seven|};
                    p.Duration = {|#1:0|};
                    p.Duration = {|#2:-5|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueNotAllowed).WithLocation(0)
                .WithMessage("duration = 7 is not one of the allowed values 5, 10 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueNotAllowed).WithLocation(1)
                .WithMessage("duration = 0 is not one of the allowed values 5, 10 (schema apiframe-music.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ValueNotAllowed).WithLocation(2)
                .WithMessage("duration = -5 is not one of the allowed values 5, 10 (schema apiframe-music.producergen.yaml)"));
    }
}
