using System.Diagnostics;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Media.Video;

/// <summary>
/// ffprobe and ffmpeg, the independent decoders the video tests check files with. When they are not on the PATH and the
/// machine has apt-get and runs the tests as root (or with password-less sudo), the first test that uses them installs them once
/// (<c>apt-get install ffmpeg</c>); otherwise <see cref="UnavailableReason"/> says why, and
/// <see cref="FfprobeTheoryAttribute"/> skips with that reason. Discovery only checks; it never installs.
/// </summary>
internal static class Ffprobe
{
    private static readonly Lazy<string?> Reason = new(() => Present() ? null : WhyNotInstallable());
    private static readonly Lazy<string?> Installed = new(EnsureInstalled);

    /// <summary>Null when ffprobe and ffmpeg can run or can be installed; else why not.</summary>
    public static string? UnavailableReason => Reason.Value;

    /// <summary>ffprobe's JSON report of one file's first video stream and its format, with the frames counted.</summary>
    public static JsonElement Probe(byte[] file, string extension)
    {
        RequireInstalled();
        var path = Path.Combine(Path.GetTempPath(), $"pg-video-{Guid.NewGuid():N}.{extension}");
        File.WriteAllBytes(path, file);
        try
        {
            var (code, stdout, stderr) = Run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_streams", "-show_format", "-of", "json", path);
            Assert.True(code == 0, $"ffprobe failed ({code}): {stderr}");
            return JsonDocument.Parse(stdout).RootElement.Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What ffmpeg reports while decoding every frame of the file (empty when it decodes cleanly).</summary>
    public static string DecodeErrors(byte[] file, string extension)
    {
        RequireInstalled();
        var path = Path.Combine(Path.GetTempPath(), $"pg-video-{Guid.NewGuid():N}.{extension}");
        File.WriteAllBytes(path, file);
        try
        {
            var (code, _, stderr) = Run("ffmpeg", "-v", "error", "-nostdin", "-i", path, "-f", "null", "-");
            return code == 0 ? stderr.Trim() : $"exit {code}: {stderr}";
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void RequireInstalled()
    {
        if (Installed.Value is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    private static bool Present() => CanRun("ffprobe") && CanRun("ffmpeg");

    private static string? WhyNotInstallable()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            return "ffprobe/ffmpeg are not on the PATH and this machine has no apt-get to install them (install ffmpeg to run the video decoding tests)";
        }

        return IsRoot || CanSudo()
            ? null
            : "ffprobe/ffmpeg are not on the PATH and the tests run neither as root nor with password-less sudo, so they cannot apt-get install ffmpeg (install it first)";
    }

    private static string? EnsureInstalled()
    {
        if (Present())
        {
            return null;
        }

        if (WhyNotInstallable() is { } reason)
        {
            return reason;
        }

        // As root apt-get runs directly; otherwise through password-less sudo (as on hosted CI runners).
        string[] prefix = IsRoot ? ["apt-get"] : ["sudo", "-n", "apt-get"];
        var update = Run(prefix[0], [.. prefix[1..], "update"]);
        var install = Run(prefix[0], [.. prefix[1..], "install", "-y", "--no-install-recommends", "ffmpeg"]);
        return Present()
            ? null
            : $"apt-get install ffmpeg failed (update exit {update.Code}, install exit {install.Code}): {install.Stderr}";
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static bool CanSudo()
    {
        try
        {
            return Run("sudo", "-n", "true").Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static bool CanRun(string tool)
    {
        try
        {
            return Run(tool, "-version").Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
