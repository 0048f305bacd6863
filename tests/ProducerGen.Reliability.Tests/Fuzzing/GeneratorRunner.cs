using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProducerGen.Generator;

namespace ProducerGen.Reliability.Tests.Fuzzing;

/// <summary>Runs the ProducerGen generator over one in-memory schema file, as GeneratorHarness does in the generator tests.</summary>
internal static class GeneratorRunner
{
    private static readonly Lazy<CSharpCompilation> Consumer = new(() =>
    {
        return CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Anchor { } }", new CSharpParseOptions(LanguageVersion.Latest))],
            global::ProducerGen.Tests.Shared.GeneratedCodeReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    });

    /// <summary>What one generator run gave.</summary>
    /// <param name="Exception">An exception the driver saw escape the generator (or PG0099, the generator's own catch-all).</param>
    /// <param name="SchemaErrors">PG0xxx errors reported.</param>
    /// <param name="CompileErrors">Compiler errors in the generated code (only counted when there are no schema errors).</param>
    /// <param name="Warnings">Compiler warnings in the generated code.</param>
    /// <param name="FirstCompileError">The first compiler error, for the report.</param>
    /// <param name="Sources">How many files were generated.</param>
    public sealed record Outcome(string? Exception, int SchemaErrors, int CompileErrors, int Warnings, string? FirstCompileError, int Sources, string? FirstWarning = null);

    public static Outcome Run(string yaml, bool compile = true)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ProducerGenGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/project/schemas/fuzz.producergen.yaml", yaml)],
            new CSharpParseOptions(LanguageVersion.Latest),
            new Options());
        driver = driver.RunGeneratorsAndUpdateCompilation(Consumer.Value, out var output, out var diagnostics);
        var run = driver.GetRunResult();
        var exception = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null)?.ToString()
            ?? diagnostics.FirstOrDefault(d => d.Id is "PG0099" or "CS8784" or "CS8785")?.ToString();
        var schemaErrors = diagnostics.Count(d => d.Id.StartsWith("PG0", StringComparison.Ordinal) && d.Id != "PG0099" && d.Severity == DiagnosticSeverity.Error);
        var sources = run.Results.Sum(r => r.GeneratedSources.Length);
        if (!compile || schemaErrors > 0 || exception is not null)
        {
            return new Outcome(exception, schemaErrors, 0, 0, null, sources);
        }

        var compiled = output.GetDiagnostics();
        var errors = compiled.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return new Outcome(null, 0, errors.Count, compiled.Count(d => d.Severity == DiagnosticSeverity.Warning), errors.FirstOrDefault()?.ToString(), sources, compiled.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Warning)?.ToString());
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Global = new(new Dictionary<string, string> { ["build_property.ProjectDir"] = "/project/", ["build_property.RootNamespace"] = "Consumer" });
        private static readonly Values Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
