using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ProducerGen.Providers.Tests.Support;

/// <summary>Records progress reports as they happen (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
public sealed class ProgressLog : IProgress<JobProgress>
{
    private readonly ConcurrentQueue<JobProgress> _reports = new();

    public IReadOnlyCollection<JobProgress> Reports => _reports.ToArray();

    public void Report(JobProgress value) => _reports.Enqueue(value);
}
