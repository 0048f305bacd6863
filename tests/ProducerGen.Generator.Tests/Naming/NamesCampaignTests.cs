using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>
/// The names campaign: schemas whose every name is drawn from what the generator emits, C# keywords, runtime and BCL
/// type names, digit-first, symbol-only, unicode and control-character names and case/separator variants. Each case
/// either has a PG0xxx error located in its schema file, or its generated code compiles with zero warnings (warnings
/// as errors, XML docs checked); and one file's failure never removes another file's output.
/// </summary>
public sealed class NamesCampaignTests(ITestOutputHelper output)
{
    private const int BatchSize = 25;

    private int _compilations;
    private int _aloneRuns;

    [Fact]
    public void Fast_500_name_cases_fail_with_a_located_error_or_compile_warning_free() => Campaign("names-fast", 500, seed: 20260);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_10000_name_cases_fail_with_a_located_error_or_compile_warning_free() => Campaign("names-long", 10_000, seed: 1107);

    [Fact]
    public void A_case_is_rebuilt_exactly_from_its_index_and_seed()
    {
        var first = NameCases.Campaign(40, 20260).ToList();
        var again = first.Select(c => NameCases.Build(c.Index, c.Seed)).ToList();
        Assert.Equal(first.SelectMany(c => c.Files.Select(f => f.Text)), again.SelectMany(c => c.Files.Select(f => f.Text)));
        Assert.All(first.SelectMany(c => c.Files), f => Assert.DoesNotContain(ProducerGen.Schema.Loading.SchemaLoader.Load(f.Text).Diagnostics, d => d.Id == "PG0001"));
    }

