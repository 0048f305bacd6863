using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace ProducerGen;

/// <summary>
/// Sends API requests: builds a fresh <see cref="HttpRequestMessage"/> per attempt from the same body bytes and headers
/// (so every retry of a submission carries the same idempotency key), runs them through the retry pipeline,
/// buffers bodies with a size bound, and turns transport failures into <see cref="TransportException"/>.
/// </summary>
internal sealed class ApiTransport
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly string _apiKey;
    private readonly SemaphoreSlim? _gate; // see RequestGate
    private readonly AttemptDeadlines? _deadlines; // the default attempt timeout; null when it is infinite

    // Per (method, path) of the schema's models: a submit's method, URI and operation text are the same every call, so they are
    // built once (bounded by the schema; paths with a query string or a job id are not cached).
    private readonly ConcurrentDictionary<(string Method, string Path), SendTarget> _targets = new();

    // The same targets by model: a generated model's description is one static instance, so finding it by reference skips hashing
    // two strings per submit. Bounded, since nothing stops a caller from building descriptions per call; past the bound the
    // (method, path) cache above still answers.
    private const int MaxModelTargets = 1024;
    private readonly ConcurrentDictionary<ModelDescription, SendTarget> _modelTargets = new(ReferenceEqualityComparer.Instance);

    // A JSON body's type, added as text: no MediaTypeHeaderValue per request.
    private const string JsonContentType = "application/json; charset=utf-8";

    // Reason phrases redacted before ("Accepted", "OK", ...): scanning one for every form of the key took ~1 µs per call. Bounded,
    // since a server chooses its phrases; the redactor is deterministic, so a cached result is the one it would compute.
    private const int MaxCachedReasons = 32;
    private const int MaxCachedReasonLength = 64;
    private readonly ConcurrentDictionary<string, string> _redactedReasons = new(StringComparer.Ordinal);

    public ApiTransport(ApiDescription api, ProducerGenClientOptions options, HttpClient http, Uri baseAddress, string apiKey, ILogger logger, SemaphoreSlim? gate = null)
    {
        _gate = gate;
        Api = api;
        Options = options;
        _http = http;
        BaseAddress = baseAddress;
        _apiKey = apiKey;
        Redactor = SecretRedactor.For(apiKey);
        Logger = Redactor is { } redactor && logger != Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance ? new RedactingLogger(logger, redactor) : logger;
        _pipeline = RetryPipelineFactory.Create(options, Logger, api.Name);
        _deadlines = options.RequestTimeout == Timeout.InfiniteTimeSpan ? null : new AttemptDeadlines(options.RequestTimeout, options.TimeProvider);
    }

    public ApiDescription Api { get; }

    public ProducerGenClientOptions Options { get; }

    public Uri BaseAddress { get; }

    public ILogger Logger { get; }

    public HttpClient HttpClient => _http;

    public TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>The API key, for redacting it from any server text we surface.</summary>
    internal string Secret => _apiKey;

    /// <summary>Redacts every form of the API key from server text; <see langword="null"/> only without a key.</summary>
    internal SecretRedactor? Redactor { get; }

    public Uri BuildUri(string path)
    {
        var root = BaseAddress.AbsoluteUri;
        return new Uri(root.TrimEnd('/') + "/" + path.TrimStart('/'), UriKind.Absolute);
    }

    /// <summary>The cached target of a fixed path of the schema (a model's submit path); see <see cref="SendTarget"/>.</summary>
    public SendTarget Target(string method, string path)
        => _targets.GetOrAdd((method, path), static (key, transport) =>
        {
            var uri = transport.BuildUri(key.Path);
            return new SendTarget(Method(key.Method), uri, $"{key.Method} {uri.AbsolutePath}", $"{key.Method} {key.Path}");
        }, this);

    /// <summary>The cached target of a model's submit path: <see cref="Target(string, string)"/>, found by the description's reference.</summary>
    public SendTarget Target(ModelDescription model)
    {
        if (_modelTargets.TryGetValue(model, out var known))
        {
            return known;
        }

        var target = Target(model.Method, model.Path);
        if (_modelTargets.Count < MaxModelTargets)
        {
            _modelTargets.TryAdd(model, target);
        }

        return target;
    }

    /// <summary>The shared <see cref="HttpMethod"/> instance for the usual methods (equal to a new one, without allocating it).</summary>
    public static HttpMethod Method(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "PATCH" => HttpMethod.Patch,
        "DELETE" => HttpMethod.Delete,
        "HEAD" => HttpMethod.Head,
        _ => new HttpMethod(method),
    };

    /// <summary>Whether the API key may be sent to <paramref name="uri"/>: only to the API's own scheme, host and port.</summary>
    public bool IsApiHost(Uri uri)
        => uri.IsAbsoluteUri
           && string.Equals(uri.Scheme, BaseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(uri.IdnHost, BaseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
           && uri.Port == BaseAddress.Port;

    public void AddAuthentication(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation(Api.AuthHeader, Api.AuthPrefix is { } prefix ? prefix + _apiKey : _apiKey);

    // bodyContentType: a multipart body's names its boundary; null means JSON. authenticate: false sends no key header (a public
    // catalog). replaySafe: whether a retry may resend the request; null keeps the rule below (GET, or a call with an idempotency key).
    public Task<ApiResponse> SendAsync(HttpMethod method, string path, byte[]? body, string? idempotencyKey, TimeSpan? timeout, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string>>? headers = null, string? bodyContentType = null, bool authenticate = true, bool? replaySafe = null)
        => SendAsync(method, BuildUri(path), body, idempotencyKey, timeout, cancellationToken, headers, bodyContentType, authenticate, replaySafe);

    /// <summary>Sends to an absolute URL on the API's host (a link a submit answer handed over); the caller checks <see cref="IsApiHost"/>.</summary>
    public Task<ApiResponse> SendAsync(HttpMethod method, Uri uri, byte[]? body, string? idempotencyKey, TimeSpan? timeout, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string>>? headers = null, string? bodyContentType = null, bool authenticate = true, bool? replaySafe = null)
        => SendAsync(method, uri, $"{method.Method} {uri.AbsolutePath}", body, idempotencyKey, timeout, cancellationToken, headers, bodyContentType, authenticate, replaySafe);

    /// <summary>Sends to a cached <see cref="SendTarget"/> (a model's submit path): nothing about the target is built per call.</summary>
    public Task<ApiResponse> SendAsync(SendTarget target, byte[]? body, string? idempotencyKey, TimeSpan? timeout, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string>>? headers = null, string? bodyContentType = null)
        => SendAsync(target.Method, target.Uri, target.Operation, body, idempotencyKey, timeout, cancellationToken, headers, bodyContentType, authenticate: true, replaySafe: null);

    private async Task<ApiResponse> SendAsync(HttpMethod method, Uri uri, string operation, byte[]? body, string? idempotencyKey, TimeSpan? timeout, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string>>? headers, string? bodyContentType, bool authenticate, bool? replaySafe)
    {
        if (_gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false); // before the pipeline: queued requests hold no attempt state
        }

        var state = new AttemptState(this, method, uri, operation, body, bodyContentType, idempotencyKey, headers, authenticate, timeout);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (replaySafe is { } safe)
        {
            context.Properties.Set(RetryPipelineFactory.ReplaySafeKey, safe);
        }
        else if (method != HttpMethod.Get && idempotencyKey is null)
        {
            // Without an idempotency key a replayed POST may create a second job: retry only where none can have been created.
            context.Properties.Set(RetryPipelineFactory.ReplaySafeKey, false);
        }
        try
        {
            using var response = await _pipeline.ExecuteAsync(static (ctx, s) => s.SendAttemptAsync(ctx), context, state).ConfigureAwait(false);
            // The attempt that answered read the body already: take its bytes (a response the pipeline made itself is read here).
            var bytes = state.BodyOf(response) ?? await response.Content.ReadAsByteArrayAsync(CancellationToken.None).ConfigureAwait(false);
            return new ApiResponse(
                (int)response.StatusCode,
                RedactReason(response.ReasonPhrase),
                bytes,
                ApiErrorFactory.Redact(BoundedContent.RequestId(response), Redactor), // headers are server text too: a hostile one may echo the key
                RetryAfter.From(response, TimeProvider),
                RedactLocation(response.Headers.Location),
                state.Attempts)
            {
                Requests = state.WireRequests.Requests,
                RetryLayer = state.WireRequests.RetryLayer,
            };
        }
        catch (Exception exception) when (TransientFailures.IsTransientException(exception) && !cancellationToken.IsCancellationRequested)
        {
            var kind = TransientFailures.IsTimeout(exception) ? "timed out" : "could not reach the service";
            var attempts = AttemptText.Count(state.Attempts, state.WireRequests.Requests, state.WireRequests.RetryLayer);
            throw new TransportException($"{operation} {kind} ({attempts}; last: {TransientFailures.Describe(exception)}).", exception, TransientFailures.IsTimeout(exception));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            _gate?.Release();
        }
    }

    /// <summary>
    /// Throws the typed error of a failed answer: an HTTP error status, or (where the API wraps its answers) an envelope whose
    /// code is not a success code, even inside an HTTP 200.
    /// </summary>
    public void ThrowIfFailed(ApiResponse response, string operation)
    {
        if (!response.IsSuccess)
        {
            Log.RequestFailed(Logger, operation, response.StatusCode, response.RequestId);
            throw ApiErrorFactory.Create(response, operation, Options.Retry, Secret, Api.ErrorReader);
        }

        if (Api.EnvelopeReader is { } envelope && response.Body.Length > 0 && TryParseObject(response.Body) is { } root && envelope.Failure(root) is { } failure)
        {
            Log.RequestFailed(Logger, operation, response.StatusCode, response.RequestId);
            throw ApiErrorFactory.FromEnvelope(response, operation, failure, Options.Retry, Secret);
        }
    }

    private static System.Text.Json.JsonElement? TryParseObject(byte[] body)
    {
        try
        {
            var root = Job.ParseRoot(body);
            return root.ValueKind == System.Text.Json.JsonValueKind.Object ? root : null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null; // not JSON: the caller's parse reports it
        }
    }

    // With the redactor built once (building one per call cost ~5 KB), and each common phrase redacted once.
    private string? RedactReason(string? reason)
    {
        if (reason is null || Redactor is not { } redactor)
        {
            return reason;
        }

        if (_redactedReasons.TryGetValue(reason, out var known))
        {
            return known;
        }

        var redacted = redactor.Redact(reason);
        if (reason.Length <= MaxCachedReasonLength && _redactedReasons.Count < MaxCachedReasons)
        {
            _redactedReasons.TryAdd(reason, redacted);
        }

        return redacted;
    }

    private Uri? RedactLocation(Uri? location)
    {
        if (location is null || !location.OriginalString.Contains(_apiKey, StringComparison.Ordinal))
        {
            return location;
        }

        return Uri.TryCreate(ApiErrorFactory.Redact(location.OriginalString, Redactor), UriKind.RelativeOrAbsolute, out var redacted) ? redacted : null;
    }

    // timeout: the per-call attempt timeout, or null for the options' one.
    private sealed class AttemptState(ApiTransport transport, HttpMethod method, Uri uri, string operation, byte[]? body, string? bodyContentType, string? idempotencyKey, IEnumerable<KeyValuePair<string, string>>? headers, bool authenticate, TimeSpan? timeout)
    {
        private int _attempts;
        // The last attempt's response and the body it read (attempts run one after another: the retry pipeline does not hedge).
        private HttpResponseMessage? _answered;
        private byte[]? _answeredBody;

        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>The body an attempt read for <paramref name="response"/>, or null when no attempt answered with it.</summary>
        public byte[]? BodyOf(HttpResponseMessage response)
            => ReferenceEquals(_answered, response) ? _answeredBody : null;

        /// <summary>Shared by every attempt's request, so requests a retrying handler adds are counted too.</summary>
        public WireRequestCount WireRequests { get; } = new();

        // The attempt's timeout covers sending, the headers and buffering the body. The options' timeout shares a token source among
        // attempts that start close together (AttemptDeadlines); a per-call one gets its own. A timeout surfaces as Polly's
        // TimeoutRejectedException, as it did when Polly's timeout strategy ran it, so retries, errors and telemetry see the same.
        public async ValueTask<HttpResponseMessage> SendAttemptAsync(ResilienceContext context)
        {
            var cancellationToken = context.CancellationToken;
            Interlocked.Increment(ref _attempts);
            var limit = timeout ?? transport.Options.RequestTimeout;
            CancellationTokenSource? own = null;
            CancellationTokenSource? linked = null;
            var deadline = CancellationToken.None;
            var token = cancellationToken;
            if (limit != Timeout.InfiniteTimeSpan)
            {
                if (timeout is null && transport._deadlines is { } shared)
                {
                    deadline = shared.Token();
                }
                else
                {
                    own = new CancellationTokenSource(limit, transport.TimeProvider);
                    deadline = own.Token;
                }

                if (cancellationToken.CanBeCanceled)
                {
                    linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
                    token = linked.Token;
                }
                else
                {
                    token = deadline;
                }
            }

            try
            {
                using var request = CreateRequest();
                var response = await transport._http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                try
                {
                    // Only the bytes are kept, with the response they came from; nothing reads the content again.
                    var bytes = await BoundedContent.ReadAsync(response, transport.Options.MaxResponseBodyBytes, transport._apiKey, token).ConfigureAwait(false);
                    (_answered, _answeredBody) = (response, bytes);
                    if (!response.IsSuccessStatusCode)
                    {
                        NameOperation(context); // an answer the retry strategy may retry
                    }

                    return response;
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }
            catch (Exception) when (NameOperation(context))
            {
                throw; // not reached: the filter only names the operation for a retry's log
            }
            catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutRejectedException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The attempt did not complete within its timeout of {limit}."), limit, exception);
            }
            finally
            {
                linked?.Dispose();
                own?.Dispose();
            }
        }

        // The retry strategy's log and the Retry-After cap's name the operation; only an attempt that failed puts it in the context,
        // so a request answered first time writes no property (the pooled context clears them on return).
        private bool NameOperation(ResilienceContext context)
        {
            context.Properties.Set(RetryPipelineFactory.OperationKey, operation);
            return false;
        }

        private HttpRequestMessage CreateRequest()
        {
            var request = new HttpRequestMessage(method, uri);
            if (transport.Options.CountsWireRequests)
            {
                // Only where a counting handler is in the pipeline: the options dictionary is created on first use, ~200 B per request.
                request.Options.Set(WireRequestCount.Key, WireRequests);
            }
            if (authenticate)
            {
                transport.AddAuthentication(request);
            }

            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Text); // constant text: no typed header collection per request
            request.Headers.TryAddWithoutValidation("Accept", "application/json"); // a constant: no header value object per request
            if (idempotencyKey is not null && transport.Api.IdempotencyHeader is { } idempotencyHeader)
            {
                request.Headers.TryAddWithoutValidation(idempotencyHeader, idempotencyKey);
            }

            foreach (var (name, value) in transport.Api.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            foreach (var (name, value) in headers ?? [])
            {
                request.Headers.Remove(name); // a per-call header replaces the API's fixed one of that name
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (body is not null)
            {
                // The same bytes every attempt: a retry resends the whole body, files and all.
                request.Content = new ByteArrayContent(body);
                if (bodyContentType is null)
                {
                    // A constant: no MediaTypeHeaderValue and charset parameter objects per request (read back, it parses as before).
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
                }
                else
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(bodyContentType);
                }
            }

            return request;
        }
    }
}

/// <summary>A fixed request target built once: its method, absolute URI, the operation text the transport logs, and the <c>METHOD path</c> text errors name.</summary>
internal sealed record SendTarget(HttpMethod Method, Uri Uri, string Operation, string Display);
