using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen.Emulator;

namespace ProducerGen.Benchmarks.Scale;

/// <summary>
/// <c>-- scale</c>: N concurrent Producer jobs (<c>--jobs</c>, default 1,000; issue 20 reports 10,000 too) through one generated <see cref="ApiframeClient"/> against the emulator on
/// loopback. The emulator runs in a child process (this program with <c>scale --emulator</c>) so the client's memory and threads are
/// measured alone. Samples the client's GC heap, working set and thread count every 100 ms; counts polls per second with the runtime's
/// <c>producergen.polls</c> counter, and prints the kernel's peak resident set (<c>VmHWM</c>). <c>--client-process</c> runs the client in a child of its own; <c>--floor</c> runs the same jobs through the hand-written
/// <see cref="FloorScaleClient"/> instead (always in a child of its own), the baseline the figures are read against.
/// </summary>
internal static class ScaleRun
{
    /// <summary>Issue 20's target for 1,000 jobs (issue 9's was 100 MB).</summary>
    private const int TargetMegabytes = 60;

    public static async Task<int> RunAsync(string[] args)
    {
        var timeScale = DoubleOption(args, "--time-scale", 0.3);
        if (args.Contains("--emulator"))
        {
            return await HostEmulatorAsync(timeScale);
        }

        var jobs = (int)DoubleOption(args, "--jobs", 1000);
        var floor = args.Contains("--floor");
        if (args.Contains("--client-process") || floor && !args.Contains("--client-at"))
        {
            return RunClientInChildProcess(jobs, timeScale, floor);
        }

        var clientAt = Array.IndexOf(args, "--client-at") is var at and >= 0 ? new Uri(args[at + 1]) : null;
        Uri? emulatorAddress = null;
        using var emulator = clientAt is null ? StartEmulatorProcess(timeScale, out emulatorAddress) : null;
        var baseAddress = clientAt ?? emulatorAddress!;
        var clientName = floor ? "the hand-written floor client (FloorScaleClient)" : "one ApiframeClient";
        Console.WriteLine(emulator is null
            ? $"Scale (client-only process {Environment.ProcessId}): {jobs} concurrent Producer jobs, {clientName}, emulator at {baseAddress}, time scale {timeScale}."
            : $"Scale: {jobs} concurrent Producer jobs, {clientName}, emulator (child process {emulator.Id}) at {baseAddress}, time scale {timeScale} (a 45 s job takes ~{45 * timeScale:0.#} s ±15 %).");

        var polls = new ConcurrentDictionary<long, int>();
        var clock = Stopwatch.StartNew();
        void CountPolls(int value) => polls.AddOrUpdate(clock.ElapsedMilliseconds / 1000, value, (_, n) => n + value);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var (heapBefore, workingSetBefore, threadsBefore) = (GC.GetTotalMemory(true), process.WorkingSet64, process.Threads.Count);
        var rssBefore = ReadRss();

        // Built in methods of their own, so the floor's process never loads ProducerGen's assemblies (the JIT loads what a method names).
        var (runJob, client) = floor ? FloorJobs(baseAddress, timeScale, CountPolls) : GeneratedJobs(baseAddress, timeScale, CountPolls);
        using var clientLifetime = client;

        long peakHeap = 0, peakWorkingSet = 0, peakCommitted = 0, peakRssAnon = 0, peakRssFile = 0;
        int peakThreads = 0, peakPoolThreads = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakCommitted = Math.Max(peakCommitted, GC.GetGCMemoryInfo().TotalCommittedBytes);
                var (anon, file) = ReadRss();
                peakRssAnon = Math.Max(peakRssAnon, anon);
                peakRssFile = Math.Max(peakRssFile, file);
                peakThreads = Math.Max(peakThreads, process.Threads.Count);
                peakPoolThreads = Math.Max(peakPoolThreads, ThreadPool.ThreadCount);
                try
                {
                    await Task.Delay(100, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var started = clock.Elapsed;
        var results = await Task.WhenAll(Enumerable.Range(0, jobs).Select(runJob));
        var wall = clock.Elapsed - started;
        await sampling.CancelAsync();
        await sampler;

        var emulatorRequests = emulator is null ? "(reported by the parent)" : StopEmulator(emulator);
        var completed = results.Count(r => r.Ok);
        var totalPolls = polls.Values.Sum();
        var peakPollsPerSecond = polls.IsEmpty ? 0 : polls.Values.Max();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"completed {completed}/{jobs} in {wall.TotalSeconds:0.0} s (per job: mean {results.Average(r => r.Seconds):0.0} s, max {results.Max(r => r.Seconds):0.0} s)"));
        foreach (var error in results.Where(r => r.Error is not null).GroupBy(r => r.Error).Take(5))
        {
            Console.WriteLine($"  {error.Count()} x {error.Key}");
        }

        Console.WriteLine(string.Create(inv, $"client GC heap: {heapBefore / 1048576.0:0.0} MB before, peak {peakHeap / 1048576.0:0.0} MB (sampled every 100 ms)"));
        Console.WriteLine(string.Create(inv, $"client working set: {workingSetBefore / 1048576.0:0.0} MB before, peak {peakWorkingSet / 1048576.0:0.0} MB; issue 20 target (1,000 jobs) < {TargetMegabytes} MB: {(peakWorkingSet < TargetMegabytes * 1048576L ? "MET" : "NOT MET")} (working set), {(peakHeap < TargetMegabytes * 1048576L ? "MET" : "NOT MET")} (GC heap)"));
        var share = peakWorkingSet - workingSetBefore;
        Console.WriteLine(string.Create(inv, $"client's share (peak working set above the process before the client existed): {share / 1048576.0:0.0} MB; < {TargetMegabytes} MB on that measure: {(share < TargetMegabytes * 1048576L ? "MET" : "NOT MET")} (the whole process's figure above is the headline)"));
        Console.WriteLine(string.Create(inv, $"per job: {(peakHeap - heapBefore) / 1024.0 / jobs:0.0} KB of peak GC heap, {(peakWorkingSet - workingSetBefore) / 1024.0 / jobs:0.0} KB of peak working set above the process before the run (run with --jobs 1 for the client's fixed cost)"));
        var (anonBefore, fileBefore) = rssBefore;
        Console.WriteLine(string.Create(inv, $"client GC committed: peak {peakCommitted / 1048576.0:0.0} MB; RSS split (/proc/self/status): anonymous {anonBefore / 1048576.0:0.0} MB before, peak {peakRssAnon / 1048576.0:0.0} MB; file-backed (mapped assemblies, code) {fileBefore / 1048576.0:0.0} MB before, peak {peakRssFile / 1048576.0:0.0} MB"));
        Console.WriteLine(string.Create(inv, $"peak resident set as the kernel counts it (VmHWM, not sampled): {ReadStatusKilobytes("VmHWM:") / 1024.0:0.0} MB"));
        Console.WriteLine(string.Create(inv, $"client threads: {threadsBefore} before, peak {peakThreads} (thread-pool threads peak {peakPoolThreads})"));
        Console.WriteLine(string.Create(inv, $"polls: {totalPolls} ({(double)totalPolls / jobs:0.00} per job), peak {peakPollsPerSecond} polls/s (1 s buckets of the producergen.polls counter); emulator served {emulatorRequests} (submissions + polls)"));
        return completed == jobs ? 0 : 1;
    }

