using System;

namespace ProducerGen;

/// <summary>One progress report of a job during a wait.</summary>
/// <param name="Elapsed">The job's age when it reported.</param>
/// <param name="Progress">The reported progress, 0–100.</param>
public readonly record struct ProgressReading(TimeSpan Elapsed, int Progress);
