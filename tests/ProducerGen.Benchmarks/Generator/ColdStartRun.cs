using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProducerGen.Schema.Loading;

namespace ProducerGen.Benchmarks.Generator;

/// <summary>
/// <c>-- cold</c>: what one build pays for the generator. The compiler runs it with a fresh driver in every compilation, and the
/// warm benchmarks (<see cref="GeneratorBenchmarks"/>) hide the cost of loading and JIT-compiling its code. Each of N child processes
/// (this program with <c>cold --child</c>) first runs a generator that does nothing, so Roslyn's own driver code is compiled as it is
/// in the long-lived compiler server, then times the first and second <see cref="SchemaLoader.Load(string)"/> and the first and second
/// full generator run (fresh drivers). The parent prints the mean and median of each over the children.
/// </summary>
internal static class ColdStartRun
{
    private static readonly string[] Phases = ["schema load, first", "schema load, second", "generator run, first", "generator run, second"];

    public static int Run(string[] args)
    {
        var schemaName = Option(args, "--schema") ?? "apiframe-music.producergen.yaml";
        var path = Path.IsPathRooted(schemaName) ? schemaName : Path.Combine(Repository.Root, "schemas", schemaName);
        if (args.Contains("--child"))
        {
            return Child(path);
        }

        var runs = int.Parse(Option(args, "--runs") ?? "10", CultureInfo.InvariantCulture);
        var samples = Phases.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < runs; i++)
        {
            var times = LaunchChild(path);
            for (var p = 0; p < Phases.Length; p++)
            {
                samples[p].Add(times[p]);
            }
        }

        Console.WriteLine($"Cold start: {Path.GetFileName(path)}, {runs} processes (each: a no-op generator first, then the phases below in order)");
        for (var p = 0; p < Phases.Length; p++)
        {
            var sorted = samples[p].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Phases[p],-24} mean {sorted.Average(),7:0.0} ms   median {sorted[sorted.Length / 2],7:0.0} ms   min {sorted[0],7:0.0} ms"));
        }

        var cold = samples[0].Zip(samples[2], (load, run) => load + run).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"first build's generator",-24} mean {cold.Average(),7:0.0} ms   median {cold[cold.Length / 2],7:0.0} ms   (first load + first run, as in a compilation)"));
        return 0;
    }

    private static int Child(string path)
    {
        var text = File.ReadAllText(path);
        var schema = GeneratorHost.Schema(Path.GetFileName(path), text);
        var compilation = GeneratorHost.Compilation("namespace Consumer { public class A { } }");
        GeneratorHost.CreateDriver(schema, new NothingGenerator()).RunGenerators(compilation).GetRunResult();

        var times = new double[Phases.Length];
        times[0] = Time(() => SchemaLoader.Load(text));
        times[1] = Time(() => SchemaLoader.Load(text));
        times[2] = Time(() => GeneratorHost.CreateDriver(schema).RunGenerators(compilation).GetRunResult());
        times[3] = Time(() => GeneratorHost.CreateDriver(schema).RunGenerators(compilation).GetRunResult());
        Console.WriteLine(string.Join(' ', times.Select(t => t.ToString("R", CultureInfo.InvariantCulture))));
        return 0;
    }

    private static double Time(Func<object> action)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(action());
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double[] LaunchChild(string path)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "cold", "--child", "--schema", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the child process failed ({process.ExitCode}): {line}");
        }

        return line.Split(' ').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Registers one step and produces nothing: compiles Roslyn's driver code without any of ProducerGen's.</summary>
    private sealed class NothingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider.Select(static (t, _) => t.Path), static (_, _) => { });
    }
}
