using System;
using System.Globalization;

namespace ProducerGen;

/// <summary>The job did not finish within the waiting budget (<see cref="JobWaitOptions.MaxWait"/>). The job itself may still finish; resume with its id.</summary>
public sealed class JobTimeoutException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="waited">How long the runtime waited.</param>
    /// <param name="lastJob">The job as last read, or <see langword="null"/> if it was never read.</param>
    public JobTimeoutException(string jobId, TimeSpan waited, Job? lastJob)
        : this(jobId, waited, lastJob, innerException: null, secret: null)
    {
    }

    /// <summary>Creates the exception; <paramref name="secret"/> is redacted from the server's status text in the message.</summary>
    internal JobTimeoutException(string jobId, TimeSpan waited, Job? lastJob, Exception? innerException, string? secret)
        : base(BuildMessage(jobId, waited, lastJob, innerException, secret), innerException)
    {
        JobId = jobId;
        Waited = waited;
        LastJob = lastJob;
    }

    /// <summary>The job's id.</summary>
    public string JobId { get; }

    /// <summary>How long the runtime waited.</summary>
    public TimeSpan Waited { get; }

    /// <summary>The job as last read, or <see langword="null"/>.</summary>
    public Job? LastJob { get; }

    private static string BuildMessage(string jobId, TimeSpan waited, Job? lastJob, Exception? innerException, string? secret)
    {
        var status = lastJob?.Status is { } s ? ApiErrorFactory.Redact(s, secret) : "pending";
        var poll = innerException is null ? string.Empty : " The last poll had not answered when the budget ran out.";
        return string.Create(CultureInfo.InvariantCulture, $"Job {jobId} was still {status} after waiting {waited.TotalSeconds:0.#} s (the waiting budget).{poll} It may still finish: resume with Jobs.WaitAsync(\"{jobId}\").");
    }
}
