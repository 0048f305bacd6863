using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ProducerGen.Emulator;
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

        AssertExit(3, "authentication", await RunCliAsync(service, "afk_unknown"));
        AssertExit(4, "insufficient_credits", await RunCliAsync(service, "afk_poor"));

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

            AssertExit(5, "job_failed", await RunCliAsync(["wait", jobId, .. service[1..]], "afk_test"));
        }

        await using var slow = await TestEnvironment.StartAsync(o => o.TimeScale = 1); // a real 45 s job
        var slowUrl = slow.Emulator.BaseAddress.ToString();
        var timedOut = await RunCliAsync([TestEnvironment.Prompt, "--json", "--base-url", slowUrl, "--timeout", "0.2"], "afk_test");
        AssertExit(6, "timeout", timedOut);
        using (var json = JsonDocument.Parse(timedOut.StdOut))
        {
            var error = json.RootElement.GetProperty("error");
            var jobId = error.GetProperty("jobId").GetString();
            Assert.Equal($"wait {jobId} --base-url {slowUrl}", error.GetProperty("resume").GetString());
            Assert.DoesNotContain("WaitAsync", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // The text output gives one resume hint, the CLI's (not also the library's "Jobs.WaitAsync(...)").
        var text = await RunCliAsync([TestEnvironment.Prompt, "--base-url", slowUrl, "--timeout", "0.2"], "afk_test");
        Assert.True(text.ExitCode == 6, text.ToString());
        Assert.DoesNotContain("WaitAsync", text.StdErr, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text.StdErr, "resume"));
        Assert.Matches(@"resume with 'wait [0-9a-f-]{36} --base-url " + System.Text.RegularExpressions.Regex.Escape(slowUrl) + "'", text.StdErr);

        static void AssertExit(int exitCode, string type, CliRun run)
        {
            Assert.True(run.ExitCode == exitCode, run.ToString());
            using var json = JsonDocument.Parse(run.StdOut);
            var error = json.RootElement.GetProperty("error");
            Assert.Equal(type, error.GetProperty("type").GetString()); // a word of the CLI's vocabulary, never a class name
            Assert.Equal(exitCode, error.GetProperty("exitCode").GetInt32());
        }
    }

    [Fact]
    public async Task Ctrl_c_after_the_job_was_submitted_exits_130_and_says_how_to_resume_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is sent with kill(1)
        }

        await using var slow = await TestEnvironment.StartAsync(o => o.TimeScale = 1); // a real 45 s job: still running at Ctrl+C
        var baseUrl = slow.Emulator.BaseAddress.ToString();

        var run = await RunCliAndInterruptAsync([TestEnvironment.Prompt, "--base-url", baseUrl], "afk_test");

        Assert.True(run.ExitCode == 130, run.ToString());
        var jobId = System.Text.RegularExpressions.Regex.Match(run.StdOut, "Job ([0-9a-f-]{36}) submitted").Groups[1].Value;
        Assert.True(jobId.Length == 36, run.ToString());
        Assert.True(run.StdErr.Contains($"Cancelled while job {jobId} was running", StringComparison.Ordinal), run.ToString());
        Assert.True(run.StdErr.Contains($"resume with 'wait {jobId} --base-url {baseUrl}'", StringComparison.Ordinal), run.ToString());
        Assert.Contains(slow.Emulator.GetJobStatus(Guid.Parse(jobId)), new[] { "QUEUED", "PROCESSING" }); // Ctrl+C left the job running
    }

    [Fact]
    public async Task Account_prints_the_key_prefix_the_team_and_its_credits()
    {
        await using var env = await StartFullSchemaAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_poor", Credits: 5)));
        var service = new[] { "--base-url", env.Emulator.BaseAddress.ToString() };

        var json = await RunCliAsync(["account", "--json", .. service], "afk_poor");
        Assert.True(json.ExitCode == 0, json.ToString());
        using (var document = JsonDocument.Parse(json.StdOut))
        {
            Assert.Equal("afk_poor", document.RootElement.GetProperty("apiKey").GetProperty("prefix").GetString());
            Assert.Equal(5, document.RootElement.GetProperty("team").GetProperty("credits").GetInt64());
            Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("team").GetProperty("name").GetString()));
        }

        var text = await RunCliAsync(["account", .. service], "afk_test");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Matches(@"Key prefix:\s+afk_test", text.StdOut);
        Assert.Matches(@"Credits:\s+1,000,000", text.StdOut); // the emulator's unlimited key
    }

    [Fact]
    public async Task Models_with_modality_video_lists_the_video_models_only()
    {
        var run = await RunCliAsync("models", "--modality", "video", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.True(models.Count > 10, run.StdOut);
        Assert.All(models, m => Assert.Equal("video", m.GetProperty("modality").GetString()));
        var ids = models.Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("kling-2.1", ids);
        Assert.DoesNotContain("producer", ids);

        var table = await RunCliAsync("models", "--modality", "music");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("producer", table.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("kling-2.1", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("7 model(s).", table.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_after_two_generations_lists_them_newest_first_filtered_and_limited()
    {
        await using var env = await StartFullSchemaAsync();
        var service = new[] { "--base-url", env.Emulator.BaseAddress.ToString() };
        var first = await RunCliAsync([TestEnvironment.Prompt, "--seed", "demo-1", "--no-wait", .. service], "afk_test");
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = await RunCliAsync(["a cat walks through snow", "--model", "kling-2.1", "--no-wait", .. service], "afk_test");
        Assert.True(second.ExitCode == 0, second.ToString());
        var (producerJob, klingJob) = (first.StdOut.Trim(), second.StdOut.Trim());

        var all = await RunCliAsync(["jobs", "--json", .. service], "afk_test");
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal([klingJob, producerJob], JobIds(all));

        var producerOnly = await RunCliAsync(["jobs", "--model", "producer", "--json", .. service], "afk_test");
        Assert.Equal([producerJob], JobIds(producerOnly));

        var limited = await RunCliAsync(["jobs", "--limit", "1", .. service], "afk_test");
        Assert.True(limited.ExitCode == 0, limited.ToString());
        Assert.Contains(klingJob, limited.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(producerJob, limited.StdOut, StringComparison.Ordinal);
        Assert.Contains("1 job(s), newest first.", limited.StdOut, StringComparison.Ordinal);

        // wait resumes the other model's job too, ending with its output URLs rather than Producer tracks.
        var resumed = await RunCliAsync(["wait", klingJob, "--json", .. service], "afk_test");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        using (var json = JsonDocument.Parse(resumed.StdOut))
        {
            Assert.Equal("kling-2.1", json.RootElement.GetProperty("model").GetString());
            Assert.NotEmpty(json.RootElement.GetProperty("outputUrls").EnumerateArray());
        }

        static string[] JobIds(CliRun run)
        {
            using var json = JsonDocument.Parse(run.StdOut);
            return json.RootElement.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()!).ToArray();
        }
    }

    [Fact]
    public async Task Generate_with_image_uploads_the_file_and_sends_its_url_as_the_models_start_image()
    {
        var image = Path.Combine(_workDirectory.FullName, "cat.png");
        await File.WriteAllBytesAsync(image, Convert.FromBase64String(OnePixelPng));

        var run = await RunCliAsync("a cat walks through snow", "--model", "kling-2.1", "--image", "cat.png", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdOut);
        var upload = Assert.Single(json.RootElement.GetProperty("uploads").EnumerateArray().ToList());
        Assert.Equal("klingParams.start_image", upload.GetProperty("field").GetString());
        Assert.Equal("image/png", upload.GetProperty("contentType").GetString());
        Assert.Equal(new FileInfo(image).Length, upload.GetProperty("byteSize").GetInt64());
        var url = upload.GetProperty("url").GetString()!;
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);

        // The job as the emulator reports it: the uploaded URL is what the model received.
        var job = json.RootElement.GetProperty("job");
        Assert.Equal("kling-2.1", job.GetProperty("model").GetString());
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal(url, job.GetProperty("input").GetProperty("klingParams").GetProperty("start_image").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("outputUrls").EnumerateArray());
    }

    [Fact]
    public async Task Image_for_a_model_without_an_image_field_exits_2_with_a_clear_message_and_starts_nothing()
    {
        var image = Path.Combine(_workDirectory.FullName, "cat.png");
        await File.WriteAllBytesAsync(image, Convert.FromBase64String(OnePixelPng));

        var run = await RunCliAsync("a calm piano piece", "--image", "cat.png");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("model 'producer' takes no image URL", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("--image cannot be used with it", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("emulator", run.StdErr, StringComparison.Ordinal); // refused before anything started
        Assert.Equal(string.Empty, run.StdOut);

        var json = await RunCliAsync("a calm piano piece", "--model", "suno", "--image", "cat.png", "--json");
        Assert.True(json.ExitCode == 2, json.ToString());
        using var document = JsonDocument.Parse(json.StdOut);
        Assert.Equal("usage", document.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("model 'suno' takes no image URL", document.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _workDirectory.Delete(recursive: true);

    /// <summary>A 1x1 PNG: small, and sniffed as image/png by the emulator's upload route.</summary>
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4DwQACfsD/Z8fLAAAAAAAAAAASUVORK5CYII=";

    /// <summary>An emulator serving the shipped Apiframe schema (the CLI's), operations included, found from the test's directory.</summary>
    private static Task<TestEnvironment> StartFullSchemaAsync(Action<EmulatorOptions>? configure = null) => TestEnvironment.StartAsync(o =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "schemas", "apiframe.producergen.yaml")))
        {
            directory = directory.Parent;
        }

        o.SchemaPath = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("schemas/apiframe.producergen.yaml not found above the test directory."), "schemas", "apiframe.producergen.yaml");
        configure?.Invoke(o);
    });

    private Task<CliRun> RunCliAsync(params string[] args) => RunCliAsync(args, apiKey: null);

    private async Task<CliRun> RunCliAsync(string[] args, string? apiKey)
    {
        using var process = StartCli(args, apiKey);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitForExitAsync(process);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the CLI and sends it SIGINT (Ctrl+C) once it has printed that the job was submitted.</summary>
    private async Task<CliRun> RunCliAndInterruptAsync(string[] args, string? apiKey)
    {
        // Under a background shell job SIGINT is ignored from the start, and a child inherits that: its runtime then installs no
        // handler and kill -INT does nothing. Give the child the default disposition, as a terminal would.
        InterruptSignal.StopIgnoring();
        using var process = StartCli(args, apiKey);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                stdout.AppendLine(line);
                if (line.Contains("submitted", StringComparison.Ordinal))
                {
                    stdout.AppendLine(InterruptSignal.Describe(process.Id)); // in the failure message: which signals the CLI ignores and catches
                    using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                    await kill.WaitForExitAsync(timeout.Token);
                    break;
                }
            }
        }

        stdout.Append(await process.StandardOutput.ReadToEndAsync());
        await WaitForExitAsync(process);
        return new CliRun(process.ExitCode, stdout.ToString(), await stderr);
    }

    private static async Task WaitForExitAsync(Process process)
    {
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
    }

    private Process StartCli(string[] args, string? apiKey)
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

        return Process.Start(start)!;
    }

    private sealed record CliRun(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
    }
}
