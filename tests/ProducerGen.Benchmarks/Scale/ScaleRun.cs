using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen.Emulator;

namespace ProducerGen.Benchmarks.Scale;

/// <summary>
/// <c>-- scale</c>: N concurrent Producer jobs (<c>--jobs</c>, default 1,000; issue 20 reports 10,000 too) through one generated
/// <see cref="ApiframeClient"/> against the emulator on loopback; <see cref="ScaleClientRun"/> does the measuring. The emulator runs in a
/// child process (this program with <c>scale --emulator</c>) so the client's memory and threads are measured alone.
/// <c>--client-process</c> runs the client in a child of its own; <c>--floor</c> runs the same jobs through the hand-written
/// <see cref="FloorScaleClient"/> instead (always in a child of its own), the baseline the figures are read against; <c>--aot</c> runs
/// either in <c>ProducerGen.Benchmarks.AotClient</c> published as Native AOT, <c>--trimmed</c> in the same program published
/// self-contained and trimmed under the JIT (published first when missing, or with <c>--republish</c>).
/// </summary>
internal static class ScaleRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var timeScale = ScaleClientRun.Option(args, "--time-scale", 0.3);
        if (args.Contains("--emulator"))
        {
            return await HostEmulatorAsync(timeScale);
        }

        var jobs = (int)ScaleClientRun.Option(args, "--jobs", 1000);
        var floor = args.Contains("--floor");
        if (args.Contains("--aot") || args.Contains("--trimmed"))
        {
            return RunPublishedClient(jobs, timeScale, floor, trimmed: args.Contains("--trimmed"), republish: args.Contains("--republish"));
        }

        if (args.Contains("--client-process") || floor && !args.Contains("--client-at"))
        {
            return RunClientInChildProcess(jobs, timeScale, floor);
        }

        var clientAt = Array.IndexOf(args, "--client-at") is var at and >= 0 ? new Uri(args[at + 1]) : null;
        Uri? emulatorAddress = null;
        using var emulator = clientAt is null ? StartEmulatorProcess(timeScale, out emulatorAddress) : null;
        var baseAddress = clientAt ?? emulatorAddress!;
        var clientName = ScaleClientRun.ClientName(floor);
        Console.WriteLine(emulator is null
            ? $"Scale (client-only process {Environment.ProcessId}): {jobs} concurrent Producer jobs, {clientName}, emulator at {baseAddress}, time scale {timeScale}."
            : $"Scale: {jobs} concurrent Producer jobs, {clientName}, emulator (child process {emulator.Id}) at {baseAddress}, time scale {timeScale} (a 45 s job takes ~{45 * timeScale:0.#} s ±15 %).");

        // DefaultApiKey is a constant: the compiler copies it in, so the floor's process does not load the emulator's assembly for it.
        return await ScaleClientRun.RunAsync(baseAddress, EmulatorOptions.DefaultApiKey, jobs, timeScale, floor, emulator is null ? null : () => StopEmulator(emulator));
    }

    /// <summary>
    /// <c>--aot</c> and <c>--trimmed</c>: the emulator in a child, the measured client in <c>ProducerGen.Benchmarks.AotClient</c>
    /// published the way a memory-bound deployment ships it. <c>--aot</c>: Native AOT (no JIT, no IL or JIT-compiled code pages).
    /// <c>--trimmed</c>: self-contained and trimmed, still under the JIT (only the IL the app reaches is mapped; the trimmed framework
    /// carries no ReadyToRun code, so everything it runs is JIT-compiled). Publishes first when the binary is missing, or with
    /// <c>--republish</c> (after a change to the runtime or the generator).
    /// </summary>
    private static int RunPublishedClient(int jobs, double timeScale, bool floor, bool trimmed, bool republish)
    {
        var project = Path.Combine(Repository.Root, "tests", "ProducerGen.Benchmarks.AotClient", "ProducerGen.Benchmarks.AotClient.csproj");
        var (kind, folder, property) = trimmed ? ("trimmed self-contained", "trimmed", "TrimClientPublish") : ("Native AOT", "aot", "AotClientPublish");
        var output = Path.Combine(Repository.Root, "tests", "ProducerGen.Benchmarks.AotClient", "bin", folder);
        var binary = Path.Combine(output, "ProducerGen.Benchmarks.AotClient");
        if (republish || !File.Exists(binary))
        {
            var publish = $"publish \"{project}\" -c Release -r linux-x64 -p:{property}=true -o \"{output}\"";
            Console.WriteLine($"Publishing the {kind} client (once): dotnet {publish}");
            using var publishing = Process.Start(new ProcessStartInfo("dotnet", publish) { UseShellExecute = false })!;
            publishing.WaitForExit();
            if (publishing.ExitCode != 0 || !File.Exists(binary))
            {
                Console.Error.WriteLine($"Publishing the {kind} client failed (exit {publishing.ExitCode}){(trimmed ? "." : "; it needs clang (or clang-14) and zlib's headers.")}");
                return 2;
            }
        }

        using var emulator = StartEmulatorProcess(timeScale, out var baseAddress);
        var arguments = string.Create(CultureInfo.InvariantCulture, $"{baseAddress} --api-key {EmulatorOptions.DefaultApiKey} --jobs {jobs} --time-scale {timeScale}{(floor ? " --floor" : string.Empty)}");
        using var client = Process.Start(new ProcessStartInfo(binary, arguments) { UseShellExecute = false })!; // its output is ours
        client.WaitForExit();
        Console.WriteLine($"emulator served {StopEmulator(emulator)} (submissions + polls)");
        return client.ExitCode;
    }

    /// <summary>
    /// <c>--client-process</c>: the emulator in one child and the measured client in another, started with only <c>--client-at</c>,
    /// so the client's process holds nothing of the host but the sampling (no <see cref="Process.Start(ProcessStartInfo)"/>, no
    /// redirected pipes): tells how much of the figure the benchmark host adds.
    /// </summary>
    private static int RunClientInChildProcess(int jobs, double timeScale, bool floor)
    {
        using var emulator = StartEmulatorProcess(timeScale, out var baseAddress);
        var self = Environment.ProcessPath!;
        var arguments = string.Create(CultureInfo.InvariantCulture, $"scale --client-at {baseAddress} --jobs {jobs} --time-scale {timeScale}{(floor ? " --floor" : string.Empty)}");
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            arguments = $"\"{typeof(ScaleRun).Assembly.Location}\" {arguments}";
        }

        using var client = Process.Start(new ProcessStartInfo(self, arguments) { UseShellExecute = false })!; // its output is ours
        client.WaitForExit();
        Console.WriteLine($"emulator served {StopEmulator(emulator)} (submissions + polls)");
        return client.ExitCode;
    }


    private static Process StartEmulatorProcess(double timeScale, out Uri baseAddress)
    {
        var self = Environment.ProcessPath!;
        var arguments = $"scale --emulator --time-scale {timeScale.ToString(CultureInfo.InvariantCulture)}";
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            arguments = $"\"{typeof(ScaleRun).Assembly.Location}\" {arguments}";
        }

        var process = Process.Start(new ProcessStartInfo(self, arguments) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                baseAddress = new Uri(line["listening ".Length..]);
                return process;
            }
        }

        throw new InvalidOperationException("the emulator process did not start");
    }

    private static string StopEmulator(Process emulator)
    {
        emulator.StandardInput.Close();
        var requests = emulator.StandardOutput.ReadLine() ?? "?";
        if (!emulator.WaitForExit(10_000))
        {
            emulator.Kill();
        }

        return requests.Replace("requests ", string.Empty, StringComparison.Ordinal).Replace(" over ", " requests over ", StringComparison.Ordinal);
    }

    private static async Task<int> HostEmulatorAsync(double timeScale)
    {
        await using var emulator = await ApiEmulator.StartAsync(new EmulatorOptions { TimeScale = timeScale });
        Console.WriteLine($"listening {emulator.BaseAddress}");
        await Console.In.ReadToEndAsync(); // the parent closes stdin to stop us
        Console.WriteLine($"requests {emulator.Stats.Requests} over {emulator.Stats.Connections} connections");
        return 0;
    }
}
