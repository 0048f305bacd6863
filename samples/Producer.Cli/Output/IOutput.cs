using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Apiframe.Catalog;
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

    /// <summary>The command line cannot work (e.g. <c>--image</c> for a model without an image field); nothing was started.</summary>
    void Refused(string message);

    /// <summary>A local file was uploaded and its URL goes into <paramref name="field"/>.</summary>
    void Uploaded(string option, string path, Upload upload, string field);

    /// <summary>A job of a model other than Producer succeeded: its output URLs.</summary>
    void JobCompleted(Job job);

    /// <summary>The <c>account</c> command's answer.</summary>
    void Account(Account account);

    /// <summary>The <c>models</c> command's answer.</summary>
    void Models(IReadOnlyList<CatalogModel> models);

    /// <summary>The <c>jobs</c> command's answer, newest first.</summary>
    void Jobs(IReadOnlyList<JobSummary> jobs);

    /// <summary>The command failed with <paramref name="exitCode"/>.</summary>
    void Failed(Exception exception, int exitCode);
}
