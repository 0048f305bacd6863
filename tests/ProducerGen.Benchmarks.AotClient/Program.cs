using System;
using System.Globalization;
using System.Threading.Tasks;
using ProducerGen.Benchmarks.Scale;

namespace ProducerGen.Benchmarks;

/// <summary>
/// <c>ProducerGen.Benchmarks.AotClient BASE-ADDRESS --api-key KEY [--jobs N] [--time-scale T] [--floor]</c>: the scale benchmark's
/// client against an emulator already listening, started by <c>ProducerGen.Benchmarks -- scale --aot</c> (or <c>--trimmed</c>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseAddress))
        {
            Console.Error.WriteLine("usage: ProducerGen.Benchmarks.AotClient BASE-ADDRESS --api-key KEY [--jobs N] [--time-scale T] [--floor]");
            return 2;
        }

        var jobs = (int)ScaleClientRun.Option(args, "--jobs", 1000);
        var timeScale = ScaleClientRun.Option(args, "--time-scale", 0.3);
        var apiKey = Array.IndexOf(args, "--api-key") is var k and >= 0 && k + 1 < args.Length ? args[k + 1] : string.Empty;
        var floor = Array.IndexOf(args, "--floor") >= 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scale ({(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "Native AOT")} client process {Environment.ProcessId}): {jobs} concurrent Producer jobs, {ScaleClientRun.ClientName(floor)}, emulator at {baseAddress}, time scale {timeScale}."));
        return await ScaleClientRun.RunAsync(baseAddress, apiKey, jobs, timeScale, floor, stopEmulator: null);
    }
}
