using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using ProducerGen.Benchmarks.CatalogBuild;
using ProducerGen.Benchmarks.Downloads;
using ProducerGen.Benchmarks.Generator;
using ProducerGen.Benchmarks.Scale;
using ProducerGen.Benchmarks.Waiting;

namespace ProducerGen.Benchmarks;

/// <summary>
/// <c>waiting</c>: the job-waiting simulation (<see cref="WaitingSimulation"/>); <c>scale</c>: N concurrent jobs (<c>--jobs</c>, default 1,000) against the
/// emulator (<see cref="ScaleRun"/>); <c>cold</c>: the generator's cost in a fresh process (<see cref="ColdStartRun"/>); <c>downloads</c>: large results against curl (<see cref="DownloadRun"/>); <c>catalog-floor</c>: the hand-written floor of a catalog build (<see cref="FloorProjectWriter"/>); anything else goes to BenchmarkDotNet (<c>--filter *Generator*</c>, <c>--job short</c>, ...).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && args[0] == "waiting" ? await WaitingSimulation.RunAsync(args[1..])
            : args.Length > 0 && args[0] == "scale" ? await ScaleRun.RunAsync(args[1..])
            : args.Length > 0 && args[0] == "downloads" ? await DownloadRun.RunAsync(args[1..])
            : args.Length > 0 && args[0] == "cold" ? ColdStartRun.Run(args[1..])
            : args.Length > 0 && args[0] == "catalog-floor" ? FloorProjectWriter.Run(args[1..])
            : Run(args);
    }

    private static int Run(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0)
            {
                return 1;
            }
        }

        return 0;
    }
}
