using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>One in-memory schema file of a naming test; it lives at <c>/project/schemas/{FileName}</c>.</summary>
internal sealed record SchemaSource(string FileName, string Text)
{
    public string Path => GeneratorHarness.ProjectDir + "schemas/" + FileName;

    /// <summary>The prefix every hint name generated from this file starts with (<c>schemas_music.</c>).</summary>
    public string HintPrefix => ProducerGenGenerator.HintPrefix(Path, GeneratorHarness.ProjectDir) + ".";
}

/// <summary>What one generator run (and, optionally, one compilation of its output) gave.</summary>
internal sealed class NamingRun
{
    public NamingRun(IReadOnlyList<SchemaSource> files, string? rootNamespace, GeneratorDriverRunResult result, ImmutableArray<Diagnostic> generatorDiagnostics, ImmutableArray<Diagnostic> compileDiagnostics)
    {
        Files = files;
        RootNamespace = rootNamespace;
        Result = result;
        GeneratorDiagnostics = generatorDiagnostics;
        CompileDiagnostics = compileDiagnostics;
    }

    public IReadOnlyList<SchemaSource> Files { get; }

    public string? RootNamespace { get; }

    public GeneratorDriverRunResult Result { get; }

    /// <summary>Everything the generator reported (PG0xxx, PG0099, and the driver's CS8784/CS8785).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Warnings and errors of the generated code plus a trivial consumer (empty when not compiled).</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics { get; }

    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    public IEnumerable<Exception> Exceptions => Result.Results.Select(r => r.Exception).OfType<Exception>();

    public IReadOnlyList<string> HintNames(SchemaSource file) =>
        Sources.Select(s => s.HintName).Where(h => h.StartsWith(file.HintPrefix, StringComparison.Ordinal)).OrderBy(h => h, StringComparer.Ordinal).ToList();

    /// <summary>PG0xxx errors located in <paramref name="file"/> at a real line and column.</summary>
    public IReadOnlyList<Diagnostic> LocatedSchemaErrors(SchemaSource file) =>
        GeneratorDiagnostics.Where(d => IsSchemaError(d) && IsLocatedIn(d, file)).ToList();

    public static bool IsSchemaError(Diagnostic d) =>
        d.Id.StartsWith("PG0", StringComparison.Ordinal) && d.Id != "PG0099" && d.Severity == DiagnosticSeverity.Error;

    public static bool IsLocatedIn(Diagnostic d, SchemaSource file)
    {
        if (d.Location.Kind is not (LocationKind.ExternalFile or LocationKind.SourceFile))
        {
            return false;
        }

        var span = d.Location.GetLineSpan();
        // LinePosition is 0-based: line/column 1 or more as a compiler message prints it.
        return span.IsValid && string.Equals(span.Path, file.Path, StringComparison.Ordinal)
            && span.StartLinePosition.Line >= 0 && span.StartLinePosition.Character >= 0;
    }
}

/// <summary>
/// Runs the generator over N in-memory schema files with a given RootNamespace and compiles what it generated, plus a
/// trivial consumer, the strict way: every warning an error, XML documentation comments checked
/// (<see cref="DocumentationMode.Diagnose"/>, as <c>GenerateDocumentationFile</c> does) and every warning wave on.
/// </summary>
internal static class NamingHarness
{
    public const string TrivialConsumer = "namespace ProducerGenNamingConsumer\n{\n    internal static class Anchor\n    {\n    }\n}\n";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Assembly-version unification noise between the framework and package copies is not ours.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

    public static CSharpCompilation Consumer(string consumer = TrivialConsumer) =>
        CSharpCompilation.Create(
            "NamingConsumer",
            new[] { CSharpSyntaxTree.ParseText(consumer, ParseOptions, path: "Consumer.cs") },
            global::ProducerGen.Tests.Shared.GeneratedCodeReferences.Value,
            CompilationOptions);

    public static NamingRun Run(IReadOnlyList<SchemaSource> files, string? rootNamespace = "Consumer", bool compile = true, string consumer = TrivialConsumer)
    {
        var texts = files.Select(f => (AdditionalText)new GeneratorHarness.InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var driver = GeneratorHarness.CreateDriver(texts, rootNamespace, ParseOptions, trackSteps: false);
        var input = Consumer(consumer);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var compileDiagnostics = compile
            ? output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToImmutableArray()
            : ImmutableArray<Diagnostic>.Empty;
        return new NamingRun(files, rootNamespace, driver.GetRunResult(), generatorDiagnostics, compileDiagnostics);
    }

    public static NamingRun Run(params SchemaSource[] files) => Run(files, "Consumer");

    /// <summary>
    /// The property every naming case must have; returns its violations (empty when it holds):
    /// no exception escapes the generator, no PG0099, no CS8784/CS8785, every PG0xxx error is located in its schema file,
    /// the generated code compiles with zero warnings and errors, every file without errors generates, and a file
    /// without errors generates exactly what it generates alone when another file of the project has errors.
    /// </summary>
    /// <remarks>Each violation reads <c>signature | text</c>; the signature (a diagnostic id, or what went wrong) groups failures.</remarks>
    public static List<string> Violations(NamingRun run)
    {
        var violations = new List<string>();
        foreach (var exception in run.Exceptions)
        {
            violations.Add($"threw {exception.GetType().Name} | the generator threw {exception.GetType().Name}: {OneLine(exception.Message)}");
        }

        foreach (var d in run.GeneratorDiagnostics.Concat(run.CompileDiagnostics).Where(d => d.Id is "PG0099" or "CS8784" or "CS8785"))
        {
            violations.Add($"{d.Id} | {Describe(d)}");
        }

        foreach (var d in run.GeneratorDiagnostics.Where(d => NamingRun.IsSchemaError(d) && !run.Files.Any(f => NamingRun.IsLocatedIn(d, f))))
        {
            violations.Add($"{d.Id} unlocated | a PG error not located in a schema file: {Describe(d)}");
        }

        foreach (var d in run.CompileDiagnostics.Where(d => d.Id is not ("CS8784" or "CS8785")))
        {
            violations.Add($"{d.Id} | {Describe(d)}");
        }

        var broken = run.Files.Where(f => run.LocatedSchemaErrors(f).Count > 0).ToList();
        var threw = run.Exceptions.Any();
        foreach (var file in run.Files.Except(broken))
        {
            var hints = run.HintNames(file);
            if (hints.Count == 0 && !threw)
            {
                violations.Add($"no output | {file.FileName} has no PG error but generated nothing");
            }

            if (broken.Count > 0 && run.Files.Count > 1)
            {
                var alone = Run(new[] { file }, run.RootNamespace, compile: false).HintNames(file);
                if (!alone.SequenceEqual(hints))
                {
                    violations.Add($"lost output | {file.FileName} (healthy) lost output beside {string.Join(", ", broken.Select(b => b.FileName))}: alone [{string.Join(", ", alone)}], in the project [{string.Join(", ", hints)}]");
                }
            }
        }

        return violations;
    }

    public static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = span.IsValid ? $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): " : string.Empty;
        return $"{where}{d.Id}: {OneLine(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))}";
    }

    public static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");
}
