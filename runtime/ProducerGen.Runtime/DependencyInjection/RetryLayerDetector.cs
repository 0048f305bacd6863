using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace ProducerGen;

/// <summary>
/// Runs after the handlers of one registered client's <see cref="System.Net.Http.HttpClient"/> are configured: adds the innermost
/// <see cref="WireRequestCountingHandler"/>, and warns (once per process per client) when a retrying handler sits in the pipeline
/// while the runtime's own retries are on, since every runtime attempt would then be retried again by the handler.
/// </summary>
internal sealed partial class RetryLayerDetector(string httpClientName, Func<int> runtimeMaxRetries, ILoggerFactory? loggerFactory) : IHttpMessageHandlerBuilderFilter
{
    // Handler chains are rebuilt every few minutes; the warning is about the registration, so it is said once.
    private static readonly ConcurrentDictionary<string, bool> Warned = new(StringComparer.Ordinal);

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (!string.Equals(builder.Name, httpClientName, StringComparison.Ordinal))
        {
            return;
        }

        string? retryLayer = null;
        var counted = false;
        foreach (var handler in builder.AdditionalHandlers)
        {
            retryLayer ??= RetryLayers.Describe(handler);
            counted |= handler is WireRequestCountingHandler;
        }

        // A client registered twice has two detectors: one counting handler, or every request would count twice.
        if (!counted)
        {
            builder.AdditionalHandlers.Add(new WireRequestCountingHandler(retryLayer));
        }

        var maxRetries = runtimeMaxRetries();
        if (retryLayer is not null && maxRetries > 0 && loggerFactory is not null && Warned.TryAdd(httpClientName, true))
        {
            TwoRetryLayers(loggerFactory.CreateLogger("ProducerGen"), httpClientName, retryLayer, maxRetries + 1);
        }
    };

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "HttpClient '{ClientName}' has a retrying handler ({Handler}) while the runtime's own retries are on (Retry.MaxRetries > 0): each of the runtime's up to {Attempts} attempts is retried again by the handler, so one failing call multiplies into attempts x handler retries requests. Set Retry.MaxRetries = 0 to let the handler retry alone, or remove the handler")]
    private static partial void TwoRetryLayers(ILogger logger, string clientName, string handler, int attempts);
}
