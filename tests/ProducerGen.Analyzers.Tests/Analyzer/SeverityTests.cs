using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>The diagnostics are ordinary warnings: .editorconfig and #pragma change them like any other.</summary>
public class SeverityTests
{
    private const string Message = "weirdness = 1.5 is outside 0..1 (schema apiframe-music.producergen.yaml)";

    private const string Source = """
        using Apiframe;
        class C
        {
            ProducerParams M() => new ProducerParams { Weirdness = {|#0:1.5|}, Title = "ok" };
        }
        """;

    [Fact]
    public async Task WarningByDefault()
    {
        foreach (var descriptor in new ConstraintAnalyzer().SupportedDiagnostics)
        {
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal("ProducerGen", descriptor.Category);
            Assert.StartsWith("PG1", descriptor.Id, System.StringComparison.Ordinal);
            Assert.Equal("https://github.com/producergen/producergen/blob/main/generator/README.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
        }

        await Verify.AnalyzerAsync(Source, Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(Message));
    }

    [Fact]
    public async Task EditorConfigRaisesToError()
    {
        var test = Verify.AnalyzerTest(Source, Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithMessage(Message));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.PG1001.severity = error
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task EditorConfigSilencesARule()
    {
        var test = Verify.AnalyzerTest(Source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.PG1001.severity = none
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task PragmaSuppresses()
    {
        var test = Verify.AnalyzerTest("""
            using Apiframe;
            class C
            {
            #pragma warning disable PG1001
                ProducerParams M() => new ProducerParams { Weirdness = 1.5 };
            #pragma warning restore PG1001
                ProducerParams N() => new ProducerParams { Weirdness = {|#0:2.5|} };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0)
                .WithMessage("weirdness = 2.5 is outside 0..1 (schema apiframe-music.producergen.yaml)"));

        // The library's own check prepends "#pragma warning disable PG1001", which this source restores on purpose.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        await test.RunAsync();
    }
}
