using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen;

namespace Producer.Cli.Output;

/// <summary>What the commands tell the user: a live display for people, or JSON for scripts.</summary>
internal interface IOutput
{
    /// <summary>Says where requests go (one line).</summary>
    void Connected(string description);

    /// <summary>The job was accepted and will be waited for.</summary>
    void Submitted(JobHandle handle);

    /// <summary>The job was accepted and the command ends (<c>--no-wait</c>).</summary>
    void NotWaiting(JobHandle handle, bool inProcessEmulator);

    /// <summary>Runs <paramref name="wait"/> while showing the job's status and progress.</summary>
    Task<Job> ShowProgressAsync(string jobId, Func<IProgress<JobProgress>, Task<Job>> wait);

    /// <summary>The job succeeded and its tracks were saved.</summary>
    void Completed(ProducerResult result, IReadOnlyList<SavedTrack> saved);

    /// <summary>The request broke the schema; nothing was sent.</summary>
    void Invalid(IReadOnlyList<ValidationError> errors);

    /// <summary>The command failed with <paramref name="exitCode"/>.</summary>
    void Failed(Exception exception, int exitCode);
}
