using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Apiframe;
using Microsoft.Extensions.Time.Testing;
using ProducerGen;

namespace ProducerGen.Benchmarks.Waiting;

/// <summary>
/// <c>-- waiting</c>: job waiting on simulated time. Every job is submitted and waited for through the generated
/// <see cref="ApiframeClient"/> (the real <see cref="JobsClient.WaitAsync(JobHandle, IProgress{JobProgress}?, CancellationToken)"/>,
/// retry pipeline, JSON parsing and clamping) against an in-memory handler that answers from a <see cref="FakeTimeProvider"/>
/// clock with the emulator's progress model. The clock jumps straight to each pause's end, so the run takes seconds.
/// </summary>
internal static class WaitingSimulation
{
    /// <summary>The share of a job's duration the simulated server reports it queued with progress 0 (<c>EmulatedJob.QueuedFraction</c>).</summary>
    internal const double EmulatorQueuedFraction = 0.1;

    public sealed record Row(string Policy, bool? Progress, int Jobs, double MeanPolls, double MeanDelay, double P95Delay, double MaxDelay, string Workload = "45 s");

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = IntOption(args, "--jobs", 2000);
        var svg = StringOption(args, "--svg", "polling.svg");
        var cost = StringOption(args, "--cost", string.Empty); // what-if runs: the adaptive policy's poll cost fraction
        var adaptivePolicy = cost.Length == 0 ? AdaptivePollingPolicy.Default : new AdaptivePollingPolicy(pollCostFraction: double.Parse(cost, CultureInfo.InvariantCulture));
        var durations = Durations(jobs);
        Console.WriteLine($"Job waiting: {jobs} jobs, log-normal durations (median 45 s, sigma 0.45, clamped 20-120 s; mean {durations.Average():0.0} s), model averageCompletion 45 s,");
        Console.WriteLine("Waiting options at their defaults (min 1 s, max 30 s); progress as the emulator reports it (QUEUED with 0 for the first 10 %, then floor of linear progress, 100 at COMPLETED).");
        var stopwatch = Stopwatch.StartNew();

        var rows = new List<Row>
        {
            await RunPolicyAsync("adaptive", adaptivePolicy, durations, progress: true),
            await RunPolicyAsync("adaptive", adaptivePolicy, durations, progress: false),
            await RunPolicyAsync("fixed 2 s (provider page)", new FixedIntervalPolicy(TimeSpan.FromSeconds(2)), durations, progress: true),
            await RunPolicyAsync("2 s x1.5 cap 5 s (provider SDK)", new ExponentialBackoffPolicy(TimeSpan.FromSeconds(2), 1.5, TimeSpan.FromSeconds(5)), durations, progress: true),
            Webhooks(durations.Length),
        };

