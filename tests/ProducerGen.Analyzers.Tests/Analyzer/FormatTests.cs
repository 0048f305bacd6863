using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>PG1006: string constants that do not have the member's format.</summary>
public class FormatTests
{
    [Fact]
    public async Task A_constant_that_breaks_its_format_is_a_warning_and_one_that_keeps_it_is_not()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                const string Id = "test";
                void M(LoraParams p, string runtime)
                {
                    p.LoraId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
                    p.LoraId = {|#0:Id|};
                    p.LoraId = {|#1:"3f2504e04f8911d39a0c0305e82c3301"|};
                    p.LoraId = runtime;
                    p.LoraId = null;
                    p.StartAt = "2026-01-31T12:00:00Z";
                    p.StartAt = {|#2:"2026-01-31T12:00:00"|};
                    p.Source = "urn:isbn:0451450523";
                    p.Source = {|#3:"/relative"|};
                    _ = new LoraParams { LoraId = {|#4:"lora-1"|} };
                    _ = p with { StartAt = {|#5:"tomorrow"|} };
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.StringFormatViolated).WithLocation(0)
                .WithMessage("loraId = \"test\" is not a UUID (8-4-4-4-12 hex digits, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301) (schema apiframe.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.StringFormatViolated).WithLocation(1)
                .WithMessage("loraId = \"3f2504e04f8911d39a0c0305e82c3301\" is not a UUID (8-4-4-4-12 hex digits, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301) (schema apiframe.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.StringFormatViolated).WithLocation(2)
                .WithMessage("startAt = \"2026-01-31T12:00:00\" is not an RFC 3339 date-time with an offset (e.g. 2026-01-31T12:00:00Z) (schema apiframe.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.StringFormatViolated).WithLocation(3)
                .WithMessage("source = \"/relative\" is not an absolute URI (e.g. https://example.com/a or urn:isbn:0451450523) (schema apiframe.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.StringFormatViolated).WithLocation(4)
                .WithMessage("loraId = \"lora-1\" is not a UUID (8-4-4-4-12 hex digits, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301) (schema apiframe.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.StringFormatViolated).WithLocation(5)
                .WithMessage("startAt = \"tomorrow\" is not an RFC 3339 date-time with an offset (e.g. 2026-01-31T12:00:00Z) (schema apiframe.producergen.yaml)"));
    }

    [Fact]
    public async Task A_format_and_a_length_are_both_reported()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                void M(LoraParams p)
                {
                    p.Contact = "a@example.com";
                    p.Contact = {|#0:"not-an-address"|}; // 14 characters and no @
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(0)
                .WithMessage("contact = \"not-an-address\" is 14 characters long, over the maximum of 13 (schema apiframe.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.StringFormatViolated).WithLocation(0)
                .WithMessage("contact = \"not-an-address\" is not an e-mail address (e.g. name@example.com) (schema apiframe.producergen.yaml)"));
    }
}
