using System;

namespace Producer.Cli.Output;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs the callback on the reporting thread, in order
/// (<see cref="Progress{T}"/> posts to the thread pool, which may reorder reports in a console app).
/// </summary>
internal sealed class ProgressCallback<T>(Action<T> callback) : IProgress<T>
{
    public void Report(T value) => callback(value);
}
