using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen.Emulator;
using ProducerGen.Reliability.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Reliability.Tests.Crash;

/// <summary>
/// A client process is killed mid-wait or mid-submit; the emulator (in this process, on a fixed port given to the child)
/// outlives it, and a fresh client resumes from the job id or re-submits with the same idempotency key: one job, one result.
/// </summary>
public sealed class CrashResumeTests(ITestOutputHelper output)
{
    private const string ApiKey = "afk_crash_resume";

    private static readonly string CrasherDll = typeof(CrashResumeTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrasherDll").Value!;

    [Fact]
    public async Task A_client_killed_mid_wait_is_resumed_by_another_from_the_job_id()
    {
        await using var emulator = await StartEmulatorAsync(timeScale: 0.1); // the 45 s job takes ~4.5 s
        var idempotencyKey = "crash-mid-wait-" + Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();

        using var child = StartChild(emulator, idempotencyKey, "wait");
        var jobId = await ReadJobIdAsync(child);
        await Task.Delay(300); // the child is polling now
        var statusAtKill = emulator.GetJobStatus(Guid.Parse(jobId));
        Kill(child);

        Assert.Contains(statusAtKill, new[] { "QUEUED", "PROCESSING" });
        using var client = CreateClient(emulator);
        var result = await client.Producer.WaitAsync(jobId);
        var replay = await client.Producer.SubmitAsync(Crasher.Request(), new RequestOptions { IdempotencyKey = idempotencyKey });

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(jobId, result.Job.Id);
        Assert.Equal(jobId, replay.Id);
        Assert.Equal(1, emulator.Stats.JobsCreatedForIdempotencyKey(idempotencyKey));
        Assert.Equal(1, emulator.Stats.JobsCreated);
        await AssertDownloadsAsync(client, result);
        new Figures("crash-mid-wait").Add("job", jobId).Add("status when killed", statusAtKill).Add("jobs created", emulator.Stats.JobsCreated)
            .Add("result", result.Job.Status).Add("wall time", $"{clock.Elapsed.TotalSeconds:F1} s").Report(output);
    }

    [Fact]
    public async Task A_client_killed_mid_submit_after_the_job_was_created_is_resubmitted_with_the_same_key_to_the_same_job()
    {
        await using var emulator = await StartEmulatorAsync(timeScale: 0.01);
        emulator.Options.Faults.DropAfterCreateRate = 1; // the job exists, the child never hears so and sleeps before retrying
        var idempotencyKey = "crash-mid-submit-" + Guid.NewGuid().ToString("N");

        using var child = StartChild(emulator, idempotencyKey, "submit");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (emulator.Stats.JobsCreatedForIdempotencyKey(idempotencyKey) == 0 && !child.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.False(child.HasExited, "the child was still in its submit (sleeping before a retry)");
        Assert.Equal(1, emulator.Stats.Faults("drop-after-create"));
        Kill(child);
        emulator.Options.Faults.DropAfterCreateRate = 0;

        using var client = CreateClient(emulator);
        var handle = await client.Producer.SubmitAsync(Crasher.Request(), new RequestOptions { IdempotencyKey = idempotencyKey });
        var result = await client.Producer.WaitAsync(handle.Id);

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(1, emulator.Stats.JobsCreatedForIdempotencyKey(idempotencyKey));
        Assert.Equal(1, emulator.Stats.JobsCreated);
        Assert.Equal(1, emulator.Stats.IdempotentReplays);
        await AssertDownloadsAsync(client, result);
    }

    [Fact]
    public async Task A_submit_whose_connection_dropped_after_creation_is_recovered_by_a_new_client_instance()
    {
        await using var emulator = await StartEmulatorAsync(timeScale: 0.01);
        emulator.Options.Faults.DropAfterCreateRate = 1;
        var idempotencyKey = "drop-after-create-" + Guid.NewGuid().ToString("N");
        using (var first = CreateClient(emulator, maxRetries: 0))
        {
            await Assert.ThrowsAsync<TransportException>(() => first.Producer.SubmitAsync(Crasher.Request(), new RequestOptions { IdempotencyKey = idempotencyKey }));
        }

        emulator.Options.Faults.DropAfterCreateRate = 0;
        using var second = CreateClient(emulator);
        var result = await second.Producer.WaitAsync((await second.Producer.SubmitAsync(Crasher.Request(), new RequestOptions { IdempotencyKey = idempotencyKey })).Id);

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(1, emulator.Stats.JobsCreated);
        Assert.Equal(1, emulator.Stats.JobsCreatedForIdempotencyKey(idempotencyKey));
    }

    private static async Task<ApiEmulator> StartEmulatorAsync(double timeScale)
    {
        // A fixed port, chosen free now, so the child can be told where the emulator is before it starts.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new EmulatorOptions { Url = $"http://127.0.0.1:{port}", TimeScale = timeScale };
        options.ApiKeys.Add(new EmulatorApiKey(ApiKey));
        return await ApiEmulator.StartAsync(options);
    }

    private static ApiframeClient CreateClient(ApiEmulator emulator, int maxRetries = 3)
    {
        var options = new ApiframeClientOptions { ApiKey = ApiKey, BaseAddress = emulator.BaseAddress };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(25);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(250);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(60);
        return new ApiframeClient(options);
    }

    private static Process StartChild(ApiEmulator emulator, string idempotencyKey, string mode)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { CrasherDll, emulator.BaseAddress.ToString(), ApiKey, idempotencyKey, mode })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the crasher");
    }

    private static async Task<string> ReadJobIdAsync(Process child)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("JOB ", StringComparison.Ordinal))
            {
                return line[4..].Trim();
            }
        }

        throw new InvalidOperationException("the child ended without a job id: " + await child.StandardError.ReadToEndAsync(timeout.Token));
    }

    private static void Kill(Process child)
    {
        child.Kill(entireProcessTree: true);
        Assert.True(child.WaitForExit(10_000), "the child was killed");
        Assert.NotEqual(0, child.ExitCode);
    }

    private static async Task AssertDownloadsAsync(ApiframeClient client, ProducerResult result)
    {
        using var reference = new HttpClient();
        Assert.NotEmpty(result.OutputUrls);
        foreach (var url in result.OutputUrls)
        {
            using var downloaded = new MemoryStream();
            await client.Runtime.DownloadAsync(url, downloaded);
            Assert.Equal(await reference.GetByteArrayAsync(url), downloaded.ToArray());
        }
    }
}
