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

namespace ProducerGen.Benchmarks.Scale;

/// <summary>
/// The measured side of <c>-- scale</c>: runs N concurrent Producer jobs through one generated <see cref="ApiframeClient"/> (or the
/// hand-written <see cref="FloorScaleClient"/>) against an emulator already listening, samples the process's GC heap, working set,
/// RSS split and threads every 100 ms, counts polls per second with the runtime's <c>producergen.polls</c> counter, and prints the
/// kernel's peak resident set (<c>VmHWM</c>). Compiled into the benchmark program (a JIT process) and into
/// <c>ProducerGen.Benchmarks.AotClient</c> (the same code published as Native AOT), so both read the same figures.
/// </summary>
internal static class ScaleClientRun
{
    /// <summary>Issue 20's target for 1,000 jobs (issue 9's was 100 MB).</summary>
    private const int TargetMegabytes = 60;

    /// <summary>How the summary's first line names the client.</summary>
    public static string ClientName(bool floor) => floor ? "the hand-written floor client (FloorScaleClient)" : "one ApiframeClient";

    /// <summary>The number after <paramref name="name"/> in <paramref name="args"/>, or <paramref name="fallback"/>.</summary>
    public static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Runs the jobs and prints the summary; 0 when every job completed.</summary>
    /// <param name="baseAddress">The emulator's address.</param>
    /// <param name="apiKey">The emulator's key.</param>
    /// <param name="jobs">How many jobs run at once.</param>
    /// <param name="timeScale">The emulator's time scale (the client's waiting options follow it).</param>
    /// <param name="floor">Run the hand-written floor client instead of the generated one.</param>
    /// <param name="stopEmulator">Stops an emulator this process started and says what it served; null when a parent owns it.</param>
    public static async Task<int> RunAsync(Uri baseAddress, string apiKey, int jobs, double timeScale, bool floor, Func<string>? stopEmulator)
    {
        var polls = new ConcurrentDictionary<long, int>();
        var clock = Stopwatch.StartNew();
        void CountPolls(int value) => polls.AddOrUpdate(clock.ElapsedMilliseconds / 1000, value, (_, n) => n + value);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var (heapBefore, workingSetBefore, threadsBefore) = (GC.GetTotalMemory(true), process.WorkingSet64, process.Threads.Count);
        var rssBefore = ReadRss();
        var (allocatedBefore, gen0Before, gen2Before) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(2));

        // Built in methods of their own, so the floor's process never loads ProducerGen's assemblies (the JIT loads what a method names).
        var (runJob, client) = floor ? FloorJobs(baseAddress, apiKey, timeScale, CountPolls) : GeneratedJobs(baseAddress, apiKey, timeScale, CountPolls);
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
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore; // the sampler's share is a few KB a second
        var (gen0s, gen2s) = (GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);
        await sampling.CancelAsync();
        await sampler;

        var emulatorRequests = stopEmulator?.Invoke() ?? "(reported by the parent)";
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
        Console.WriteLine(string.Create(inv, $"allocated: {allocated / 1048576.0:0.0} MB in all, {allocated / 1024.0 / jobs:0.0} KB per job, {allocated / Math.Max(1.0, totalPolls + jobs):0} B per request (submission or poll); {gen0s} gen-0 collections, {gen2s} gen-2"));
        Console.WriteLine(string.Create(inv, $"client threads: {threadsBefore} before, peak {peakThreads} (thread-pool threads peak {peakPoolThreads})"));
        Console.WriteLine(string.Create(inv, $"polls: {totalPolls} ({(double)totalPolls / jobs:0.00} per job), peak {peakPollsPerSecond} polls/s (1 s buckets of the producergen.polls counter); emulator served {emulatorRequests} (submissions + polls)"));
        return completed == jobs ? 0 : 1;
    }

    private static (Func<int, Task<(bool Ok, double Seconds, string? Error)>> RunJob, IDisposable Client) GeneratedJobs(Uri baseAddress, string apiKey, double timeScale, Action<int> countPolls)
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
        var options = new ApiframeClientOptions { ApiKey = apiKey, BaseAddress = baseAddress };
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

    private static (Func<int, Task<(bool Ok, double Seconds, string? Error)>> RunJob, IDisposable Client) FloorJobs(Uri baseAddress, string apiKey, double timeScale, Action<int> countPolls)
    {
        var client = new FloorScaleClient(baseAddress, apiKey, TimeSpan.FromSeconds(45 * timeScale), connections: 100, () => countPolls(1));
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

    private static long ReadStatusKilobytes(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
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
}
