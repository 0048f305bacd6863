using System;

namespace ProducerGen;

/// <summary>How the runtime waits for a job to finish.</summary>
public sealed class JobWaitOptions
{
    /// <summary>The total budget of one wait; beyond it <see cref="JobTimeoutException"/> is thrown. Default 15 minutes.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest pause between two polls. Default 1 second.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between two polls, unless the service asks for longer with <c>Retry-After</c>. Default 30 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Overrides the model's average completion time (from the schema) when pacing polls.</summary>
    public TimeSpan? AverageCompletion { get; set; }

    /// <summary>The policy choosing each pause; <see langword="null"/> means <see cref="AdaptivePollingPolicy"/>.</summary>
    public IPollingPolicy? PollingPolicy { get; set; }

    /// <summary>
    /// Whether waits learn each model's <see cref="ProgressCurve"/> from the jobs they see finish and hand it to the policy
    /// (<see cref="PollContext.Curve"/>). Default <see langword="true"/>. Every client built from these options shares what is learned.
    /// </summary>
    public bool LearnProgressCurve { get; set; } = true;

    /// <summary>What waits learned of each model's progress curve; lives as long as these options (a typed client is transient, its options are not).</summary>
    internal ProgressCurveLearner Curves { get; } = new();

    internal void Validate()
    {
        if (MaxWait <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWait), MaxWait, "Waiting.MaxWait must be positive.");
        }

        if (MinPollInterval < TimeSpan.Zero || MaxPollInterval <= TimeSpan.Zero || MinPollInterval > MaxPollInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPollInterval), MinPollInterval, "Waiting.MinPollInterval must be at least zero and at most Waiting.MaxPollInterval, which must be positive.");
        }
    }
}
