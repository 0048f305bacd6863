using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>The sample CLI run as a process, as the README tells a newcomer to: no API key, so it starts the emulator itself.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly DirectoryInfo _workDirectory = Directory.CreateTempSubdirectory("producergen-cli-");

    [Fact]
    public async Task The_readme_command_generates_wav_files_and_exits_0()
    {
        var run = await RunCliAsync("an upbeat synthwave track with a driving bassline", "--weirdness", "0.35", "--seed", "demo-1", "--out", "tracks/");

        Assert.True(run.ExitCode == 0, run.ToString());
        var connected = run.StdErr.Split('\n').Single(l => l.Contains("emulator", StringComparison.Ordinal)); // one line
        Assert.Contains("No APIFRAME_API_KEY", connected, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:", connected, StringComparison.Ordinal);
        Assert.Contains("COMPLETED", run.StdOut, StringComparison.Ordinal);
        var files = Directory.GetFiles(Path.Combine(_workDirectory.FullName, "tracks"), "*.wav");
        Assert.Equal(2, files.Length);
        foreach (var file in files)
        {
            Wav.Read(await File.ReadAllBytesAsync(file));
            Assert.Contains(Path.GetFileName(file), run.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_out_of_range_weirdness_exits_2_with_the_validators_message_and_sends_nothing()
    {
        var run = await RunCliAsync("a prompt", "--weirdness", "1.5");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("producerParams.weirdness: must be between 0 and 1 (was 1.5)", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("emulator", run.StdErr, StringComparison.Ordinal); // rejected before anything started
        Assert.Equal(string.Empty, run.StdOut);
    }

    [Fact]
    public async Task Json_and_no_wait_print_the_job_id_as_json()
    {
        var run = await RunCliAsync("a calm piano piece", "--no-wait", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        Assert.True(Guid.TryParse(json.RootElement.GetProperty("jobId").GetString(), out _));
        Assert.Equal("QUEUED", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("emulator", run.StdErr, StringComparison.Ordinal); // the connection line goes to stderr in JSON mode
    }

    [Fact]
    public async Task No_wait_then_wait_resumes_the_job_from_another_process()
    {
        await using var env = await TestEnvironment.StartAsync();
        var service = new[] { "--base-url", env.Emulator.BaseAddress.ToString() };

        var submitted = await RunCliAsync([TestEnvironment.Prompt, "--seed", "demo-1", "--no-wait", .. service], "afk_test");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var jobId = submitted.StdOut.Trim();
        Assert.True(Guid.TryParse(jobId, out _), submitted.ToString());

        var resumed = await RunCliAsync(["wait", jobId, "--json", "--out", "resumed", .. service], "afk_test");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        using var json = JsonDocument.Parse(resumed.StdOut);
        Assert.Equal(jobId, json.RootElement.GetProperty("jobId").GetString());
        var files = json.RootElement.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("file").GetString()!).ToArray();
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        Assert.Equal(1, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task Exit_codes_tell_authentication_credits_job_failure_and_timeout_apart()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.ApiKeys.Add(new ProducerGen.Emulator.EmulatorApiKey("afk_poor", Credits: 5)));
        var service = new[] { TestEnvironment.Prompt, "--json", "--base-url", env.Emulator.BaseAddress.ToString() };

        AssertExit(3, "AuthenticationException", await RunCliAsync(service, "afk_unknown"));
        AssertExit(4, "InsufficientCreditsException", await RunCliAsync(service, "afk_poor"));

        // A job that fails: submitted without waiting, then resumed once it has failed (wait reads the job at once).
        env.Emulator.Options.Faults.FailJobRate = 1;
        var submitted = await RunCliAsync([.. service, "--no-wait"], "afk_test");
        using (var accepted = JsonDocument.Parse(submitted.StdOut))
        {
            var jobId = accepted.RootElement.GetProperty("jobId").GetString()!;
            while (env.Emulator.GetJobStatus(Guid.Parse(jobId)) != "FAILED")
            {
                await Task.Delay(50);
            }

            AssertExit(5, "JobFailedException", await RunCliAsync(["wait", jobId, .. service[1..]], "afk_test"));
        }

        await using var slow = await TestEnvironment.StartAsync(o => o.TimeScale = 1); // a real 45 s job
        AssertExit(6, "JobTimeoutException", await RunCliAsync([TestEnvironment.Prompt, "--json", "--base-url", slow.Emulator.BaseAddress.ToString(), "--timeout", "0.2"], "afk_test"));

        static void AssertExit(int exitCode, string type, CliRun run)
        {
            Assert.True(run.ExitCode == exitCode, run.ToString());
            using var json = JsonDocument.Parse(run.StdOut);
            var error = json.RootElement.GetProperty("error");
            Assert.Equal(type, error.GetProperty("type").GetString());
            Assert.Equal(exitCode, error.GetProperty("exitCode").GetInt32());
        }
    }

    public void Dispose() => _workDirectory.Delete(recursive: true);

    private Task<CliRun> RunCliAsync(params string[] args) => RunCliAsync(args, apiKey: null);

    private async Task<CliRun> RunCliAsync(string[] args, string? apiKey)
    {
        var dll = typeof(CliProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProducerCliDll").Value!;
        Assert.True(File.Exists(dll), $"The CLI is not built at {dll}.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workDirectory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("APIFRAME_API_KEY");
        if (apiKey is not null)
        {
            start.Environment["APIFRAME_API_KEY"] = apiKey;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    private sealed record CliRun(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
    }
}
