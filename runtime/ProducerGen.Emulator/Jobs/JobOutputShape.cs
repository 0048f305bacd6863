namespace ProducerGen.Emulator.Jobs;

/// <summary>
/// What a job's output looks like when it does not follow from its endpoint alone (a follow-up action's child job).
/// </summary>
/// <param name="TrackCount">How many files the result holds; null for the endpoint's count.</param>
/// <param name="IsStems">Whether the result is a stems split (<c>{ vocals, instrumental }</c>).</param>
/// <param name="ParentId">The job the action was run on, or null.</param>
internal sealed record JobOutputShape(int? TrackCount = null, bool IsStems = false, Guid? ParentId = null)
{
    /// <summary>A generate submission: the endpoint decides.</summary>
    public static JobOutputShape Default { get; } = new();
}