    private static (Func<int, Task<(bool Ok, double Seconds, string? Error)>> RunJob, IDisposable Client) GeneratedJobs(Uri baseAddress, double timeScale, Action<int> countPolls)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ProducerGenTelemetry.Name && instrument.Name == "producergen.polls")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => countPolls((int)value));
        listener.Start();
        var options = new ApiframeClientOptions { ApiKey = EmulatorOptions.DefaultApiKey, BaseAddress = baseAddress };
        options.Waiting.AverageCompletion = TimeSpan.FromSeconds(45 * timeScale); // the client knows the emulator runs jobs faster
        options.Waiting.MinPollInterval = TimeSpan.FromSeconds(Math.Min(1.0, timeScale));
        options.Waiting.MaxWait = TimeSpan.FromMinutes(5);
        var client = new ApiframeClient(options);
        async Task<(bool Ok, double Seconds, string? Error)> RunJob(int i)
        {
            var request = new ProducerRequest($"scale test track {i}") { Params = new ProducerParams { Seed = $"scale-{i}", Weirdness = 0.05 * (i % 21) } };
            var watch = Stopwatch.StartNew();
            try
            {
                var result = await client.Producer.GenerateAsync(request);
                return (result.Tracks.Count > 0, watch.Elapsed.TotalSeconds, null);
            }
            catch (ProducerGenException exception)
            {
                return (false, watch.Elapsed.TotalSeconds, exception.GetType().Name + ": " + exception.Message);
            }
        }

        return (RunJob, new Disposables(client, listener));
    }

    private static (Func<int, Task<(bool Ok, double Seconds, string? Error)>> RunJob, IDisposable Client) FloorJobs(Uri baseAddress, double timeScale, Action<int> countPolls)
    {
        // DefaultApiKey is a constant: the compiler copies it in, so the floor's process does not load the emulator's assembly for it.
        var client = new FloorScaleClient(baseAddress, EmulatorOptions.DefaultApiKey, TimeSpan.FromSeconds(45 * timeScale), connections: 100, () => countPolls(1));
        async Task<(bool Ok, double Seconds, string? Error)> RunJob(int i)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                return (await client.RunJobAsync(i), watch.Elapsed.TotalSeconds, null);
            }
            catch (HttpRequestException exception)
            {
                return (false, watch.Elapsed.TotalSeconds, exception.GetType().Name + ": " + exception.Message);
            }
        }

        return (RunJob, client);
    }

    private sealed class Disposables(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
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

    private static long ReadStatusKilobytes(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
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

    /// <summary>Anonymous and file-backed resident memory (Linux only; zeros elsewhere): tells the GC heap and native buffers from
    /// mapped assemblies and code pages, which <see cref="Process.WorkingSet64"/> adds together.</summary>
    private static (long Anonymous, long File) ReadRss()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return (0, 0);
        }

        long anonymous = 0, file = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anonymous = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                file = Kilobytes(line) * 1024;
            }
        }

        return (anonymous, file);

        static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static double DoubleOption(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
