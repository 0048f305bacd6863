using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProducerGen;

/// <summary>
/// The runtime's tracing and metrics, both named <c>ProducerGen</c> (<see cref="Name"/>); register them with
/// <c>AddProducerGenInstrumentation()</c> on OpenTelemetry's tracer and meter provider builders. Server text in a tag passes the
/// API-key redactor; no tag carries the key, a request body or an idempotency key.
/// <list type="table">
/// <listheader><term>Span (kind)</term><description>Tags</description></listheader>
/// <item><term><c>ProducerGen.Submit</c> (Client)</term><description><c>producergen.api</c>, <c>producergen.model</c>, <c>http.response.status_code</c>, <c>producergen.job.id</c> once accepted.</description></item>
/// <item><term><c>ProducerGen.Wait</c> (Internal)</term><description>A whole wait, parent of its polls: <c>producergen.api</c>, <c>producergen.model</c> (the caller's, else the job's), <c>producergen.job.id</c>, <c>producergen.job.status</c> (the last seen), <c>producergen.wait.polls</c>; a failed job adds <c>producergen.job.error_code</c> when the API gives one. A resource's wait (<see cref="ResourceOperation{T}.WaitAsync(System.Threading.CancellationToken)"/>) has <c>producergen.api</c>, <c>producergen.resource</c>, <c>producergen.resource.id</c>, <c>producergen.resource.status</c> and <c>producergen.wait.polls</c>, over its Operation spans.</description></item>
/// <item><term><c>ProducerGen.Poll</c> (Client)</term><description><c>producergen.api</c>, <c>producergen.model</c>, <c>producergen.job.id</c>, <c>producergen.job.status</c>.</description></item>
/// <item><term><c>ProducerGen.Generate</c> (Internal)</term><description>A submit-and-wait, parent of its Submit and Wait spans (one trace even without a caller's span): <c>producergen.api</c>, <c>producergen.model</c>, <c>producergen.job.id</c>, <c>producergen.job.status</c>.</description></item>
/// <item><term><c>ProducerGen.Operation</c> (Client)</term><description><c>producergen.api</c>, <c>producergen.operation</c>, <c>http.response.status_code</c>.</description></item>
/// <item><term><c>ProducerGen.Download</c> (Client)</term><description><c>producergen.api</c>, <c>server.address</c>, <c>producergen.download.bytes</c>.</description></item>
/// </list>
/// A failed span has status <see cref="ActivityStatusCode.Error"/> (a redacted description) and <c>error.type</c>: the HTTP status
/// code of an error answer (<c>"404"</c>), else the exception's full type name (<c>ProducerGen.TransportException</c>,
/// <c>ProducerGen.JobTimeoutException</c>), else <c>_OTHER</c>; a wait whose job ended failed has <c>ProducerGen.JobFailedException</c>.
/// <list type="table">
/// <listheader><term>Instrument</term><description>Attributes</description></listheader>
/// <item><term><c>producergen.polls</c> (counter, <c>{request}</c>)</term><description><c>producergen.api</c>, <c>producergen.model</c>, <c>producergen.poll.outcome</c>: <c>pending</c>, <c>succeeded</c>, <c>failed</c> or <c>error</c> (the poll threw).</description></item>
/// <item><term><c>producergen.retries</c> (counter, <c>{retry}</c>)</term><description><c>producergen.api</c>, <c>reason</c>: the HTTP status code, or <c>network</c>.</description></item>
/// <item><term><c>producergen.job.duration</c> (histogram, <c>s</c>)</term><description><c>producergen.api</c>, <c>producergen.model</c>, <c>producergen.job.status</c> (a terminal status the API lists).</description></item>
/// </list>
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
