using System;
using Apiframe.Catalog;
using ProducerGen;

namespace Producer.Cli;

/// <summary>How the user resumes a job the command left running: the CLI's own <c>wait</c> command, the one hint printed.</summary>
internal static class Resume
{
    /// <summary>The library's own resume hint ends its timeout message; the CLI prints its own instead.</summary>
    private const string LibraryHint = " It may still finish:";

    /// <summary>The command resuming <paramref name="jobId"/>, with the <c>--base-url</c> the job was submitted to.</summary>
    public static string Command(string jobId, string? baseUrl)
        => string.IsNullOrEmpty(baseUrl) ? $"wait {jobId}" : $"wait {jobId} --base-url {baseUrl}";

    /// <summary>The hint for a failure that left a job running, or <see langword="null"/>.</summary>
    public static string? Hint(Exception exception, string? baseUrl) => exception switch
    {
        JobTimeoutException timeout => $"The job may still finish: resume with '{Command(timeout.JobId, baseUrl)}'.",
        JobInterruptedException { Resumable: true } interrupted => $"The job may still finish: resume with '{Command(interrupted.JobId, baseUrl)}'.",
        JobInterruptedException interrupted => $"Job {interrupted.JobId} lived in the in-process emulator, which stopped with this command; set {ApiframeClientOptions.ApiKeyEnvironmentVariable} to resume jobs later.",
        _ => null,
    };

    /// <summary>The exception's message without the library's resume hint (<c>Jobs.WaitAsync(...)</c>), which a CLI user cannot run.</summary>
    public static string Message(Exception exception)
    {
        var message = exception.Message;
        if (exception is JobTimeoutException)
        {
            var hint = message.IndexOf(LibraryHint, StringComparison.Ordinal);
            if (hint >= 0)
            {
                message = message[..hint];
            }
        }

        return message;
    }
}
