using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ProducerGen;

/// <summary>
/// Builds the resilience pipeline every API request goes through: retries around each attempt, whose timeout the attempt itself
/// applies (<see cref="AttemptDeadlines"/>; Polly's timeout strategy cost a token source, a timer and a registration per attempt).
/// Retries transient failures with jittered exponential backoff, lengthened (never shortened) by <c>Retry-After</c>;
/// a <c>Retry-After</c> beyond <see cref="RetryOptions.MaxRetryAfter"/> ends the call at once. Driven by the options' <see cref="TimeProvider"/>.
/// </summary>
internal static class RetryPipelineFactory
{
    /// <summary>The operation's description for logs, e.g. <c>POST /v2/music/generate</c>.</summary>
    public static readonly ResiliencePropertyKey<string> OperationKey = new("ProducerGen.Operation");

    /// <summary>False for a request that may not be sent twice (a submission without an idempotency key).</summary>
    public static readonly ResiliencePropertyKey<bool> ReplaySafeKey = new("ProducerGen.ReplaySafe");

    public static ResiliencePipeline<HttpResponseMessage> Create(ProducerGenClientOptions options, ILogger logger, string apiName, Func<double>? random = null)
    {
        var retry = options.Retry;
        var timeProvider = options.TimeProvider;
        random ??= Random.Shared.NextDouble;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };

        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, retry, timeProvider, logger)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(Delay(args.AttemptNumber, args.Outcome, retry, timeProvider, random)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception is { } exception
                        ? TransientFailures.Describe(exception)
                        : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    var operation = args.Context.Properties.GetValue(OperationKey, "request");
                    var space = operation.IndexOf(' ', StringComparison.Ordinal);
                    var method = space > 0 ? operation[..space] : operation;
                    var path = space > 0 ? operation[(space + 1)..] : string.Empty;
                    Log.Retrying(logger, method, path, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, reason);
                    ProducerGenTelemetry.Retries.Add(
                        1,
                        new System.Collections.Generic.KeyValuePair<string, object?>(TelemetryNames.Api, apiName),
                        new System.Collections.Generic.KeyValuePair<string, object?>("reason", args.Outcome.Exception is null ? (int)args.Outcome.Result!.StatusCode : "network"));
                    return default;
                },
            });
        }

        return builder.Build();
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, RetryOptions retry, TimeProvider timeProvider, ILogger logger)
    {
        if (outcome.Exception is null && (outcome.Result is not { } answered || !TransientFailures.IsTransientStatus((int)answered.StatusCode)))
        {
            return false; // the usual answer: decided before any property lookup
        }

        var replaySafe = context.Properties.GetValue(ReplaySafeKey, true);
        if (outcome.Exception is { } exception)
        {
            // Unsafe to replay: only a connection the service refused proves no job was created.
            return (replaySafe ? TransientFailures.IsTransientException(exception) : TransientFailures.IsConnectionRefused(exception))
                && !context.CancellationToken.IsCancellationRequested;
        }

        if (outcome.Result is not { } response || !TransientFailures.IsTransientStatus((int)response.StatusCode))
        {
            return false;
        }

        // Unsafe to replay: 429 and 503 say the service did not take the request; 500, 502, 504 and 408 leave it unknown.
        if (!replaySafe && response.StatusCode is not (System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable))
        {
            return false;
        }

        if (RetryAfter.From(response, timeProvider) is { } wait && wait > retry.MaxRetryAfter)
        {
            Log.RetryAfterOverCap(logger, context.Properties.GetValue(OperationKey, "request"), wait.TotalSeconds, retry.MaxRetryAfter.TotalSeconds);
            return false;
        }

        return true;
    }

    internal static TimeSpan Delay(int retryIndex, Outcome<HttpResponseMessage> outcome, RetryOptions retry, TimeProvider timeProvider, Func<double> random)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retryIndex, 30));
        var capped = Math.Min(exponential, retry.MaxDelay.TotalMilliseconds);
        var backoff = TimeSpan.FromMilliseconds(retry.UseJitter ? capped * (0.5 + (0.5 * random())) : capped);
        var retryAfter = outcome.Result is { } response ? RetryAfter.From(response, timeProvider) : null;
        return retryAfter is { } wait && wait > backoff ? wait : backoff;
    }
}
