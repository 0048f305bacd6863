using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>
/// Lets processes this test host starts receive Ctrl+C. A shell without job control (a CI script's <c>cmd &amp;</c>, <c>nohup</c>)
/// starts background commands with SIGINT ignored; <c>exec</c> and .NET's process start keep an ignored signal ignored, and a .NET
/// process whose SIGINT was ignored at start installs no handler for it, so <c>kill -INT</c> never reaches the CLI under test.
/// </summary>
internal static class InterruptSignal
{
    private const int SigInt = 2;

    /// <summary>Restores the default disposition of SIGINT in this process when it is ignored (Linux); otherwise does nothing.</summary>
    public static void StopIgnoring()
    {
        if (OperatingSystem.IsLinux() && IsIgnored())
        {
            // Only an ignored SIGINT is touched, so the runtime's own handler (a test host started from a terminal) stays in place.
            _ = Signal(SigInt, 0); // SIG_DFL
        }
    }

    /// <summary>The signal masks of a process (ignored, caught), for a failure message; empty where /proc is not available.</summary>
    public static string Describe(int processId)
    {
        var status = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status";
        return OperatingSystem.IsLinux() && File.Exists(status)
            ? "[signals of the CLI] " + string.Join(" ", File.ReadLines(status).Where(l => l.StartsWith("SigIgn:", StringComparison.Ordinal) || l.StartsWith("SigCgt:", StringComparison.Ordinal)).Select(l => l.Replace('\t', ' ')))
            : string.Empty;
    }

    /// <summary>Whether SIGINT is ignored, from the SigIgn mask of /proc/self/status.</summary>
    public static bool IsIgnored()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
            {
                var mask = ulong.Parse(line.AsSpan("SigIgn:".Length).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                return (mask & (1UL << (SigInt - 1))) != 0;
            }
        }

        return false;
    }

    // DllImport rather than LibraryImport: two plain integers need no marshalling code, and no unsafe blocks in the test project.
    [DllImport("libc", EntryPoint = "signal")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Signal(int signal, nint handler);
}
