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

    /// <summary>The timeout of each attempt of each request (not of a whole wait). Default 100 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How transient failures are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>How jobs are waited for.</summary>
    public JobWaitOptions Waiting { get; set; } = new();

    /// <summary>The clock used for timeouts, backoff and polling; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Creates the loggers; <see langword="null"/> means no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The largest API response body read (bodies of downloads are streamed and not limited). Default 1 MiB.</summary>
    public int MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>
    /// The most connections the client's own HTTP handler opens to the service at once; further requests wait for a free one.
    /// Default 100 (as httpx and aiohttp do): a burst of thousands of jobs polls over a bounded pool instead of opening a socket
    /// per job. Applies when the client creates its handler (no <see cref="System.Net.Http.HttpClient"/> passed in) and to the
    /// primary handler <c>AddProducerGenClient</c> registers; HTTP/2 multiplexes requests over one connection regardless.
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = DefaultMaxConnectionsPerServer;

    /// <summary>Describes the options with the API key redacted.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString()
        => $"{GetType().Name} {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")}, BaseAddress = {BaseAddress?.ToString() ?? "(schema default)"}, RequestTimeout = {RequestTimeout}, Retry = {{ {Retry} }}, Waiting = {{ MaxWait = {Waiting?.MaxWait}, MinPollInterval = {Waiting?.MinPollInterval}, MaxPollInterval = {Waiting?.MaxPollInterval} }} }}";
}
