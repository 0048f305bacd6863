using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Threading;

namespace ProducerGen.Tests.Prism;

/// <summary>
/// Installs the pinned Prism of <c>tests/Shared/Prism/package-lock.json</c> with <c>npm ci</c> into that folder on first use.
/// Idempotent: a marker in <c>node_modules</c> holds the lock file's hash, and the install runs under an exclusive lock file,
/// so test classes (or test processes) starting at once install it once. Missing node/npm fail with a clear message.
/// </summary>
internal static class PrismInstall
{
    private const string MarkerName = ".producergen-installed";
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Ensures Prism is installed and returns the path of its CLI entry script.</summary>
    public static string EnsureInstalled()
    {
        var folder = PrismFolder();
        var lockFile = Path.Combine(folder, "package-lock.json");
        var expected = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(lockFile)));
        var marker = Path.Combine(folder, "node_modules", MarkerName);
        var cli = Path.Combine(folder, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

        InProcess.Wait();
        try
        {
            using var exclusive = AcquireLock(Path.Combine(folder, ".install.lock"));
            if (File.Exists(marker) && File.ReadAllText(marker).Trim() == expected && File.Exists(cli))
            {
                return cli;
            }

            RequireTool("node", "--version");
            RequireTool("npm", "--version");
            // --ignore-scripts: Prism needs no install script (its only one is the @scarf/scarf analytics ping).
            var (code, output) = Run("npm", "ci --ignore-scripts --no-audit --no-fund --loglevel=error", folder, TimeSpan.FromMinutes(10));
            if (code != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {folder} failed with exit code {code}:\n{output}");
            }

            if (!File.Exists(cli))
            {
                throw new InvalidOperationException($"`npm ci` succeeded but {cli} is missing:\n{output}");
            }

            File.WriteAllText(marker, expected);
            return cli;
        }
        finally
        {
            InProcess.Release();
        }
    }

    /// <summary>The folder of the pinned manifest, found from the test output by walking up to the repository root.</summary>
    public static string PrismFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Shared", "Prism");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No tests/Shared/Prism/package-lock.json above {AppContext.BaseDirectory}.");
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(11);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250); // another process is installing
            }
        }
    }

    private static void RequireTool(string tool, string arguments)
    {
        try
        {
            var (code, output) = Run(tool, arguments, Environment.CurrentDirectory, TimeSpan.FromSeconds(30));
            if (code != 0)
            {
                throw new InvalidOperationException($"`{tool} {arguments}` exited with {code}: {output}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The contract tests need Node.js and npm on PATH to install Stoplight Prism (tests/Shared/Prism); `{tool}` could not be started: {e.Message}", e);
        }
    }

    /// <summary>Runs a tool (through the shell on Windows, where npm is a .cmd) and returns its exit code and output.</summary>
    internal static (int Code, string Output) Run(string tool, string arguments, string workingDirectory, TimeSpan timeout)
    {
        var windows = OperatingSystem.IsWindows();
        var start = new ProcessStartInfo(windows ? "cmd.exe" : tool, windows ? $"/c {tool} {arguments}" : arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SCARF_ANALYTICS"] = "false";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{tool} {arguments}` did not finish within {timeout}.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
