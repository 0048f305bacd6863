using System;

namespace ProducerGen;

/// <summary>
/// One held submission of a submit-and-wait call: the hold asked for, when the submission left (the held time counts against
/// <see cref="JobWaitOptions.MaxWait"/>), and the job when the answer already showed it terminal (then no poll is needed).
/// </summary>
internal sealed class HeldAnswer(SubmissionHold hold, int seconds, long startedTimestamp)
{
    /// <summary>The API's hold.</summary>
    public SubmissionHold Hold { get; } = hold;

    /// <summary>The seconds asked for (the hold's maximum capped by MaxWait; at least 1).</summary>
    public int Seconds { get; } = seconds;

    /// <summary>The client's timestamp when the submission started, so the wait that follows has only what is left of MaxWait.</summary>
    public long StartedTimestamp { get; } = startedTimestamp;

    /// <summary>The terminal job the held answer held, or <see langword="null"/> when the job was still pending (the wait polls).</summary>
    public Job? Job { get; set; }

    /// <summary>
    /// The progress a pending held answer reported, and when it arrived: the polling policy's first reading, so the wait after a
    /// hold aims at the job's end from the start instead of learning its rate again (issue 20).
    /// </summary>
    public (int Progress, DateTimeOffset At)? PendingProgress { get; set; }
}
