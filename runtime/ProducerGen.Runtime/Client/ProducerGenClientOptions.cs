using System;
using Microsoft.Extensions.Logging;

namespace ProducerGen;

/// <summary>
/// Settings of a generated client. The generated <c>XxxClientOptions</c> derives from this class and sets the schema's defaults.
/// <see cref="ToString"/> never shows the API key.
/// </summary>
public class ProducerGenClientOptions
{
    /// <summary>The default limit on an API response body: 1 MiB.</summary>
    public const int DefaultMaxResponseBodyBytes = 1024 * 1024;

    /// <summary>The default limit on connections to the service: 100.</summary>
    public const int DefaultMaxConnectionsPerServer = 100;

    /// <summary>
    /// The API key. When <see langword="null"/>, the environment variable the schema names (e.g. <c>APIFRAME_API_KEY</c>) is read
    /// when the client is created. Never logged, never in an exception message, never in <see cref="ToString"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The service's base address; <see langword="null"/> means the schema's. Plain <c>http://</c> is refused unless the host is loopback.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The timeout of each attempt of each request (not of a whole wait). Default 100 seconds. An attempt is never cut short of it
    /// and may run up to 1/64 of it longer (at most 1 s): attempts that start close together share one deadline timer. A
    /// <see cref="RequestOptions.Timeout"/> of one call is exact.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How transient failures are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>How jobs are waited for.</summary>
    public JobWaitOptions Waiting { get; set; } = new();

    /// <summary>The clock used for timeouts, backoff and polling; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Creates the loggers; <see langword="null"/> means no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The default <see cref="DownloadIdleTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultDownloadIdleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The largest API response body read (bodies of downloads are streamed; see <see cref="MaxDownloadBytes"/>). Default 1 MiB.</summary>
    public int MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>
    /// The most connections the client's own HTTP handler opens to the service at once; further requests wait for a free one.
    /// Default 100 (as httpx and aiohttp do): a burst of thousands of jobs polls over a bounded pool instead of opening a socket
    /// per job. Applies when the client creates its handler (no <see cref="System.Net.Http.HttpClient"/> passed in) and to the
    /// primary handler <c>AddProducerGenClient</c> registers; HTTP/2 multiplexes requests over one connection regardless.
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = DefaultMaxConnectionsPerServer;

    /// <summary>
    /// The most requests of this client (submissions, polls, operations; not download bodies) inside the retry and timeout pipeline
    /// at once; the rest wait in a queue, in arrival order, until one finishes, and can be cancelled there. A request keeps its place
    /// through its retries and their backoff. <see cref="RequestTimeout"/> counts from when a request leaves the queue, so it measures
    /// the attempt, not the wait for a free connection.
    /// Default <see langword="null"/>: <see cref="MaxConnectionsPerServer"/> when the client creates its own handler (more would only
    /// wait inside the handler, each holding its timer and retry state: 10,000 jobs at once then held ~100 MB), and no bound when an
    /// <see cref="System.Net.Http.HttpClient"/> is passed in (its limits are unknown here; <c>Add{Client}</c> passes one, so set this there
    /// to bound each client instance). Must be positive when set.
    /// </summary>
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>
    /// How long a download may receive no body bytes before it fails with <see cref="DownloadStalledException"/> (a partial file
    /// is removed). The clock restarts with every chunk, so a slow body that keeps arriving completes however long it takes.
    /// Default 60 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits forever. The headers are bounded by
    /// <see cref="RequestTimeout"/>.
    /// </summary>
    public TimeSpan DownloadIdleTimeout { get; set; } = DefaultDownloadIdleTimeout;

    /// <summary>
    /// The largest file a download writes, in bytes; a larger one fails with <see cref="ResponseTooLargeException"/> (before any
    /// byte when the server declares its length) and a partial file is removed. Default <see langword="null"/>: unbounded.
    /// </summary>
    public long? MaxDownloadBytes { get; set; }

    /// <summary>
    /// Set by <c>Add{Client}</c>: the client's <see cref="System.Net.Http.HttpClient"/> comes from a registration whose pipeline counts the
    /// requests really sent, so each request carries the counter. Other clients have no counting handler and skip it (issue 20).
    /// </summary>
    internal bool CountsWireRequests { get; set; }

    /// <summary>Describes the options with the API key redacted.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString()
        => $"{GetType().Name} {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")}, BaseAddress = {BaseAddress?.ToString() ?? "(schema default)"}, RequestTimeout = {RequestTimeout}, Retry = {{ {Retry} }}, Waiting = {{ MaxWait = {Waiting?.MaxWait}, MinPollInterval = {Waiting?.MinPollInterval}, MaxPollInterval = {Waiting?.MaxPollInterval} }}, DownloadIdleTimeout = {DownloadIdleTimeout}, MaxDownloadBytes = {MaxDownloadBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(unbounded)"} }}";
}
