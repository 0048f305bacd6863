using System;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>Reports synchronously and in order (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
