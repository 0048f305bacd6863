using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>The state of a resource at one instant.</summary>
/// <param name="Status">Its status, as the schema spells it.</param>
/// <param name="StartedAt">When it left its first pending status, or null.</param>
/// <param name="CompletedAt">When it succeeded or failed, or null.</param>
/// <param name="Error">The failure message, or null.</param>
internal readonly record struct ResourceState(string Status, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error)
{
    public bool Succeeded { get; init; }
}

/// <summary>
/// A long-running resource (a LoRA training). Like a job, its state is computed from the clock: it moves through the
/// resource's pending statuses, an equal share of its duration each, to the first succeeded status (or the first
/// failed one, when a fault made it fail); archiving it sets the last failed status.
/// </summary>
internal sealed class EmulatedResource
{
    public const string FailureMessage = "Training failed: the provider returned an error (emulated fault)";

    public required Guid Id { get; init; }

    public required string ApiKey { get; init; }

    public required ResourceSpec Spec { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public required bool WillFail { get; init; }

    public required long CreditCost { get; init; }

    /// <summary>What the creating request said (name, subjectKind, imageCount, …), by type member name.</summary>
    public required Facts Input { get; init; }

    /// <summary>Whether it was archived (deleted); guarded by the store's lock.</summary>
    public bool Archived { get; set; }

    /// <summary>Whether its failure was refunded; guarded by the store's lock.</summary>
    public bool Refunded { get; set; }

    public ResourceState State(DateTimeOffset now)
    {
        var elapsed = now - CreatedAt;
        var pending = Spec.Pending.Count == 0 ? ["PENDING"] : Spec.Pending.ToArray();
        var share = Duration / pending.Length;
        DateTimeOffset? started = pending.Length > 1 && elapsed >= share ? CreatedAt + share : null;
        ResourceState state;
        if (elapsed < Duration)
        {
            var step = share <= TimeSpan.Zero ? 0 : Math.Clamp((int)(elapsed / share), 0, pending.Length - 1);
            state = new ResourceState(pending[step], started, null, null);
        }
        else if (WillFail)
        {
            state = new ResourceState(Spec.Failed.Count > 0 ? Spec.Failed[0] : "FAILED", started, CreatedAt + Duration, FailureMessage);
        }
        else
        {
            state = new ResourceState(Spec.Succeeded.Count > 0 ? Spec.Succeeded[0] : "READY", started, CreatedAt + Duration, null) { Succeeded = true };
        }

        return Archived && Spec.Failed.Count > 0 ? state with { Status = Spec.Failed[^1] } : state;
    }

    /// <summary>Whether it has failed by <paramref name="now"/> (not counting archiving).</summary>
    public bool HasFailed(DateTimeOffset now) => WillFail && now - CreatedAt >= Duration;
}
