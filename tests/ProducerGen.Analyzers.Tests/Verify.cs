using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ProducerGen.CodeFixes;

namespace ProducerGen.Analyzers.Tests;

/// <summary>Builds analyzer and code-fix tests over <see cref="TestTypes"/> plus one user document.</summary>
internal static class Verify
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static AnalyzerTest AnalyzerTest(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
        };
        test.TestState.Sources.Add((TestTypes.FileName, TestTypes.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest(source, expected).RunAsync();

    public static CodeFixTest CodeFixTest(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new CodeFixTest
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.Sources.Add((TestTypes.FileName, TestTypes.Source));
        test.FixedState.Sources.Add((TestTypes.FileName, TestTypes.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static Task CodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) => CodeFixTest(source, fixedSource, expected).RunAsync();

    /// <summary>
    /// The testing library pins every supported id to <see cref="ReportDiagnostic.Default"/> in the compilation options,
    /// and compilation options outrank .editorconfig. A real build sets no such option, so remove ours to test what users get.
    /// </summary>
    internal static Project LikeABuild(Project project)
    {
        var options = project.CompilationOptions!;
        var specific = options.SpecificDiagnosticOptions.RemoveRange(options.SpecificDiagnosticOptions.Keys.Where(id => id.StartsWith("PG", System.StringComparison.Ordinal)));
        return project.WithCompilationOptions(options.WithSpecificDiagnosticOptions(specific));
    }
}

internal sealed class AnalyzerTest : CSharpAnalyzerTest<ConstraintAnalyzer, DefaultVerifier>
{
    protected override Project ApplyCompilationOptions(Project project) => Tests.Verify.LikeABuild(base.ApplyCompilationOptions(project));
}

internal sealed class CodeFixTest : CSharpCodeFixTest<ConstraintAnalyzer, ConstraintCodeFixProvider, DefaultVerifier>
{
    protected override Project ApplyCompilationOptions(Project project) => Tests.Verify.LikeABuild(base.ApplyCompilationOptions(project));
}
