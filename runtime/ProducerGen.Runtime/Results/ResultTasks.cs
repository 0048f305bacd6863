using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// Turns a job task into a typed result task for generated operations: one shared async method here instead of a compiler-built
/// state machine in every generated <c>GenerateAsync</c> and <c>WaitAsync</c> (issue 20: a 106-model catalog had 318 of them).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)] // Generated code calls it; users call the typed operations.
public static class ResultTasks
{
    /// <summary>Awaits <paramref name="job"/> and reads its typed result.</summary>
    /// <typeparam name="TResult">The model's result type.</typeparam>
    /// <param name="job">The job task (a submission and wait that throws for a failed job).</param>
    /// <param name="read">Builds the typed result from the job.</param>
    /// <returns>The typed result.</returns>
    public static async Task<TResult> ReadAsync<TResult>(Task<Job> job, Func<Job, TResult> read)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(read);
        return read(await job.ConfigureAwait(false));
    }

    /// <summary>Awaits <paramref name="job"/>, throws <see cref="JobFailedException"/> when it failed, and reads its typed result.</summary>
    /// <typeparam name="TResult">The model's result type.</typeparam>
    /// <param name="job">The job task (a wait that returns the job in whatever final status it reached).</param>
    /// <param name="read">Builds the typed result from the succeeded job.</param>
    /// <returns>The typed result.</returns>
    /// <exception cref="JobFailedException">The job ended in a failed status.</exception>
    public static async Task<TResult> ReadSucceededAsync<TResult>(Task<Job> job, Func<Job, TResult> read)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(read);
        return read((await job.ConfigureAwait(false)).EnsureSucceeded());
    }
}
