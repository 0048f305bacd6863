using System;

namespace ProducerGen;

/// <summary>
/// A submitted job. Rehydratable: its <see cref="Id"/> alone is enough to resume waiting from any process
/// (<see cref="JobsClient.WaitAsync(string, IProgress{JobProgress}?, TimeSpan?, System.Threading.CancellationToken)"/>).
/// </summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status">The status the service returned on submission, usually <c>QUEUED</c>.</param>
/// <param name="ModelId">The model the job runs.</param>
/// <param name="IdempotencyKey">The idempotency key the submission carried (resubmitting with it returns the same job), or <see langword="null"/> when the API takes none.</param>
/// <param name="AverageCompletion">The model's average completion time, used to pace polling, or <see langword="null"/>.</param>
public sealed record JobHandle(string Id, string Status, string ModelId, string? IdempotencyKey, TimeSpan? AverageCompletion)
{
    /// <summary>When the submission was accepted, by the client's <see cref="TimeProvider"/>; <see langword="null"/> for a rehydrated handle.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The URL the submit answer said to poll this job at (<see cref="JobShape.StatusUrlPath"/>), or <see langword="null"/> to use the job route.</summary>
    public Uri? StatusUrl { get; init; }

    /// <summary>The URL the submit answer said to read this job's result at (<see cref="JobShape.ResultUrlPath"/>), or <see langword="null"/>.</summary>
    public Uri? ResultUrl { get; init; }
}
