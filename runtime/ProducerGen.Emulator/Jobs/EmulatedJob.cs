using System.Text.Json;
using ProducerGen.Emulator.Audio;
using ProducerGen.Emulator.Media;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Jobs;

/// <summary>Job statuses as the provider spells them.</summary>
internal static class JobStatus
{
    public const string Queued = "QUEUED";
    public const string Processing = "PROCESSING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
}

/// <summary>The state of a job at one instant, computed from time.</summary>
internal readonly record struct JobSnapshot(string Status, int Progress, DateTimeOffset? CompletedAt, string? Error)
{
    public bool IsTerminal => Status is JobStatus.Completed or JobStatus.Failed;
}

/// <summary>
/// A job. Its state is never stored: it is computed from the creation time, the duration and the emulator's clock
/// whenever it is read, so no timer drives it.
/// </summary>
internal sealed class EmulatedJob
{
    public const double QueuedFraction = 0.1;
    public const double FailAtFraction = 0.6;
    public const string FailureMessage = "Generation failed: the provider returned an error (emulated fault)";

    public required Guid Id { get; init; }

    public required string ApiKey { get; init; }

    public required ModelSpec Model { get; init; }

    public required EndpointSpec Endpoint { get; init; }

    public required JsonElement Input { get; init; }

    public required byte[] BodyHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>From creation to completion.</summary>
    public required TimeSpan Duration { get; init; }

    public required bool WillFail { get; init; }

    public required int CreditCost { get; init; }

    public required Uri PublicBase { get; init; }

    public required ulong AudioSeed { get; init; }

    public required string Title { get; init; }

    public required int TrackCount { get; init; }

    public required TrackRecipe Recipe { get; init; }

    /// <summary>What the job's files are (modality, sizes, formats), decided at submission; they are produced when asked for.</summary>
    public required MediaPlan Media { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Whether the result is a stems split (<c>{ vocals, instrumental }</c>) instead of the endpoint's result shape.</summary>
    public bool IsStems { get; init; }

    /// <summary>The job a follow-up action was run on, or null.</summary>
    public Guid? ParentId { get; init; }

    public Uri? WebhookUrl { get; init; }

    public IReadOnlySet<string> WebhookEvents { get; init; } = new HashSet<string>();

    public WebhookState? Webhook { get; init; }

    private TimeSpan QueuedFor => Duration * QueuedFraction;

    private TimeSpan EndsAfter => WillFail ? QueuedFor + ((Duration - QueuedFor) * FailAtFraction) : Duration;

    /// <summary>When the job reaches its terminal status (failed or completed).</summary>
    public DateTimeOffset EndsAt => CreatedAt + EndsAfter;

    public JobSnapshot Snapshot(DateTimeOffset now)
    {
        var elapsed = now - CreatedAt;
        if (elapsed < QueuedFor)
        {
            return new JobSnapshot(JobStatus.Queued, 0, null, null);
        }

        if (elapsed < EndsAfter)
        {
            var fraction = (elapsed - QueuedFor) / (Duration - QueuedFor);
            return new JobSnapshot(JobStatus.Processing, Math.Clamp((int)Math.Floor(fraction * 100), 0, 99), null, null);
        }

        return WillFail
            ? new JobSnapshot(JobStatus.Failed, (int)Math.Floor(FailAtFraction * 100), CreatedAt + EndsAfter, FailureMessage)
            : new JobSnapshot(JobStatus.Completed, 100, CreatedAt + Duration, null);
    }

    /// <summary>The job as it was when its progress first reached <paramref name="progress"/> (for progress webhooks).</summary>
    public JobSnapshot SnapshotAtProgress(int progress) => new(JobStatus.Processing, progress, null, null);

    /// <summary>The progress the job reaches before it ends (100 when it completes).</summary>
    public int FinalProgress => WillFail ? (int)Math.Floor(FailAtFraction * 100) : 100;

    public bool IsExpired(DateTimeOffset now, TimeSpan retention) =>
        Snapshot(now) is { Status: JobStatus.Completed, CompletedAt: { } completed } && now >= completed + retention;

    public Guid TrackId(int index) => DeterministicGuid(AudioSeed, (ulong)index + 1);

    public ulong TrackSeed(int index) => DeterministicRandom.Mix(AudioSeed ^ (0x5851F42D4C957F2DUL * ((ulong)index + 1)));

    private static Guid DeterministicGuid(ulong a, ulong b)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, DeterministicRandom.Mix(a ^ b));
        BitConverter.TryWriteBytes(bytes[8..], DeterministicRandom.Mix(b ^ DeterministicRandom.Mix(a)));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

/// <summary>A webhook payload waiting to be delivered.</summary>
internal sealed record PendingWebhook(string Event, byte[] Body)
{
    /// <summary>The delivery's id (Standard Webhooks' <c>webhook-id</c>): the same on every retry of this delivery, so receivers can deduplicate.</summary>
    public string Id { get; } = "msg_" + Guid.NewGuid().ToString("N");
}

/// <summary>Delivery state of one job's webhooks; guarded by the dispatcher's lock.</summary>
internal sealed class WebhookState
{
    public Queue<PendingWebhook> Queue { get; } = new();

    public int LastMilestone { get; set; }

    public bool TerminalEnqueued { get; set; }

    public bool InFlight { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public bool AnyFailed { get; set; }

    public bool Done { get; set; }

    /// <summary><c>pending</c> while events remain, then <c>delivered</c>; <c>failed</c> as soon as one event was given up.</summary>
    public string Status => AnyFailed ? "failed" : Done ? "delivered" : "pending";
}
