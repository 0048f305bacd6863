namespace ProducerGen;

/// <summary>A change in a job's status or progress, reported while waiting.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Status">The job's status.</param>
/// <param name="Progress">The job's progress from 0 to 100, or <see langword="null"/> when the service gives none.</param>
public readonly record struct JobProgress(string JobId, string Status, int? Progress);
