using System;

namespace ProducerGen;

/// <summary>What a polling policy knows when it chooses the next pause: asked right after each poll (and once before the first).</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Status">The job's last known status.</param>
/// <param name="Progress">The job's last known progress (0–100), or <see langword="null"/>.</param>
/// <param name="Elapsed">How long the job has existed (since submission, or since its <c>createdAt</c>).</param>
/// <param name="PollCount">How many polls were made so far in this wait (0 before the first).</param>
/// <param name="AverageCompletion">The model's average completion time, or <see langword="null"/> when unknown.</param>
/// <param name="MinPollInterval">The shortest pause allowed.</param>
/// <param name="MaxPollInterval">The longest pause allowed.</param>
/// <param name="Readings">Every progress report of this wait so far, oldest first; <see langword="null"/> when the caller keeps none.</param>
public readonly record struct PollContext(
    string JobId,
    string Status,
    int? Progress,
    TimeSpan Elapsed,
    int PollCount,
    TimeSpan? AverageCompletion,
    TimeSpan MinPollInterval,
    TimeSpan MaxPollInterval,
    System.Collections.Generic.IReadOnlyList<ProgressReading>? Readings = null)
{
    /// <summary>
    /// How this model's finished jobs reported progress against their duration (learned by the client's waits), or <see langword="null"/>
    /// before enough jobs finished or when <see cref="JobWaitOptions.LearnProgressCurve"/> is off.
    /// </summary>
    public ProgressCurve? Curve { get; init; }
}
