using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Packaging.Tests;

/// <summary>The emulator from the local feed: the library started in-process by a fresh project, and the .NET tool as a command.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class EmulatorPackageTests
{
    private const string SubmitBody = """{"prompt":"packaged synthwave","model":"producer","producerParams":{"model_version":"FUZZ_2"}}""";

    private const string InProcessProgram =
        """"
        using System;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using ProducerGen.Emulator;

        await using var emulator = await ApiEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-Key", EmulatorOptions.DefaultApiKey);
        using var submitted = await http.PostAsync("v2/music/generate", new StringContent(Body.Json, Encoding.UTF8, "application/json"));
        Console.WriteLine("submit=" + (int)submitted.StatusCode);
        var id = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("jobId").GetString();
        for (var i = 0; i < 100; i++)
        {
            var job = JsonDocument.Parse(await http.GetStringAsync("v2/jobs/" + id)).RootElement;
            var status = job.GetProperty("status").GetString();
            if (status is "COMPLETED" or "FAILED")
            {
                Console.WriteLine("status=" + status);
                Console.WriteLine("audio=" + job.GetProperty("result").GetProperty("tracks")[0].GetProperty("audioUrl").GetString());
                return 0;
            }

            await System.Threading.Tasks.Task.Delay(50);
        }

        Console.WriteLine("status=TIMEOUT");
        return 1;

        static class Body
        {
            public const string Json = """{"prompt":"packaged synthwave","model":"producer","producerParams":{"model_version":"FUZZ_2"}}""";
        }
        """";

    private readonly PackageFeedFixture _feed;

    public EmulatorPackageTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void Library_package_bundles_the_schema_loader_and_depends_on_nothing_test_only()
    {
        using var package = ZipFile.OpenRead(_feed.EmulatorPackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();

        Assert.Contains("lib/net10.0/ProducerGen.Emulator.dll", entries);
        Assert.Contains("lib/net10.0/ProducerGen.Schema.dll", entries);
        Assert.DoesNotContain(entries, e => e.Contains("ProducerGen.Runtime", StringComparison.Ordinal));
        // The schema loader's YAML parser and the media library (SkiaSharp with native assets that need no system libraries),
        // and ASP.NET Core as a framework reference: nothing else reaches a user's app.
        var dependencies = System.Text.RegularExpressions.Regex.Matches(nuspec, "<dependency id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).OrderBy(d => d, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "SkiaSharp", "SkiaSharp.NativeAssets.Linux.NoDependencies", "YamlDotNet" }, dependencies);
        Assert.Contains("<frameworkReference name=\"Microsoft.AspNetCore.App\" />", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("xunit", nuspec, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Testing", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_package_is_a_dotnet_tool_named_producergen_emulator()
    {
        using var package = ZipFile.OpenRead(_feed.EmulatorToolPackagePath);
        var settings = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open()).ReadToEnd();
        var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();

        Assert.Contains("<Command Name=\"producergen-emulator\" EntryPoint=\"producergen-emulator.dll\"", settings, StringComparison.Ordinal);
        Assert.Contains("<packageType name=\"DotnetTool\" />", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void Fresh_project_starts_the_packaged_emulator_in_process_and_a_job_completes()
    {
        var directory = Path.Combine(_feed.Root, "consumers", "emulator-in-process");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), _feed.NuGetConfig);
        File.WriteAllText(Path.Combine(directory, "EmulatorConsumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProducerGen.Emulator" Version="{_feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), InProcessProgram);

        DotNet.RunOk(directory, "build", TimeSpan.FromMinutes(10));
        var run = DotNet.RunOk(directory, "run --no-build");

        Assert.Contains("submit=202", run, StringComparison.Ordinal);
        Assert.Contains("status=COMPLETED", run, StringComparison.Ordinal);
        Assert.Contains("audio=http://127.0.0.1:", run, StringComparison.Ordinal);
        // Only the emulator's own dependency came along: no test framework, no fake clock.
        var assets = File.ReadAllText(Path.Combine(directory, "obj", "project.assets.json"));
        Assert.DoesNotContain("xunit", assets, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TimeProvider.Testing", assets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_tool_serves_a_relative_schema_and_completes_a_job_over_http()
    {
        var root = Path.Combine(_feed.Root, "tool-user");
        var tools = Path.Combine(root, "tools");
        var work = Path.Combine(root, "work");
        Directory.CreateDirectory(Path.Combine(work, "schemas"));
        File.WriteAllText(Path.Combine(root, "nuget.config"), _feed.NuGetConfig);
        File.Copy(_feed.SchemaFile, Path.Combine(work, "schemas", "music.yaml"));
        DotNet.RunOk(root, $"tool install ProducerGen.Emulator.Tool --version {_feed.Version} --tool-path \"{tools}\" --add-source \"{_feed.Feed}\"", TimeSpan.FromMinutes(10));

        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(tools, OperatingSystem.IsWindows() ? "producergen-emulator.exe" : "producergen-emulator"))
        {
            // A relative --schema means this directory (the caller's), not the tool's.
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--schema", "schemas/music.yaml", "--urls", $"http://127.0.0.1:{port}", "--time-scale", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Add("X-API-Key", "afk_tool_user");
            await WaitUntilAnsweringAsync(http, process, output);

            using var submitted = await http.PostAsync("v2/music/generate", new StringContent(SubmitBody, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            var id = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("jobId").GetString();
            string? status = null;
            for (var i = 0; i < 100 && status is not ("COMPLETED" or "FAILED"); i++)
            {
                await Task.Delay(50);
                status = JsonDocument.Parse(await http.GetStringAsync("v2/jobs/" + id)).RootElement.GetProperty("status").GetString();
            }

            Assert.Equal("COMPLETED", status);
            lock (output)
            {
                Assert.Contains($"listening on http://127.0.0.1:{port}/", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    private static async Task WaitUntilAnsweringAsync(HttpClient http, Process process, StringBuilder output)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"producergen-emulator exited with {process.ExitCode}:\n{output}");
                }
            }

            try
            {
                using var info = await http.GetAsync(string.Empty);
                if (info.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        lock (output)
        {
            throw new TimeoutException($"producergen-emulator did not answer within 60 s:\n{output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
