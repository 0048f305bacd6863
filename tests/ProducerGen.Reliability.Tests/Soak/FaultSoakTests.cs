using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen.Emulator;
using ProducerGen.Reliability.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Reliability.Tests.Soak;

/// <summary>
/// One client submits and waits for many jobs at once while the emulator drops connections (before and after the job is
/// created), answers 503 and bursts of 429 with Retry-After, adds latency and fails some jobs. Every job must end in exactly one
/// outcome, no submission may be billed twice, every completed result must download byte-identical, every failure must carry
/// the job's error.
/// </summary>
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    private const double TimeScale = 0.01; // a 45 s Producer job takes ~0.45 s

    [Fact]
    public Task Fast_soak_100_jobs_16_in_flight() => SoakAsync("soak-fast", jobs: 100, inFlight: 16, referenceEvery: 4);

    [LongFact]
    [Trait("Category", "Long")]
    public Task Long_soak_1000_jobs_32_in_flight() => SoakAsync("soak-long", jobs: 1000, inFlight: 32, referenceEvery: 1);

    /// <param name="referenceEvery">Every completed job's files are downloaded through the runtime; every n-th job's are also
    /// fetched raw from the emulator and compared byte for byte (1 in the long run; the fast run samples to stay quick).</param>
    private async Task SoakAsync(string name, int jobs, int inFlight, int referenceEvery)
    {
        var faults = new FaultOptions
        {
            Seed = 8,
            DropBeforeCreateRate = 0.05,
            DropAfterCreateRate = 0.05,
            UnavailableRate = 0.05,
            RateLimitRate = 0.01,
            RateLimitBurst = 4,
            RetryAfter = TimeSpan.FromSeconds(1),
            MinLatency = TimeSpan.Zero,
            MaxLatency = TimeSpan.FromMilliseconds(30),
            FailJobRate = 0.02,
        };
        await using var emulator = await ApiEmulator.StartAsync(new EmulatorOptions { TimeScale = TimeScale, Faults = faults });
        using var telemetry = new TelemetryCapture();
        var options = new ApiframeClientOptions { ApiKey = EmulatorOptions.DefaultApiKey, BaseAddress = emulator.BaseAddress };
        options.Retry.MaxRetries = 8;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Waiting.AverageCompletion = TimeSpan.FromSeconds(45 * TimeScale);
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(25);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(250);
        options.Waiting.MaxWait = TimeSpan.FromMinutes(2);
        using var client = new ApiframeClient(options);
        using var reference = new HttpClient(); // the emulator's own bytes, fetched without the runtime (files are never faulted)

        var outcomes = new ConcurrentDictionary<int, string>();
        var doubleOutcomes = 0;
        var problems = new ConcurrentQueue<string>();
        var jobIds = new ConcurrentDictionary<int, string>();
        long downloadedFiles = 0, downloadedBytes = 0, comparedFiles = 0;
        void Outcome(int i, string outcome)
        {
            if (!outcomes.TryAdd(i, outcome))
            {
                Interlocked.Increment(ref doubleOutcomes);
                problems.Enqueue($"job {i}: second outcome {outcome} after {outcomes[i]}");
            }
        }

        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(inFlight);
        var tasks = Enumerable.Range(0, jobs).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var request = new ProducerRequest($"soak track {i}: an upbeat synthwave loop")
                {
                    Params = new ProducerParams { Seed = $"soak-{i}", Weirdness = 0.05 * (i % 21), Title = $"Soak {i}" },
                };
                var handle = await client.Producer.SubmitAsync(request, new RequestOptions { IdempotencyKey = $"soak-{name}-{i:D5}" });
                jobIds[i] = handle.Id;
                try
                {
                    var result = await client.Producer.WaitAsync(handle.Id);
                    var urls = result.OutputUrls;
                    if (urls.Count == 0)
                    {
                        problems.Enqueue($"job {i}: completed without output URLs");
                    }

                    foreach (var url in urls)
                    {
                        using var downloaded = new MemoryStream();
                        var count = await client.Runtime.DownloadAsync(url, downloaded);
                        if (count != downloaded.Length)
                        {
                            problems.Enqueue($"job {i}: {url} reported {count} bytes, wrote {downloaded.Length}");
                        }

                        if (i % referenceEvery == 0)
                        {
                            var expected = await reference.GetByteArrayAsync(url);
                            Interlocked.Increment(ref comparedFiles);
                            if (count != expected.Length || !downloaded.ToArray().AsSpan().SequenceEqual(expected))
                            {
                                problems.Enqueue($"job {i}: {url} downloaded {count} bytes, not the emulator's {expected.Length}");
                            }
                        }

                        Interlocked.Increment(ref downloadedFiles);
                        Interlocked.Add(ref downloadedBytes, count);
                    }

                    if (emulator.GetJobStatus(Guid.Parse(handle.Id)) != "COMPLETED")
                    {
                        problems.Enqueue($"job {i}: reported completed, emulator says {emulator.GetJobStatus(Guid.Parse(handle.Id))}");
                    }

                    Outcome(i, "completed");
                }
                catch (JobFailedException failed)
                {
                    if (string.IsNullOrWhiteSpace(failed.JobError) || !failed.Message.Contains(failed.JobError, StringComparison.Ordinal) || failed.Job.Id != handle.Id)
                    {
                        problems.Enqueue($"job {i}: failure without its error: {failed.Message}");
                    }

                    if (emulator.GetJobStatus(Guid.Parse(handle.Id)) != "FAILED")
                    {
                        problems.Enqueue($"job {i}: reported failed, emulator says {emulator.GetJobStatus(Guid.Parse(handle.Id))}");
                    }

                    Outcome(i, "failed");
                }
            }
            catch (Exception e)
            {
                problems.Enqueue($"job {i}: {e.GetType().Name}: {e.Message}");
                Outcome(i, "error");
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        clock.Stop();

        var stats = emulator.Stats;
        var completed = outcomes.Values.Count(o => o == "completed");
        var failedJobs = outcomes.Values.Count(o => o == "failed");
        var errors = outcomes.Values.Count(o => o == "error");
        var lost = jobs - outcomes.Count;
        var duplicates = jobIds.Keys.Sum(i => Math.Max(0, stats.JobsCreatedForIdempotencyKey($"soak-{name}-{i:D5}") - 1));
        var retries = telemetry.Sum("producergen.retries");
        new Figures(name)
            .Add("jobs", jobs)
            .Add("in flight", inFlight)
            .Add("completed", completed)
            .Add("failed (with error)", failedJobs)
            .Add("errors", errors)
            .Add("lost (no outcome)", lost)
            .Add("double outcomes", doubleOutcomes)
            .Add("jobs created", stats.JobsCreated)
            .Add("duplicates", duplicates)
            .Add("max jobs per idempotency key", stats.MaxJobsPerIdempotencyKey)
            .Add("idempotent replays", stats.IdempotentReplays)
            .Add("retries (producergen.retries)", retries)
            .Add("polls (producergen.polls)", telemetry.Sum("producergen.polls"))
            .Add("requests seen by emulator", stats.Requests)
            .Add("faults drop-before-create", stats.Faults("drop-before-create"))
            .Add("faults drop-after-create", stats.Faults("drop-after-create"))
            .Add("faults 503", stats.Faults("unavailable"))
            .Add("faults 429", stats.Faults("rate-limit"))
            .Add("faults latency", stats.Faults("latency"))
            .Add("faults failed-job", stats.Faults("failed-job"))
            .Add("files downloaded", $"{downloadedFiles} ({downloadedBytes:N0} bytes)")
            .Add("  compared byte for byte with the emulator's", $"{comparedFiles} (every {referenceEvery}. job)")
            .Add("problems", problems.Count)
            .Add("wall time", $"{clock.Elapsed.TotalSeconds:F1} s")
            .Report(output);
        foreach (var problem in problems.Take(20))
        {
            output.WriteLine(problem);
        }

        Assert.Empty(problems);
        Assert.Equal(0, lost);
        Assert.Equal(0, doubleOutcomes);
        Assert.Equal(0, duplicates);
        Assert.Equal(1, stats.MaxJobsPerIdempotencyKey);
        Assert.Equal(jobs, stats.JobsCreated);
        Assert.Equal(jobs, completed + failedJobs);
        Assert.Equal(stats.Faults("failed-job"), failedJobs);
        Assert.True(stats.Faults("drop-after-create") > 0 && stats.Faults("drop-before-create") > 0 && stats.Faults("unavailable") > 0 && stats.Faults("rate-limit") > 0, "every fault kind was injected");
        Assert.True(retries >= stats.Faults("drop-before-create") + stats.Faults("drop-after-create") + stats.Faults("unavailable") + stats.Faults("rate-limit"), "every injected fault was retried");
    }
}