        var fixedRow = rows.Single(r => r.Policy.StartsWith("fixed", StringComparison.Ordinal));
        var backoffRow = rows.Single(r => r.Policy.StartsWith("2 s", StringComparison.Ordinal));
        Console.WriteLine();
        Console.WriteLine("| policy | progress | polls/job | vs fixed 2 s | vs x1.5 | mean delay | p95 delay | max delay |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var progress = r.Progress switch { true => "reported", false => "none", null => "n/a" };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Policy} | {progress} | {r.MeanPolls:0.00} | {Ratio(r.MeanPolls, fixedRow.MeanPolls)} | {Ratio(r.MeanPolls, backoffRow.MeanPolls)} | {r.MeanDelay:0.00} s | {r.P95Delay:0.00} s | {r.MaxDelay:0.00} s |"));
        }

        // The short workload, like the issue's independent fake of the provider: about 6 s jobs whose progress is not the
        // emulator's straight line (so the policy is checked against more than its own assumptions).
        var shortJobs = ShortJobs(jobs);
        Console.WriteLine();
        Console.WriteLine($"Short jobs: {jobs} jobs, log-normal durations (median 6 s, sigma 0.2, clamped 3-12 s; mean {shortJobs.Average(j => j.Duration):0.00} s), Waiting.AverageCompletion 6 s,");
        Console.WriteLine("progress at the provider's integer granularity with noise: queued 5-20 %, non-linear curves, coarse steps (1, 5 or 10), stalls followed by jumps.");
        var shortRows = new List<Row>
        {
            await RunPolicyAsync("adaptive", adaptivePolicy, shortJobs, progress: true, average: TimeSpan.FromSeconds(6)),
            await RunPolicyAsync("adaptive", adaptivePolicy, shortJobs, progress: false, average: TimeSpan.FromSeconds(6)),
            await RunPolicyAsync("fixed 2 s (provider page)", new FixedIntervalPolicy(TimeSpan.FromSeconds(2)), shortJobs, progress: true, average: TimeSpan.FromSeconds(6)),
            await RunPolicyAsync("2 s x1.5 cap 5 s (provider SDK)", new ExponentialBackoffPolicy(TimeSpan.FromSeconds(2), 1.5, TimeSpan.FromSeconds(5)), shortJobs, progress: true, average: TimeSpan.FromSeconds(6)),
        };
        Console.WriteLine();
        Console.WriteLine("| workload | policy | progress | polls/job | mean delay | p95 delay | max delay |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows.Concat(shortRows).Where(r => r.MeanPolls > 0))
        {
            var progress = r.Progress switch { true => "reported", false => "none", null => "n/a" };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Workload} | {r.Policy} | {progress} | {r.MeanPolls:0.00} | {r.MeanDelay:0.00} s | {r.P95Delay:0.00} s | {r.MaxDelay:0.00} s |"));
        }

        var shortAdaptive = shortRows[0];
        var adaptive = rows[0];
        var issue20 = adaptive.MeanPolls <= 3.0 && adaptive.MeanDelay <= 0.3 && shortAdaptive.MeanPolls <= 3 && shortAdaptive.MeanDelay <= 0.5;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Issue 20 target 3 (with progress: 45 s <= 3.0 polls, <= 0.3 s; 6 s <= 3 polls, <= 0.5 s): {(issue20 ? "MET" : "NOT MET")} (45 s: {adaptive.MeanPolls:0.00} polls, {adaptive.MeanDelay:0.00} s; 6 s: {shortAdaptive.MeanPolls:0.00} polls, {shortAdaptive.MeanDelay:0.00} s)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Three polls knowing each job's duration (2nd poll 0.5 s / 2 s / 5 s before the end, 3rd at the latest end both readings allow): mean delay {ClairvoyantBound.MeanDelay(durations, 0.5):0.000} / {ClairvoyantBound.MeanDelay(durations, 2):0.000} / {ClairvoyantBound.MeanDelay(durations, 5):0.000} s."));
        var met = adaptive.MeanPolls <= 5 && adaptive.MeanDelay <= 1.5 && adaptive.MeanPolls < fixedRow.MeanPolls && adaptive.MeanPolls < backoffRow.MeanPolls;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Target 3 (adaptive with progress: <= 5 polls/job, mean delay <= 1.5 s, fewer polls than both baselines): {(met ? "MET" : "NOT MET")} ({adaptive.MeanPolls:0.00} polls, {adaptive.MeanDelay:0.00} s)."));
        Console.WriteLine();
        Console.WriteLine("Held submission (api.jobs.hold, Replicate's 'Prefer: wait=60'): GenerateAsync through the runtime's hold; the server holds the");
        Console.WriteLine("POST until the job is done or 60 s have passed, then answers with the job; requests/job counts the submission too.");
        var heldRows = new List<(Row Row, Row Unheld)>
        {
            (await RunHeldAsync("adaptive + 60 s hold", adaptivePolicy, shortJobs, progress: true, average: TimeSpan.FromSeconds(6), "6 s", holdSeconds: 60), shortRows[0]),
            (await RunHeldAsync("adaptive + 60 s hold", adaptivePolicy, durations.Select(d => new JobSpec(d, null)).ToArray(), progress: true, average: null, "45 s", holdSeconds: 60), rows[0]),
        };
        Console.WriteLine();
        Console.WriteLine("| workload | policy | requests/job (with the submission) | polls/job | mean delay | p95 delay | max delay |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (held, unheld) in heldRows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {unheld.Workload} | adaptive, no hold | {unheld.MeanPolls + 1:0.00} | {unheld.MeanPolls:0.00} | {unheld.MeanDelay:0.00} s | {unheld.P95Delay:0.00} s | {unheld.MaxDelay:0.00} s |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {held.Workload} | {held.Policy} | {held.MeanPolls + 1:0.00} | {held.MeanPolls:0.00} | {held.MeanDelay:0.00} s | {held.P95Delay:0.00} s | {held.MaxDelay:0.00} s |"));
        }

        File.WriteAllText(svg, PollingChart.Render(rows));
        Console.WriteLine($"Chart: {Path.GetFullPath(svg)}; simulated in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static string Ratio(double value, double baseline) => baseline <= 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{value / baseline:0.00}x");

    /// <summary>Log-normal durations around <paramref name="median"/> seconds, clamped to [20, 120] (the same draw as the runtime's polling tests).</summary>
    public static double[] Durations(int count, double median = 45, double sigma = 0.45, int seed = 42)
    {
        var random = new Random(seed);
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            result[i] = Math.Clamp(median * Math.Exp(sigma * normal), 20, 120);
        }

        return result;
    }

    /// <summary>
    /// The short workload: log-normal durations around <paramref name="median"/> seconds, clamped to [3, 12], each job with its own
    /// noisy progress shape (<see cref="ProgressShape"/>).
    /// </summary>
    public static JobSpec[] ShortJobs(int count, double median = 6, double sigma = 0.2, int seed = 2020)
    {
        var random = new Random(seed);
        var result = new JobSpec[count];
        int[] steps = [1, 5, 10];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            var duration = Math.Clamp(median * Math.Exp(sigma * normal), 3, 12);
            var stall = random.NextDouble() < 0.5;
            var shape = new ProgressShape(
                QueuedFraction: 0.05 + (0.15 * random.NextDouble()),
                Exponent: Math.Exp((random.NextDouble() * 0.6) - 0.3), // progress ∝ u^γ, γ in [0.74, 1.35]: front- or back-loaded
                Step: steps[random.Next(steps.Length)],
                StallStart: stall ? 0.2 + (0.5 * random.NextDouble()) : 2,
                StallLength: stall ? 0.05 + (0.15 * random.NextDouble()) : 0);
            result[i] = new JobSpec(duration, shape);
        }

        return result;
    }

    public static Task<Row> RunPolicyAsync(string name, IPollingPolicy policy, IReadOnlyList<double> durations, bool progress) =>
        RunPolicyAsync(name, policy, durations.Select(d => new JobSpec(d, null)).ToArray(), progress, average: null, workload: "45 s");

    public static async Task<Row> RunPolicyAsync(string name, IPollingPolicy policy, IReadOnlyList<JobSpec> specs, bool progress, TimeSpan? average, string workload = "6 s")
    {
        var durations = specs.Select(j => j.Duration).ToArray();
        var clock = new SimClock();
        var server = new SimServer(clock, progress);
        using var http = new HttpClient(server);
        var options = new ApiframeClientOptions { ApiKey = "afk_simulation", BaseAddress = new Uri("https://api.simulated.test"), TimeProvider = clock };
        options.Waiting.AverageCompletion = average;
        if (Environment.GetEnvironmentVariable("PRODUCERGEN_WAIT_MAX_POLL") is { } maxPoll)
        {
            options.Waiting.MaxPollInterval = TimeSpan.FromSeconds(double.Parse(maxPoll, CultureInfo.InvariantCulture)); // what-if runs: how much the 30 s cap costs
        }
        options.Waiting.PollingPolicy = new SignallingPolicy(policy, clock);
        using var client = new ApiframeClient(options, http);
        var request = new ProducerRequest("an upbeat synthwave track with a driving bassline") { Params = new ProducerParams { Weirdness = 0.35 } };

        var polls = new double[durations.Length];
        var delays = new double[durations.Length];
        for (var i = 0; i < durations.Length; i++)
        {
            server.NextDuration = TimeSpan.FromSeconds(durations[i]);
            server.NextShape = specs[i].Shape;
            var handle = await client.Producer.SubmitAsync(request);
            var job = server.Current!;
            var done = await OnSimulatedClockAsync(client.Jobs.WaitAsync(handle), clock);
            if (!done.IsSucceeded)
            {
                throw new InvalidOperationException($"job {job.Id} ended {done.Status}");
            }

            polls[i] = job.Polls;
            delays[i] = (clock.GetUtcNow() - job.CompletesAt).TotalSeconds;
        }

        var sorted = delays.Order().ToArray();
        var row = new Row(name, policy is FixedIntervalPolicy or ExponentialBackoffPolicy ? null : progress, durations.Length, polls.Average(), delays.Average(), sorted[(int)(0.95 * (sorted.Length - 1))], sorted[^1], workload);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {workload,-4} {name,-34} progress={(progress ? "yes" : "no "),-3}  {row.MeanPolls,6:0.00} polls/job  mean delay {row.MeanDelay:0.000} s  p95 {row.P95Delay:0.00} s  polls: {string.Join(' ', polls.GroupBy(p => p).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"))}  delays over 1.5 s: {delays.Count(d => d > 1.5)} (sum {delays.Where(d => d > 1.5).Sum():0.0} s)"));
        return row;
    }

    /// <summary>Runs <paramref name="wait"/> to its end, jumping the clock to each pause the wait arms (none is waited out in real time).</summary>
    private static async Task<Job> OnSimulatedClockAsync(Task<Job> wait, SimClock clock)
    {
        while (!wait.IsCompleted)
        {
            var ready = clock.Delays.WaitToReadAsync().AsTask();
            await Task.WhenAny(wait, ready);
            if (clock.Delays.TryRead(out var due))
            {
                clock.Advance(due);
            }
        }

        return await wait;
    }

    /// <summary>
    /// Submit-and-wait through the runtime's held submission (<see cref="SubmissionHold"/>): the simulated server holds the POST until the
    /// job is done or <paramref name="holdSeconds"/> have passed on the simulated clock and answers with the job; a job still running is
    /// polled by the adaptive policy as usual. The row's polls are the GETs after the held submission (the submission is not in them).
    /// </summary>
    public static async Task<Row> RunHeldAsync(string name, IPollingPolicy policy, IReadOnlyList<JobSpec> specs, bool progress, TimeSpan? average, string workload, int holdSeconds)
    {
        var clock = new SimClock();
        var server = new SimServer(clock, progress) { HoldSeconds = holdSeconds };
        using var http = new HttpClient(server);
        var options = new ApiframeClientOptions { ApiKey = "afk_simulation", BaseAddress = new Uri("https://api.simulated.test"), TimeProvider = clock };
        options.Waiting.AverageCompletion = average;
        options.Waiting.PollingPolicy = new SignallingPolicy(policy, clock);
        var v1 = ApiframeClient.Description;
        var api = new ApiDescription(
            v1.Name, v1.DefaultBaseAddress, v1.AuthHeader, v1.AuthEnvironmentVariable, v1.IdempotencyHeader, v1.IdempotencyKeyMaxLength, v1.JobGetPath, v1.JobIdField,
            v1.PendingStatuses, v1.SucceededStatuses, v1.FailedStatuses, v1.WebhookSignatureHeader, v1.WebhookEventHeader,
            submissionHold: new SubmissionHold("Prefer", "wait={seconds}", holdSeconds));
        using var client = new ProducerGenClient(api, options, http);
        var model = new ModelDescription("producer", "POST", "/v2/music/generate", average ?? TimeSpan.FromSeconds(45));
        var request = new ProducerRequest("an upbeat synthwave track with a driving bassline") { Params = new ProducerParams { Weirdness = 0.35 } };

        var polls = new double[specs.Count];
        var delays = new double[specs.Count];
        var held = 0;
        for (var i = 0; i < specs.Count; i++)
        {
            server.NextDuration = TimeSpan.FromSeconds(specs[i].Duration);
            server.NextShape = specs[i].Shape;
            var done = await OnSimulatedClockAsync(client.SubmitAndWaitAsync(model, request), clock);
            var job = server.Current!;
            if (!done.IsSucceeded)
            {
                throw new InvalidOperationException($"job {job.Id} ended {done.Status}");
            }

            held += job.Held ? 1 : 0;
            polls[i] = job.Polls;
            delays[i] = Math.Max(0, (clock.GetUtcNow() - job.CompletesAt).TotalSeconds); // a held answer is the completion (the fake timer may wake a tick early)
        }

        var sorted = delays.Order().ToArray();
        var row = new Row(name, progress, specs.Count, polls.Average(), delays.Average(), sorted[(int)(0.95 * (sorted.Length - 1))], sorted[^1], workload);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {workload,-4} {name,-34} progress={(progress ? "yes" : "no "),-3}  {row.MeanPolls + 1,6:0.00} requests/job ({row.MeanPolls:0.00} polls after the held submission; {held} of {specs.Count} held)  mean delay {row.MeanDelay:0.00} s  p95 {row.P95Delay:0.00} s  polls: {string.Join(' ', polls.GroupBy(p => p).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"))}"));
        return row;
    }

    /// <summary>
    /// The webhook path: no polls. Detection delay = delivery latency, modelled on the emulator's dispatcher: it looks for due events
    /// every 250 ms (uniform wait 0–0.25 s), the POST takes a log-normal 150 ms median (σ 0.5) over the internet, and 2 % of first
    /// attempts fail and are retried after the emulator's 1 s retry delay.
    /// </summary>
    private static Row Webhooks(int count)
    {
        var random = new Random(7);
        var delays = new double[count];
        for (var i = 0; i < count; i++)
        {
            double Post()
            {
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                return 0.150 * Math.Exp(0.5 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }

            var delay = (random.NextDouble() * 0.25) + Post();
            if (random.NextDouble() < 0.02)
            {
                delay += 1.0 + Post();
            }

            delays[i] = delay;
        }

        var sorted = delays.Order().ToArray();
        var row = new Row("webhook (modelled delivery)", null, count, 0, delays.Average(), sorted[(int)(0.95 * (sorted.Length - 1))], sorted[^1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.Policy,-34} progress=n/a  {row.MeanPolls,6:0.00} polls/job  mean delay {row.MeanDelay:0.00} s"));
        return row;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string StringOption(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>A <see cref="FakeTimeProvider"/> that reports the pause the client's wait loop arms next (the timer created right after the policy was asked).</summary>
    private sealed class SimClock : TimeProvider
    {
        private readonly FakeTimeProvider _inner = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        private readonly Channel<TimeSpan> _delays = Channel.CreateUnbounded<TimeSpan>();
        private int _armed;

        public ChannelReader<TimeSpan> Delays => _delays.Reader;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override long TimestampFrequency => _inner.TimestampFrequency;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void Advance(TimeSpan by) => _inner.Advance(by);

        public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

        public override long GetTimestamp() => _inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = _inner.CreateTimer(callback, state, dueTime, period);
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _delays.Writer.TryWrite(dueTime);
            }

            return timer;
        }
    }

    /// <summary>Passes the pause through unchanged; tells the clock that the next timer is the wait loop's pause.</summary>
    private sealed class SignallingPolicy(IPollingPolicy inner, SimClock clock) : IPollingPolicy
    {
        private static readonly bool Trace = Environment.GetEnvironmentVariable("PRODUCERGEN_WAIT_TRACE") == "1"; // every pause, for tuning

        public TimeSpan NextDelay(PollContext context)
        {
            var delay = inner.NextDelay(context);
            if (Trace)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {context.JobId} t={context.Elapsed.TotalSeconds:0.00} p={context.Progress} -> {delay.TotalSeconds:0.00}"));
            }

            clock.Arm();
            return delay;
        }
    }

    /// <summary>One job of a workload: its duration and, when not the emulator's straight line, the shape of its progress.</summary>
    public sealed record JobSpec(double Duration, ProgressShape? Shape);

    /// <summary>
    /// A noisy progress curve: queued (progress 0) for <paramref name="QueuedFraction"/> of the duration; then, with u the share of
    /// processing done, progress 100·u^<paramref name="Exponent"/> (not linear in time), held still between <paramref name="StallStart"/>
    /// and <paramref name="StallStart"/> + <paramref name="StallLength"/> (a stall, then a jump back to the curve), reported rounded down
    /// to a multiple of <paramref name="Step"/> and capped at 99 until the job completes.
    /// </summary>
    public sealed record ProgressShape(double QueuedFraction, double Exponent, int Step, double StallStart, double StallLength)
    {
        public (string Status, int Progress) At(double elapsed, double duration)
        {
            var queued = duration * QueuedFraction;
            if (elapsed < queued)
            {
                return ("QUEUED", 0);
            }

            var u = (elapsed - queued) / (duration - queued);
            if (u > StallStart && u < StallStart + StallLength)
            {
                u = StallStart;
            }

            var value = (int)Math.Floor(100 * Math.Pow(u, Exponent));
            return ("PROCESSING", Math.Clamp(value / Step * Step, 0, 99));
        }
    }

    /// <summary>One simulated job.</summary>
    private sealed class SimJob(string id, DateTimeOffset createdAt, TimeSpan duration, ProgressShape? shape)
    {
        public ProgressShape? Shape { get; } = shape;

        public string Id { get; } = id;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public TimeSpan Duration { get; } = duration;

        public DateTimeOffset CompletesAt => CreatedAt + Duration;

        public int Polls { get; set; }

        /// <summary>Whether the submission asked for a hold (and so was answered late, with the job).</summary>
        public bool Held { get; set; }
    }

    /// <summary>
    /// Answers the submission (202) and the job GETs with the emulator's state model (<c>EmulatedJob.Snapshot</c> in
    /// runtime/ProducerGen.Emulator/Jobs/EmulatedJob.cs): QUEUED with progress 0 for the first 10 % of the duration, then PROCESSING with
    /// <c>floor(100 · (elapsed − queued) / (duration − queued))</c> capped at 99, then COMPLETED with 100. Without progress, <c>progress</c> is null.
    /// </summary>
    private sealed class SimServer(TimeProvider clock, bool reportProgress) : HttpMessageHandler
    {
        private int _next;

        public TimeSpan NextDuration { get; set; }

        public ProgressShape? NextShape { get; set; }

        public SimJob? Current { get; private set; }

        /// <summary>The longest hold granted to a submission carrying <c>Prefer: wait=n</c>; 0 ignores the header.</summary>
        public int HoldSeconds { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            if (request.Method == HttpMethod.Post)
            {
                Current = new SimJob($"job-{++_next}", now, NextDuration, NextShape);
                if (HoldSeconds > 0 && request.Headers.TryGetValues("Prefer", out var prefer) && prefer.FirstOrDefault() is { } value && value.StartsWith("wait=", StringComparison.Ordinal))
                {
                    // Held: answered once the job is done or the hold has passed, on the simulated clock, with the job as a poll answers it.
                    var hold = TimeSpan.FromSeconds(Math.Min(HoldSeconds, int.Parse(value["wait=".Length..], CultureInfo.InvariantCulture)));
                    var until = Current.CompletesAt < now + hold ? Current.CompletesAt : now + hold;
                    Current.Held = true;
                    ((SimClock)clock).Arm();
                    await Task.Delay(until - now, clock, cancellationToken);
                    // The fake clock's timer may wake a tick before 'until': the server answers as of the moment it chose.
                    var at = clock.GetUtcNow() < until ? until : clock.GetUtcNow();
                    return Json(HttpStatusCode.Created, JobBody(Current, at));
                }

                return Json(HttpStatusCode.Accepted, $$"""{"jobId":"{{Current.Id}}","status":"QUEUED"}""");
            }

            var job = Current!;
            job.Polls++;
            return Json(HttpStatusCode.OK, JobBody(job, now));
        }

        private string JobBody(SimJob job, DateTimeOffset now)
        {
            var elapsed = now - job.CreatedAt;
            var queued = job.Duration * EmulatorQueuedFraction;
            string status;
            int progress;
            if (elapsed >= job.Duration)
            {
                (status, progress) = ("COMPLETED", 100);
            }
            else if (job.Shape is { } shape)
            {
                (status, progress) = shape.At(elapsed.TotalSeconds, job.Duration.TotalSeconds);
            }
            else if (elapsed < queued)
            {
                (status, progress) = ("QUEUED", 0);
            }
            else if (elapsed < job.Duration)
            {
                (status, progress) = ("PROCESSING", Math.Clamp((int)Math.Floor((elapsed - queued) / (job.Duration - queued) * 100), 0, 99));
            }
            else
            {
                (status, progress) = ("COMPLETED", 100);
            }

            var done = status == "COMPLETED";
            var progressJson = reportProgress ? progress.ToString(CultureInfo.InvariantCulture) : "null";
            var created = job.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
            var completed = done ? "\"" + job.CompletesAt.ToString("O", CultureInfo.InvariantCulture) + "\"" : "null";
            var result = done ? """{"tracks":[{"id":"t1","audioUrl":"https://cdn.simulated.test/t1.mp3","imageUrl":"https://cdn.simulated.test/t1.jpg","title":"Sim","duration":120.5}]}""" : "null";
            return $$"""{"id":"{{job.Id}}","status":"{{status}}","model":"producer","progress":{{progressJson}},"error":null,"creditCost":10,"webhookStatus":null,"createdAt":"{{created}}","completedAt":{{completed}},"expired":false,"result":{{result}}}""";
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
