using System;
using System.Collections.Generic;

namespace ProducerGen;

/// <summary>
/// The typed result of a completed job: what every generated result (<c>ProducerResult</c>, <c>MusicResult</c>)
/// shares. Generated endpoint results add the schema's typed members.
/// </summary>
public abstract class JobResult
{
    /// <summary>Wraps a completed job.</summary>
    /// <param name="job">The completed job.</param>
    protected JobResult(Job job) => Job = job ?? throw new ArgumentNullException(nameof(job));

    /// <summary>The finished job: status, timings, credits, the raw result and the expired flag.</summary>
    public Job Job { get; }

    /// <summary>Every http(s) URL in the result, whatever its shape.</summary>
    public IReadOnlyList<Uri> OutputUrls => Job.GetOutputUrls();

    /// <summary>True once the provider has purged the job's files; the URLs may then return 404.</summary>
    public bool Expired => Job.Expired;
}
