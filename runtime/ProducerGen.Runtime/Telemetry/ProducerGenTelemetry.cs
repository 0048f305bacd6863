using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProducerGen;

/// <summary>
/// The runtime's tracing and metrics, both named <c>ProducerGen</c>: activities <c>ProducerGen.Submit</c>, <c>ProducerGen.Poll</c>,
/// <c>ProducerGen.Download</c> and <c>ProducerGen.Operation</c> (tags <c>producergen.api</c>, <c>producergen.operation</c>); counters <c>producergen.polls</c> and <c>producergen.retries</c>; histogram <c>producergen.job.duration</c> (seconds).
/// </summary>
public static class ProducerGenTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "ProducerGen";

    /// <summary>The source of the runtime's activities.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, UserAgent.Version);

    /// <summary>The meter of the runtime's instruments.</summary>
    public static Meter Meter { get; } = new(Name, UserAgent.Version);

    internal static Counter<long> Polls { get; } = Meter.CreateCounter<long>("producergen.polls", unit: "{request}", description: "Job status requests made while waiting.");

    internal static Counter<long> Retries { get; } = Meter.CreateCounter<long>("producergen.retries", unit: "{retry}", description: "Requests retried after a transient failure.");

    internal static Histogram<double> JobDuration { get; } = Meter.CreateHistogram<double>("producergen.job.duration", unit: "s", description: "Time from submission (or creation) to a terminal status, as observed by the client.");
}
