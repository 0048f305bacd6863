using System;

namespace Producer.Cli;

/// <summary>Ctrl+C after a job was submitted: the job goes on without us, so the message says how to resume it (exit code 130).</summary>
internal sealed class JobInterruptedException : OperationCanceledException
{
    public JobInterruptedException(string jobId, bool resumable, OperationCanceledException innerException)
        : base($"Cancelled while job {jobId} was running; the job itself was not cancelled.", innerException, innerException.CancellationToken)
    {
        JobId = jobId;
        Resumable = resumable;
    }

    /// <summary>The submitted job's id.</summary>
    public string JobId { get; }

    /// <summary>False when the job lived in the in-process emulator, which stops with the command.</summary>
    public bool Resumable { get; }
}
