using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// Sends plain operations (<see cref="OperationDescription"/>): validates the request, fills the path, chooses the body by method,
/// resolves the idempotency key, sends with or without the API key and with the operation's retry rule, and reads the answer.
/// Shared by <see cref="ProducerGenClient.SendOperationAsync"/>, pageables and resource operations.
/// </summary>
internal sealed class OperationSender
{
    private readonly ApiTransport _transport;

    public OperationSender(ApiTransport transport) => _transport = transport;

    public ApiTransport Transport => _transport;

    private ApiDescription Api => _transport.Api;

    /// <summary>
    /// Sends <paramref name="operation"/> to <paramref name="path"/> (already expanded) with the request's query members and
    /// <paramref name="extraQuery"/>; returns the answer, its <c>Retry-After</c> and the idempotency key the call carried.
    /// </summary>
    public async Task<(OperationResponse Response, TimeSpan? RetryAfter, string? IdempotencyKey)> SendAsync(OperationDescription operation, string path, IGenerationRequest? request, IEnumerable<KeyValuePair<string, string>>? extraQuery, RequestOptions? options, CancellationToken cancellationToken)
    {
        request?.Validate().ThrowIfInvalid();
        RequestHeaders.CheckPerCall(options?.Headers, Api);
        var idempotencyKey = ResolveIdempotencyKey(operation, options);

        RequestBody? body = null;
        if (request is not null && !operation.SendsNoBody)
        {
            body = await RequestBody.CreateAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var display = operation.Display;
        using var activity = ProducerGenTelemetry.ActivitySource.StartActivity(TelemetryNames.Operation, ActivityKind.Client);
        activity?.SetTag(TelemetryNames.Api, Api.Name);
        activity?.SetTag(TelemetryNames.OperationName, operation.Name);
        Log.SendingOperation(_transport.Logger, Api.Name, operation.Name, operation.Method, operation.Path, idempotencyKey);

        try
        {
            var response = await _transport.SendAsync(
                ApiTransport.Method(operation.Method),
                QueryString.Append(path, request, extraQuery),
                body?.Bytes,
                idempotencyKey,
                options?.Timeout,
                cancellationToken,
                options?.Headers,
                body?.ContentType,
                authenticate: operation.Authenticated,
                replaySafe: operation.IsReplaySafe(idempotencyKey is not null)).ConfigureAwait(false);
            activity?.SetTag(TelemetryNames.HttpStatusCode, response.StatusCode);
            _transport.ThrowIfFailed(response, display);
            if (operation.SuccessStatuses.Count > 0 && !Contains(operation.SuccessStatuses, response.StatusCode))
            {
                var expected = string.Join(", ", operation.SuccessStatuses);
                throw ApiErrorFactory.Malformed(response, display, $"the operation documents only HTTP {expected}", _transport.Secret);
            }

            var answer = new OperationResponse(response.StatusCode, ReadBody(response, display), response.RequestId);
            Log.OperationAnswered(_transport.Logger, operation.Name, response.StatusCode, response.RequestId);
            return (answer, response.RetryAfter, idempotencyKey);
        }
        catch (Exception exception) when (SpanFailure.Record(activity, exception, _transport.Redactor))
        {
            throw; // not reached: the filter only marks the span
        }
        catch (ProducerGenException exception)
        {
            // As a submission's: a caller can retry this very call with the key, and the service replays instead of redoing it.
            exception.IdempotencyKey ??= idempotencyKey;
            throw;
        }
    }

    private string? ResolveIdempotencyKey(OperationDescription operation, RequestOptions? options)
    {
        if (operation.SendsIdempotencyKey && Api.IdempotencyHeader is not null)
        {
            return IdempotencyKeys.Resolve(options?.IdempotencyKey, Api.IdempotencyKeyMaxLength);
        }

        if (options?.IdempotencyKey is not null)
        {
            // Silently dropping a key the caller relies on for safe retries would be worse than refusing it.
            var why = operation.SendsIdempotencyKey
                ? $"the {Api.Name} API takes no idempotency key (its schema declares no 'idempotency:')"
                : $"the {operation.Name} operation sends no idempotency key";
            throw new ArgumentException($"RequestOptions.IdempotencyKey cannot make a retry safe here: {why}; leave it null.", nameof(options));
        }

        return null;
    }

    private JsonElement? ReadBody(ApiResponse response, string display)
    {
        if (response.Body.Length == 0)
        {
            return null;
        }

        try
        {
            return Job.ParseRoot(response.Body); // ParseValue copies: the element outlives the buffer
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw ApiErrorFactory.Malformed(response, display, $"the body is not JSON ({exception.Message})", _transport.Secret, exception);
        }
    }

    private static bool Contains(IReadOnlyList<int> statuses, int status)
    {
        foreach (var s in statuses)
        {
            if (s == status)
            {
                return true;
            }
        }

        return false;
    }
}