    private void Campaign(string name, int count, int seed)
    {
        var clock = Stopwatch.StartNew();
        var cases = NameCases.Campaign(count, seed).ToList();
        var outcomes = new Dictionary<NameCase, (bool HadPgError, List<string> Violations)>();
        foreach (var batch in cases.Where(c => c.Batchable).Chunk(BatchSize))
        {
            RunBatch(batch, outcomes);
        }

        foreach (var single in cases.Where(c => !c.Batchable))
        {
            outcomes[single] = RunAlone(single);
        }

        var failures = cases.Where(c => outcomes[c].Violations.Count > 0).ToList();
        var withPgError = cases.Count(c => outcomes[c].HadPgError && outcomes[c].Violations.Count == 0);
        var clean = cases.Count(c => !outcomes[c].HadPgError && outcomes[c].Violations.Count == 0);

        var summary = new StringBuilder();
        summary.AppendLine($"{name}: {cases.Count} cases (seed {seed}) in {clock.Elapsed.TotalSeconds:F1} s");
        summary.AppendLine($"  compilations: {_compilations} ({_aloneRuns} of them single cases: root-namespace cases, and cases whose generator run threw)");
        summary.AppendLine($"  loaded with a located PG error: {withPgError}");
        summary.AppendLine($"  compiled clean:                 {clean}");
        summary.AppendLine($"  failures:                       {failures.Count}");
        summary.AppendLine("  failing cases by their first violation:");
        foreach (var group in failures.GroupBy(c => Signature(outcomes[c].Violations[0])).OrderByDescending(g => g.Count()))
        {
            var example = group.First();
            summary.AppendLine($"  {group.Count(),5} cases: {group.Key} -- e.g. {Truncate(example.ToString(), 300)} -- {Truncate(outcomes[example].Violations[0], 300)}");
        }

        summary.AppendLine("  failing cases by every violation they show (names replaced by '_'):");
        foreach (var group in failures
            .SelectMany(c => outcomes[c].Violations.Select(Normalize).Distinct().Select(v => (Violation: v, Case: c)))
            .GroupBy(p => p.Violation)
            .OrderByDescending(g => g.Count())
            .Take(60))
        {
            summary.AppendLine($"  {group.Count(),5} cases: {Truncate(group.Key, 200)} -- e.g. case #{group.First().Case.Index}");
        }

        output.WriteLine(summary.ToString());
        if (failures.Count == 0)
        {
            return;
        }

        var message = new StringBuilder(summary.ToString()).AppendLine().AppendLine("Failing cases (rebuild one with NameCases.Build(index, seed)):");
        foreach (var failure in failures.Take(200))
        {
            message.AppendLine(failure.ToString());
            foreach (var violation in outcomes[failure].Violations.Take(3))
            {
                message.AppendLine("    " + Truncate(violation, 400));
            }
        }

        if (failures.Count > 200)
        {
            message.AppendLine($"... and {failures.Count - 200} more.");
        }

        // Everything about every failing case (all its violations and its schema files) goes to one file for reproducing.
        var details = new StringBuilder();
        foreach (var failure in failures)
        {
            details.AppendLine("=== " + failure);
            foreach (var violation in outcomes[failure].Violations)
            {
                details.AppendLine("    " + violation);
            }

            foreach (var file in failure.Files)
            {
                details.AppendLine("--- " + file.FileName).AppendLine(file.Text);
            }
        }

        var saved = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"producergen-{name}-{seed}.txt");
        System.IO.File.WriteAllText(saved, details.ToString());
        message.AppendLine($"Every violation and schema file of every failing case: {saved}");
        output.WriteLine(message.ToString());
        Assert.Fail(message.ToString());
    }

    /// <summary>Runs many cases through one driver and one compilation; diagnostics map back to cases by file path.</summary>
    private void RunBatch(IReadOnlyList<NameCase> batch, Dictionary<NameCase, (bool, List<string>)> outcomes)
    {
        if (batch.Count == 0)
        {
            return;
        }

        _compilations++;
        var run = NamingHarness.Run(batch.SelectMany(c => c.Files).ToList(), NameCases.BatchRootNamespace);
        if (run.Exceptions.Any())
        {
            // An exception drops the whole generator's output: find the cases that throw on their own, batch the rest again.
            var throwing = batch.Where(c => NamingHarness.Run(c.Files, c.RootNamespace, compile: false).Exceptions.Any()).ToList();
            if (throwing.Count == 0)
            {
                foreach (var single in batch)
                {
                    outcomes[single] = RunAlone(single);
                }

                return;
            }

            foreach (var single in throwing)
            {
                outcomes[single] = RunAlone(single);
            }

            RunBatch(batch.Except(throwing).ToList(), outcomes);
            return;
        }

        var owners = new Dictionary<Diagnostic, NameCase?>();
        foreach (var d in run.GeneratorDiagnostics.Concat(run.CompileDiagnostics))
        {
            owners[d] = Owner(d, batch);
        }

        if (owners.Values.Any(o => o is null))
        {
            foreach (var single in batch)
            {
                outcomes[single] = RunAlone(single);
            }

            return;
        }

        foreach (var c in batch)
        {
            var view = new NamingRun(
                c.Files,
                c.RootNamespace,
                run.Result,
                run.GeneratorDiagnostics.Where(d => owners[d] == c).ToImmutableArray(),
                run.CompileDiagnostics.Where(d => owners[d] == c).ToImmutableArray());
            outcomes[c] = Judge(view);
        }
    }

    private (bool, List<string>) RunAlone(NameCase c)
    {
        _compilations++;
        _aloneRuns++;
        return Judge(NamingHarness.Run(c.Files, c.RootNamespace));
    }

    private static (bool, List<string>) Judge(NamingRun run) =>
        (run.Files.Any(f => run.LocatedSchemaErrors(f).Count > 0), NamingHarness.Violations(run));

    private static NameCase? Owner(Diagnostic d, IReadOnlyList<NameCase> batch)
    {
        var span = d.Location.GetLineSpan();
        if (span.IsValid)
        {
            var fileName = System.IO.Path.GetFileName(span.Path);
            var byPath = batch.FirstOrDefault(c => c.Files.Any(f => f.Path == span.Path || fileName.StartsWith(f.HintPrefix, StringComparison.Ordinal)));
            if (byPath is not null)
            {
                return byPath;
            }
        }

        // PG0099 names its hint name in the message.
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return batch.FirstOrDefault(c => c.Files.Any(f => message.Contains(f.HintPrefix, StringComparison.Ordinal)));
    }

    private static string Signature(string violation)
    {
        var bar = violation.IndexOf(" | ", StringComparison.Ordinal);
        return bar < 0 ? violation : violation.Substring(0, bar);
    }

    /// <summary>A violation without its file, position and quoted names, so equal causes group together.</summary>
    private static string Normalize(string violation)
    {
        var text = violation.Substring(violation.IndexOf(" | ", StringComparison.Ordinal) + 3);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"^\S+\(\d+,\d+\): ", string.Empty);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"badly formed XML -- .*hexadecimal value (0x[0-9A-F]+).*", "badly formed XML -- hexadecimal value $1 is an invalid character");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(Exception was of type '\w+').*", "$1");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"'[^']*'", "'_'");
        return System.Text.RegularExpressions.Regex.Replace(text, @"Line \d+, position \d+", "Line _, position _");
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "...";
}
