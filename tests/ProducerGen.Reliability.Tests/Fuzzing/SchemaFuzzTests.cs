using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using ProducerGen.Reliability.Tests.Support;
using ProducerGen.Schema.Loading;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Reliability.Tests.Fuzzing;

/// <summary>
/// Mutated schema documents through the loader and (for a sample of those that load) the generator and the compiler: no
/// exception escapes, every result is a document or an error, and a schema without PG0xxx errors gives code that compiles.
/// Hostile inputs (alias bombs, 50 MB files) end in a diagnostic within bounded memory.
/// </summary>
public sealed class SchemaFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Fast_2000_mutated_schemas_never_throw_and_loadable_ones_compile() =>
        Campaign("schema-fuzz-fast", documents: 2_000, generateEvery: 40, generateBrokenEvery: 100, seed: 20260);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_100000_mutated_schemas_never_throw_and_loadable_ones_compile() =>
        Campaign("schema-fuzz-long", documents: 100_000, generateEvery: 50, generateBrokenEvery: 500, seed: 8);

    [Fact]
    public void A_billion_laughs_alias_bomb_is_a_diagnostic_within_bounded_memory()
    {
        var bomb = new StringBuilder(SchemaMutator.Seeds[2]).Append("\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n");
        }

        var text = bomb.ToString(); // 10^10 nodes when expanded
        var (result, allocated, elapsed) = Measure(() => SchemaLoader.Load(text));
        var (generated, generatorAllocated, generatorElapsed) = Measure(() => GeneratorRunner.Run(text, compile: false));

        new Figures("schema-alias-bomb").Add("document", $"{text.Length} characters, 10^10 nodes expanded")
            .Add("loader", $"{result.Diagnostics.First().Id}: {result.Diagnostics.First().Message}")
            .Add("loader allocated", $"{allocated / 1024 / 1024.0:F1} MB in {elapsed.TotalMilliseconds:F0} ms")
            .Add("generator allocated", $"{generatorAllocated / 1024 / 1024.0:F1} MB in {generatorElapsed.TotalMilliseconds:F0} ms, {generated.SchemaErrors} PG0xxx error(s)")
            .Report(output);
        Assert.True(result.HasErrors);
        Assert.Null(generated.Exception);
        Assert.True(generated.SchemaErrors > 0);
        Assert.True(allocated < 256L * 1024 * 1024, $"the loader allocated {allocated:N0} bytes for an alias bomb");
        Assert.True(generatorAllocated < 256L * 1024 * 1024, $"the generator allocated {generatorAllocated:N0} bytes for an alias bomb");
    }

    [Fact]
    public void A_50_MB_schema_file_is_a_diagnostic_within_bounded_memory()
    {
        var big = new StringBuilder(SchemaMutator.Seeds[2], 50 * 1024 * 1024 + 4096);
        big.Append("\n# ");
        while (big.Length < 50 * 1024 * 1024)
        {
            big.Append("padding padding padding padding padding padding padding padding padding padding\n# ");
        }

        var text = big.ToString();
        var (result, allocated, elapsed) = Measure(() => SchemaLoader.Load(text));
        var (generated, generatorAllocated, generatorElapsed) = Measure(() => GeneratorRunner.Run(text, compile: false));

        new Figures("schema-50mb").Add("document", $"{text.Length:N0} characters")
            .Add("loader", $"{result.Diagnostics.First().Id}: {result.Diagnostics.First().Message}")
            .Add("loader allocated", $"{allocated / 1024 / 1024.0:F1} MB in {elapsed.TotalMilliseconds:F0} ms")
            .Add("generator allocated", $"{generatorAllocated / 1024 / 1024.0:F1} MB in {generatorElapsed.TotalMilliseconds:F0} ms, {generated.SchemaErrors} PG0xxx error(s)")
            .Report(output);
        Assert.True(result.HasErrors);
        Assert.Null(generated.Exception);
        Assert.True(generated.SchemaErrors > 0);
        Assert.True(allocated < 16L * 1024 * 1024, $"the loader allocated {allocated:N0} bytes for a 50 MB file");
        Assert.True(generatorAllocated < 256L * 1024 * 1024, $"the generator allocated {generatorAllocated:N0} bytes for a 50 MB file");
    }

    private void Campaign(string name, int documents, int generateEvery, int generateBrokenEvery, int seed)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var byMutation = SchemaMutator.MutationNames.ToDictionary(n => n, _ => (Tried: 0, Loaded: 0));
        int loaded = 0, withErrors = 0, generated = 0, generatorRejected = 0, compiled = 0, brokenGenerated = 0;
        long warnings = 0;
        TimeSpan loadTime = TimeSpan.Zero, generateTime = TimeSpan.Zero;
        for (var i = 0; i < documents; i++)
        {
            var text = SchemaMutator.Mutate(random, out var applied);
            SchemaLoadResult result;
            var loadClock = Stopwatch.StartNew();
            try
            {
                result = SchemaLoader.Load(text);
                loadTime += loadClock.Elapsed;
            }
            catch (Exception e)
            {
                failures.Add($"#{i} [{applied}] the loader threw {e}");
                continue;
            }

            if (result.Document is not null == result.HasErrors)
            {
                failures.Add($"#{i} [{applied}] a result must be a document or have errors");
            }

            foreach (var mutation in applied.Split('+').Distinct())
            {
                var (tried, ok) = byMutation[mutation];
                byMutation[mutation] = (tried + 1, ok + (result.HasErrors ? 0 : 1));
            }

            if (result.HasErrors)
            {
                withErrors++;
                if (withErrors % generateBrokenEvery == 0)
                {
                    brokenGenerated++;
                    var broken = GeneratorRunner.Run(text, compile: false);
                    if (broken.Exception is not null || broken.SchemaErrors == 0)
                    {
                        failures.Add($"#{i} [{applied}] a broken schema gave {broken.Exception ?? "no PG0xxx error"} in the generator");
                    }
                }

                continue;
            }

            loaded++;
            if (loaded % generateEvery != 0)
            {
                continue;
            }

            generated++;
            var generateClock = Stopwatch.StartNew();
            var outcome = GeneratorRunner.Run(text);
            generateTime += generateClock.Elapsed;
            if (outcome.Exception is not null)
            {
                failures.Add($"#{i} [{applied}] the generator failed: {outcome.Exception}");
            }
            else if (outcome.SchemaErrors > 0)
            {
                generatorRejected++;
            }
            else if (outcome.CompileErrors > 0)
            {
                var saved = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"producergen-{name}-{seed}-{i}.producergen.yaml");
                System.IO.File.WriteAllText(saved, text);
                failures.Add($"#{i} [{applied}] {outcome.CompileErrors} compile error(s), first: {outcome.FirstCompileError}; schema saved to {saved}");
            }
            else
            {
                compiled++;
                warnings += outcome.Warnings;
                if (outcome.Warnings > 0)
                {
                    // Generated code must compile warning-free, whatever the schema.
                    failures.Add($"#{i} [{applied}] {outcome.Warnings} compiler warning(s), first: {outcome.FirstWarning}");
                }
            }
        }

        var figures = new Figures(name)
            .Add("documents", documents)
            .Add("loaded without errors", loaded)
            .Add("rejected with PG0xxx errors", withErrors)
            .Add("exceptions escaped", failures.Count(f => f.Contains("threw", StringComparison.Ordinal) || f.Contains("generator failed", StringComparison.Ordinal)))
            .Add("generated (loadable sample)", $"{generated} (every {generateEvery}th loadable)")
            .Add("  compiled with zero errors", compiled)
            .Add("  rejected by the generator", generatorRejected)
            .Add("  compiler warnings (not errors)", warnings)
            .Add("broken schemas through the generator", $"{brokenGenerated} (every {generateBrokenEvery}th)")
            .Add("failures", failures.Count)
            .Add("wall time", $"{clock.Elapsed.TotalSeconds:F1} s (loading {loadTime.TotalSeconds:F1} s, generating and compiling {generateTime.TotalSeconds:F1} s)");
        foreach (var (mutation, (tried, ok)) in byMutation)
        {
            figures.Add($"  mutation {mutation}", $"{tried} tried, {ok} still loaded");
        }

        figures.Report(output);
        foreach (var failure in failures.Take(10))
        {
            output.WriteLine(failure);
        }

        Assert.Empty(failures);
        Assert.True(compiled > 0, "some mutants loaded, generated and compiled");
    }

    [Theory] // Found by schema-fuzz #416; fixed in the endpoint emitter.
    [InlineData("{ type: array, items: { type: array, items: { type: object, properties: { a: { type: string } } } } }")]
    [InlineData("{ type: object, properties: { b: { type: array, items: { type: array, items: { type: object, properties: { a: { type: string } } } } } } }")]
    public void Arrays_of_arrays_of_objects_in_a_result_compile(string member)
    {
        var schema = SchemaMutator.Seeds[2].Replace(
            "      prompt: { type: string, required: true }\n",
            $"      prompt: {{ type: string, required: true }}\n    result:\n      grid: {member}\n",
            StringComparison.Ordinal);
        Assert.False(SchemaLoader.Load(schema).HasErrors);

        var outcome = GeneratorRunner.Run(schema);

        Assert.Null(outcome.Exception);
        Assert.Equal(0, outcome.SchemaErrors);
        Assert.True(outcome.CompileErrors == 0, outcome.FirstCompileError);
    }

    [Theory] // Found by schema-fuzz-long #19283, #92715, #95274; fixed in SourceWriter.
    [InlineData("\\u0085")]
    [InlineData("\\u2028")]
    public void Line_terminators_in_member_names_compile(string escape)
    {
        var schema = SchemaMutator.Seeds[2].Replace("      weirdness:", $"      \"a{escape}b\":", StringComparison.Ordinal);
        Assert.False(SchemaLoader.Load(schema).HasErrors);

        var outcome = GeneratorRunner.Run(schema);

        Assert.True(outcome.CompileErrors == 0, outcome.FirstCompileError);
    }

    private static string Shorten(string text) => text.Length > 4000 ? text[..4000] + "…" : text;

    private static (T Result, long Allocated, TimeSpan Elapsed) Measure<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = action();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before, clock.Elapsed);
    }
}
