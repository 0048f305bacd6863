namespace ProducerGen;

/// <summary>The job ended in a failed status (e.g. <c>FAILED</c> or <c>CANCELLED</c>).</summary>
public sealed class JobFailedException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="job">The failed job.</param>
    public JobFailedException(Job job)
        : this(job, secret: null)
    {
    }

    /// <summary>Creates the exception; <paramref name="secret"/> is redacted from the server's text in the message.</summary>
    internal JobFailedException(Job job, string? secret)
        : base(BuildMessage(job, secret))
    {
        Job = job;
    }

    /// <summary>The failed job, as last read.</summary>
    public Job Job { get; }

    /// <summary>The job's <c>error</c>, or <see langword="null"/> when the service gave none.</summary>
    public string? JobError => Job.Error;

    private static string BuildMessage(Job job, string? secret)
    {
        System.ArgumentNullException.ThrowIfNull(job);
        var reason = string.IsNullOrWhiteSpace(job.Error) ? "no error message was given" : $"error: {job.Error}";
        return ApiErrorFactory.Redact($"Job {job.Id} ({job.Model}) ended with status {job.Status}; {reason}.", secret)!;
    }
}
