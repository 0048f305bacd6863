using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProducerGen.Benchmarks.Generator;

/// <summary>
/// The incremental generator under <see cref="CSharpGeneratorDriver"/> (built like tests/ProducerGen.Generator.Tests/GeneratorHarness.cs):
/// a warm full run (parse + emit, a fresh driver each time), a re-run after an unrelated <c>.cs</c> edit (asserted Cached/Unchanged in
/// the setup) and a re-run after one param's constraint changed (asserted to re-emit exactly one model file in the setup).
/// The schema is a parameter: <see cref="Schemas"/> (the catalog files present in <c>schemas/</c>, or <c>PRODUCERGEN_BENCH_SCHEMA</c>).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly string[] SchemaSteps = ["SchemaFiles", "LoadedSchemas", "Plans", "Diagnostics", "ClientUnits", "EndpointUnits", "ModelUnits"];

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText _schema = null!;
    private AdditionalText _paramEdited = null!;
    private GeneratorDriver _warm = null!;

    /// <summary>The schema file: a name in the repository's <c>schemas/</c> folder or a full path.</summary>
    [ParamsSource(nameof(Schemas))]
    public string Schema { get; set; } = "apiframe-music.producergen.yaml";

    public static IEnumerable<string> Schemas()
    {
        if (Environment.GetEnvironmentVariable("PRODUCERGEN_BENCH_SCHEMA") is { Length: > 0 } chosen)
        {
            return chosen.Split(';', StringSplitOptions.RemoveEmptyEntries);
        }

        var folder = Path.Combine(Repository.Root, "schemas");
        return new[] { "apiframe-music.producergen.yaml", "apiframe.producergen.yaml" }.Where(f => File.Exists(Path.Combine(folder, f)));
    }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.IsPathRooted(Schema) ? Schema : Path.Combine(Repository.Root, "schemas", Schema);
        var text = File.ReadAllText(path);
        _schema = GeneratorHost.Schema(Path.GetFileName(path), text);
        _paramEdited = GeneratorHost.Schema(Path.GetFileName(path), EditOneParam(text));

        _compilation = GeneratorHost.Compilation("namespace Consumer { public class A { public int X => 1; } }", "namespace Consumer { public static class B { } }");
        var first = _compilation.SyntaxTrees.First();
        _edited = _compilation.ReplaceSyntaxTree(first, CSharpSyntaxTree.ParseText("namespace Consumer { public class A { public int X => 2; } }", GeneratorHost.ParseOptions, path: first.FilePath));

        _warm = GeneratorHost.CreateDriver(_schema).RunGenerators(_compilation);
        var full = _warm.GetRunResult();
        if (full.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || full.GeneratedTrees.Length == 0)
        {
            throw new InvalidOperationException($"{Schema}: the generator reported errors or produced nothing: {string.Join("; ", full.Diagnostics)}");
        }

        // An unrelated .cs edit: every tracked step Cached/Unchanged, every output Cached.
        var unrelated = _warm.RunGenerators(_edited).GetRunResult().Results.Single();
        foreach (var step in SchemaSteps)
        {
            var reasons = unrelated.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            if (reasons.Count == 0 || reasons.Any(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)))
            {
                throw new InvalidOperationException($"{Schema}: after an unrelated edit step {step} reported {string.Join(",", reasons.Distinct())}");
            }
        }

        if (unrelated.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Any(o => o.Reason != IncrementalStepRunReason.Cached))
        {
            throw new InvalidOperationException($"{Schema}: after an unrelated edit an output was not Cached");
        }

        // One param edited: exactly one model unit modified, exactly one generated file different.
        var paramRun = _warm.ReplaceAdditionalText(_schema, _paramEdited).RunGenerators(_compilation).GetRunResult().Results.Single();
        var modifiedModels = paramRun.TrackedSteps["ModelUnits"].SelectMany(s => s.Outputs).Count(o => o.Reason == IncrementalStepRunReason.Modified);
        var before = full.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changedFiles = paramRun.GeneratedSources.Count(s => !before.TryGetValue(s.HintName, out var old) || old != s.SourceText.ToString());
        if (modifiedModels != 1 || changedFiles != 1)
        {
            throw new InvalidOperationException($"{Schema}: a one-param edit modified {modifiedModels} model units and {changedFiles} files (expected 1 and 1)");
        }

        Console.WriteLine($"// {Schema}: {full.GeneratedTrees.Length} generated files, {text.Length / 1024} KiB of YAML; unrelated edit: all steps Cached/Unchanged; one-param edit: 1 model unit, 1 file re-emitted");
    }

    /// <summary>A fresh driver: parse the YAML, plan, emit every file.</summary>
    [Benchmark(Description = "full run (parse + emit)")]
    public GeneratorDriver FullRun() => GeneratorHost.CreateDriver(_schema).RunGenerators(_compilation);

    /// <summary>The warm driver after an unrelated .cs edit: nothing parsed or emitted.</summary>
    [Benchmark(Description = "re-run after unrelated .cs edit")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_edited);

    /// <summary>The warm driver after one param's <c>max</c> changed: re-parse, re-plan, re-emit one model file.</summary>
    [Benchmark(Description = "re-run after editing one param")]
    public GeneratorDriver OneParamEdit() => _warm.ReplaceAdditionalText(_schema, _paramEdited).RunGenerators(_compilation);

    /// <summary>Changes the first numeric <c>max</c> under <c>models:</c> (a param constraint) to another value.</summary>
    internal static string EditOneParam(string text)
    {
        var models = text.IndexOf("\nmodels:", StringComparison.Ordinal);
        var match = new Regex(@"\bmax: (\d+(?:\.\d+)?)").Match(text, Math.Max(0, models));
        if (!match.Success)
        {
            throw new InvalidOperationException("no 'max: <number>' under models: to edit");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1;
        return string.Concat(text.AsSpan(0, match.Groups[1].Index), value.ToString(CultureInfo.InvariantCulture), text.AsSpan(match.Groups[1].Index + match.Groups[1].Length));
    }
}
