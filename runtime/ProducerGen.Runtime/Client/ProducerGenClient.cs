using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProducerGen;

/// <summary>
/// The client every generated client wraps: submits validated requests idempotently with retries, waits for jobs, downloads outputs.
/// Thread-safe; create one per API and reuse it.
/// </summary>
public class ProducerGenClient : IDisposable
{
    private readonly ApiTransport _transport;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly Downloader _downloader;
    private readonly OperationSender _operations;
    private int _disposed;

    /// <summary>
    /// For mocking only (e.g. <c>Substitute.For&lt;ProducerGenClient&gt;()</c>): a client with no connection, whose members must all be
    /// overridden before use. Real clients come from the other constructor.
    /// </summary>
    protected ProducerGenClient()
    {
        _transport = null!;
        _httpClient = null!;
        _downloader = null!;
        _operations = null!;
        Jobs = null!;
        Api = null!;
    }

    /// <summary>Creates a client.</summary>
    /// <param name="api">The API's description.</param>
    /// <param name="options">The settings; read once, here.</param>
    /// <param name="httpClient">
    /// The <see cref="HttpClient"/> to send with (e.g. from <c>IHttpClientFactory</c>); not disposed by this client.
    /// When <see langword="null"/>, the client creates one that never follows redirects, and disposes it.
    /// </param>
    /// <exception cref="ArgumentException">The base address is not https (plain http is allowed for loopback only) or the options are out of range.</exception>
    /// <exception cref="InvalidOperationException">No API key in the options nor in the API's environment variable.</exception>
    public ProducerGenClient(ApiDescription api, ProducerGenClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);

        var apiKey = ResolveApiKey(api, options);
        var baseAddress = BaseAddressRules.Validate(options.BaseAddress ?? httpClient?.BaseAddress ?? api.DefaultBaseAddress, api.Name);
        var logger = options.LoggerFactory?.CreateLogger("ProducerGen") ?? NullLogger.Instance;

        if (httpClient is null)
        {
            _httpClient = new HttpClient(CreateDefaultHandler(options.MaxConnectionsPerServer), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttpClient = true;
        }
        else
        {
            _httpClient = httpClient;
        }

        Api = api;
        _transport = new ApiTransport(api, options, _httpClient, baseAddress, apiKey, logger, RequestGate.For(options, _ownsHttpClient));
        _downloader = new Downloader(_transport);
        Jobs = new JobsClient(_transport);
        _operations = new OperationSender(_transport);
    }

    /// <summary>Reads and waits for jobs by id.</summary>
    public virtual JobsClient Jobs { get; }

    /// <summary>The API this client talks to.</summary>
    public virtual ApiDescription Api { get; }

    /// <summary>The base address requests go to.</summary>
    public virtual Uri BaseAddress => _transport.BaseAddress;

    /// <summary>
    /// Validates and submits a request; returns once the service has accepted the job (a replayed submission that returns the
    /// existing job counts as accepted). Every retry carries the same idempotency key, so a retried submission never creates a second job.
    /// </summary>
    /// <param name="model">The model to run.</param>
    /// <param name="request">The request body.</param>
    /// <param name="options">The idempotency key and timeout of this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted job's handle.</returns>
    /// <exception cref="RequestValidationException">The request breaks the schema; nothing was sent.</exception>
    /// <exception cref="ProducerGenException">
    /// The service refused or failed, or could not be reached; see the derived types. Its <see cref="ProducerGenException.IdempotencyKey"/>
    /// is the key this submission carried: resubmit with it to get the job the failed call may have created, never a second one.
    /// </exception>
    [EditorBrowsable(EditorBrowsableState.Never)] // Generated operations call it: client.Producer.SubmitAsync(request) is the API users see.
    public virtual Task<JobHandle> SubmitAsync(ModelDescription model, IGenerationRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default)
        => SubmitCoreAsync(model, request, options, held: null, cancellationToken); // never held: SubmitAsync returns as soon as the job is accepted

    /// <summary>
    /// The submission. With <paramref name="held"/> (submit-and-wait on an API with <see cref="ApiDescription.SubmissionHold"/>) it
    /// sends the hold header for <see cref="HeldAnswer.Seconds"/> unless the caller set that header, gives the attempt the hold on top of
    /// its timeout, and puts a job the answer already shows terminal into <paramref name="held"/>.
    /// </summary>
    private async Task<JobHandle> SubmitCoreAsync(ModelDescription model, IGenerationRequest request, RequestOptions? options, HeldAnswer? held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        request.Validate().ThrowIfInvalid();
        RequestHeaders.CheckPerCall(options?.Headers, Api);
        string? idempotencyKey = null;
        if (Api.IdempotencyHeader is not null)
        {
            idempotencyKey = IdempotencyKeys.Resolve(options?.IdempotencyKey, Api.IdempotencyKeyMaxLength);
        }
        else if (options?.IdempotencyKey is not null)
        {
            // Silently dropping a key the caller relies on for safe retries would be worse than refusing it.
            throw new ArgumentException($"The {Api.Name} API takes no idempotency key (its schema declares no 'idempotency:'), so RequestOptions.IdempotencyKey cannot make a retry safe; leave it null.", nameof(options));
        }

        var body = await RequestBody.CreateAsync(request, cancellationToken).ConfigureAwait(false);

        using var activity = ProducerGenTelemetry.ActivitySource.StartActivity(TelemetryNames.Submit, ActivityKind.Client);
        activity?.SetTag(TelemetryNames.Api, Api.Name);
        activity?.SetTag(TelemetryNames.Model, model.ModelId);
        Log.Submitting(_transport.Logger, Api.Name, model.ModelId, model.Method, model.Path, idempotencyKey);
        var headers = options?.Headers;
        var timeout = options?.Timeout;
        DateTimeOffset? sentAt = null;
        if (held is not null)
        {
            (headers, timeout) = HoldHeaders(held, options);
            sentAt = _transport.TimeProvider.GetUtcNow(); // a held answer comes late: the job's age counts from here
            activity?.SetTag(TelemetryNames.SubmitHoldSeconds, held.Seconds);
            Log.Holding(_transport.Logger, Api.Name, model.ModelId, held.Seconds);
        }

        try
        {
            // Without a query string the target is the model's fixed path: its method, URI and operation texts are built once per client.
            var path = QueryString.Append(model.Path, request);
            var target = ReferenceEquals(path, model.Path) ? _transport.Target(model) : null;
            var response = target is not null
                ? await _transport.SendAsync(target, body.Bytes, idempotencyKey, timeout, cancellationToken, headers, body.ContentType).ConfigureAwait(false)
                : await _transport.SendAsync(ApiTransport.Method(model.Method), path, body.Bytes, idempotencyKey, timeout, cancellationToken, headers, body.ContentType).ConfigureAwait(false);
            var operation = target?.Display ?? $"{model.Method} {model.Path}";
            activity?.SetTag(TelemetryNames.HttpStatusCode, response.StatusCode);
            _transport.ThrowIfFailed(response, operation);
            var accepted = ReadAccepted(response, operation, held);
            activity?.SetTag(TelemetryNames.JobId, ApiErrorFactory.Redact(accepted.Id, _transport.Redactor)); // server text: a hostile server may echo the key
            Log.Accepted(_transport.Logger, accepted.Id, accepted.Status);
            return new JobHandle(accepted.Id, accepted.Status, model.ModelId, idempotencyKey, model.AverageCompletion)
            {
                SubmittedAt = sentAt ?? _transport.TimeProvider.GetUtcNow(),
                // A link the answer handed over wins; else the model's own routes, where its endpoint has them.
                StatusUrl = accepted.StatusUrl ?? Jobs.ModelUrl(model.JobPath, accepted.Id),
                ResultUrl = accepted.ResultUrl ?? Jobs.ModelUrl(model.ResultPath, accepted.Id),
            };
        }
        catch (Exception exception) when (SpanFailure.Record(activity, exception, _transport.Redactor))
        {
            throw; // not reached: the filter only marks the span
        }
        catch (ProducerGenException exception)
        {
            // Whatever went wrong after the key was chosen, the caller can retry this very submission with it (issue 14, item 10).
            exception.IdempotencyKey ??= idempotencyKey;
            throw;
        }
    }

    /// <summary>
    /// Sends one of the API's plain operations (the schema's <c>operations:</c>): validates the request, fills the path's placeholders
    /// with <paramref name="pathValues"/> in order, sends the request's query members, and a body (multipart for a multipart request,
    /// JSON otherwise) unless the method is <c>GET</c>, <c>HEAD</c> or <c>DELETE</c> or there is no request.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="pathValues">The path's placeholder values, in order; each is escaped (<c>{name}</c> escapes <c>/</c> too).</param>
    /// <param name="request">The request, or <see langword="null"/> for none.</param>
    /// <param name="options">The idempotency key (only for an operation that sends one), headers and timeout of this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer: status, JSON body (null when empty) and request id.</returns>
    /// <exception cref="ArgumentException">
    /// The path values do not match the placeholders, or one is null, empty, <c>.</c> or <c>..</c>; or an idempotency key was given for an
    /// operation that sends none. Nothing was sent.
    /// </exception>
    /// <exception cref="RequestValidationException">The request breaks the schema (or a file its limits); nothing was sent.</exception>
    /// <exception cref="UnexpectedResponseException">A 2xx the operation does not document, or a body that is not JSON.</exception>
    /// <exception cref="ProducerGenException">The service refused or failed; see the derived types (401, 402, 404, 409, 400, 429...).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)] // Generated operations call it: client.Loras.GetAsync(id) is the API users see.
    public virtual Task<OperationResponse> SendOperationAsync(OperationDescription operation, IReadOnlyList<string> pathValues, IGenerationRequest? request,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var path = operation.Template.Expand(pathValues, operation.Display, nameof(pathValues));
        return SendCoreAsync(operation, path, request, options, cancellationToken);
    }

    /// <summary>
    /// A cursor-paged list operation as an <see cref="AsyncPageable{T}"/>: nothing is sent until it is enumerated; each page sends
    /// the request's query members plus the cursor (and the page size hint).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="operation">The list operation.</param>
    /// <param name="page">Where the items and the next cursor are, and how the cursor and page size are sent.</param>
    /// <param name="pathValues">The path's placeholder values, in order.</param>
    /// <param name="request">The request (its filters are sent with every page), or <see langword="null"/>.</param>
    /// <param name="readItem">Reads one item.</param>
    /// <param name="options">Headers and timeout of each page's call.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The pageable.</returns>
    /// <exception cref="ArgumentException">The path values do not match the placeholders, or one is null, empty, <c>.</c> or <c>..</c>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)] // Generated operations call it: client.Loras.ListAsync() is the API users see.
    public virtual AsyncPageable<T> GetPageable<T>(OperationDescription operation, PageDescription page, IReadOnlyList<string> pathValues,
        IGenerationRequest? request, Func<JsonElement, T> readItem, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(readItem);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var path = operation.Template.Expand(pathValues, operation.Display, nameof(pathValues));
        return new OperationPageable<T>(_operations, operation, page, path, request, readItem, options, cancellationToken);
    }

    /// <summary>
    /// Sends the operation that creates a long-running resource (e.g. <c>POST /v2/loras</c> answering 202 <c>{id, status}</c>) and
    /// returns it as a <see cref="ResourceOperation{T}"/> to update or wait on.
    /// </summary>
    /// <typeparam name="T">The resource's typed view.</typeparam>
    /// <param name="operation">The create operation.</param>
    /// <param name="resource">How the resource is read and which statuses mean what.</param>
    /// <param name="pathValues">The create path's placeholder values, in order.</param>
    /// <param name="request">The create request, or <see langword="null"/>.</param>
    /// <param name="read">Reads the resource's typed view from an answer.</param>
    /// <param name="options">The idempotency key, headers and timeout of the create call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The resource, with the id and status of the create answer.</returns>
    /// <exception cref="UnexpectedResponseException">The answer has no usable id (at the resource's id path).</exception>
    /// <exception cref="ProducerGenException">The create failed; see <see cref="SendOperationAsync"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)] // Generated operations call it: client.Loras.CreateAsync(request) is the API users see.
    public virtual async Task<ResourceOperation<T>> StartResourceAsync<T>(OperationDescription operation, ResourceDescription resource, IReadOnlyList<string> pathValues,
        IGenerationRequest? request, Func<JsonElement, T> read, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(operation);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var path = operation.Template.Expand(pathValues, operation.Display, nameof(pathValues));
        var (answer, _, idempotencyKey) = await _operations.SendAsync(operation, path, request, extraQuery: null, options, cancellationToken).ConfigureAwait(false);
        var body = answer.Body is { ValueKind: JsonValueKind.Object } json ? json : default;
        var id = body.ValueKind == JsonValueKind.Object ? resource.IdPath.ReadText(body) : null;
        if (resource.IdProblem(id) is not null)
        {
            var requestId = answer.RequestId is { } rid ? $" Request id: {rid}." : string.Empty;
            throw new UnexpectedResponseException(
                ApiErrorFactory.Redact($"{operation.Display} returned HTTP {answer.StatusCode} but the body has no '{resource.IdPath}' that can name a {resource.Name} in '{resource.Get.Path}'.{requestId}", _transport.Redactor)!,
                new ApiResponseInfo(answer.StatusCode, answer.RequestId, null, null))
            { IdempotencyKey = idempotencyKey };
        }

        var status = resource.StatusPath.ReadText(body) ?? (resource.Pending.Count > 0 ? resource.Pending[0] : string.Empty);
        return new ResourceOperation<T>(_operations, resource, id!, status, body, read);
    }

    /// <summary>Resumes a long-running resource by its id, from any process; nothing is sent until it is updated or waited on.</summary>
    /// <typeparam name="T">The resource's typed view.</typeparam>
    /// <param name="resource">How the resource is read and which statuses mean what.</param>
    /// <param name="id">The resource's id.</param>
    /// <param name="read">Reads the resource's typed view from an answer.</param>
    /// <returns>The resource, with an empty <see cref="ResourceOperation{T}.Status"/> until it is read.</returns>
    /// <exception cref="ArgumentException">The id is empty, <c>.</c> or <c>..</c>, or holds <c>/</c> where the path takes one segment.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)] // Generated operations call it: client.Loras.Resume(id) is the API users see.
    public virtual ResourceOperation<T> ResumeResource<T>(ResourceDescription resource, string id, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (resource.IdProblem(id) is { } problem)
        {
            throw new ArgumentException($"The {resource.Name} id {problem}; it becomes part of the URL path '{resource.Get.Path}'.", nameof(id));
        }

        return new ResourceOperation<T>(_operations, resource, id, string.Empty, default, read);
    }

    private async Task<OperationResponse> SendCoreAsync(OperationDescription operation, string path, IGenerationRequest? request, RequestOptions? options, CancellationToken cancellationToken)
        => (await _operations.SendAsync(operation, path, request, extraQuery: null, options, cancellationToken).ConfigureAwait(false)).Response;

    /// <summary>Submits a request and waits for its job to finish.</summary>
    /// <param name="model">The model to run.</param>
    /// <param name="request">The request body.</param>
    /// <param name="progress">Receives status and progress changes.</param>
    /// <param name="cancellationToken">Cancels the submission or ends the wait promptly.</param>
    /// <returns>The succeeded job.</returns>
    /// <exception cref="RequestValidationException">The request breaks the schema; nothing was sent.</exception>
    /// <exception cref="JobFailedException">The job ended in a failed status.</exception>
    /// <exception cref="JobTimeoutException">The job did not finish within <see cref="JobWaitOptions.MaxWait"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)] // Generated operations call it: client.Producer.GenerateAsync(request) is the API users see.
    public virtual Task<Job> SubmitAndWaitAsync(ModelDescription model, IGenerationRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
        => SubmitAndWaitAsync(model, request, options: null, progress, cancellationToken);

    /// <summary>
    /// Submits a request with per-call options (your own idempotency key, an attempt timeout) and waits for its job to finish.
    /// Every exception after validation carries the submission's <see cref="ProducerGenException.IdempotencyKey"/>: calling again
    /// with <c>new RequestOptions { IdempotencyKey = exception.IdempotencyKey }</c> resumes the same job (the service replays it)
    /// instead of creating a second one.
    /// </summary>
    /// <param name="model">The model to run.</param>
    /// <param name="request">The request body.</param>
    /// <param name="options">The idempotency key and attempt timeout of the submission; <see langword="null"/> for defaults.</param>
    /// <param name="progress">Receives status and progress changes.</param>
    /// <param name="cancellationToken">Cancels the submission or ends the wait promptly.</param>
    /// <returns>The succeeded job.</returns>
    /// <exception cref="RequestValidationException">The request breaks the schema; nothing was sent.</exception>
    /// <exception cref="JobFailedException">The job ended in a failed status.</exception>
    /// <exception cref="JobTimeoutException">The job did not finish within <see cref="JobWaitOptions.MaxWait"/>.</exception>
    /// <exception cref="ProducerGenException">The submission or a poll failed; see the derived types.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)] // Generated operations call it: client.Producer.GenerateAsync(request, options) is the API users see.
    public virtual async Task<Job> SubmitAndWaitAsync(ModelDescription model, IGenerationRequest request, RequestOptions? options, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);

        // One span over both steps: without a caller's span the Submit and the Wait would otherwise start two unrelated traces.
        using var activity = ProducerGenTelemetry.ActivitySource.StartActivity(TelemetryNames.Generate, ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.Api, Api.Name);
        activity?.SetTag(TelemetryNames.Model, model.ModelId);
        try
        {
            var job = await SubmitThenWaitAsync(model, request, options, progress, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(TelemetryNames.JobId, ApiErrorFactory.Redact(job.Id, _transport.Redactor));
            activity?.SetTag(TelemetryNames.JobStatus, ApiErrorFactory.Redact(job.Status, _transport.Redactor));
            return job;
        }
        catch (Exception exception) when (SpanFailure.Record(activity, exception, _transport.Redactor))
        {
            throw; // not reached: the filter only marks the span
        }
    }

    private async Task<Job> SubmitThenWaitAsync(ModelDescription model, IGenerationRequest request, RequestOptions? options, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        // A hold asks for what is left of the wait (all of MaxWait, here), at most the provider's maximum; under a second, none.
        var hold = Api.SubmissionHold;
        var seconds = hold?.SecondsFor(_transport.Options.Waiting.MaxWait) ?? 0;
        if (seconds == 0)
        {
            var handle = await SubmitAsync(model, request, options, cancellationToken).ConfigureAwait(false);
            return await WaitForAsync(handle, progress, held: null, cancellationToken).ConfigureAwait(false);
        }

        var answer = new HeldAnswer(hold!, seconds, _transport.TimeProvider.GetTimestamp());
        var heldHandle = await SubmitCoreAsync(model, request, options, answer, cancellationToken).ConfigureAwait(false);
        return await WaitForAsync(heldHandle, progress, answer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Job> WaitForAsync(JobHandle handle, IProgress<JobProgress>? progress, HeldAnswer? held, CancellationToken cancellationToken)
    {
        try
        {
            var job = held is null
                ? await Jobs.WaitAsync(handle, progress, cancellationToken).ConfigureAwait(false)
                : await Jobs.WaitHeldAsync(handle, held, progress, cancellationToken).ConfigureAwait(false);
            return job.IsFailed ? throw new JobFailedException(job, _transport.Secret) : job;
        }
        catch (ProducerGenException exception)
        {
            // The job exists: resubmitting with its key replays it, so the wait can be resumed from the same call.
            exception.IdempotencyKey ??= handle.IdempotencyKey;
            throw;
        }
    }

    /// <summary>
    /// Streams an output file into <paramref name="destination"/>. Only absolute http(s) URLs are accepted; the API key is sent only
    /// to the API's own host (output CDNs never see it), also across redirects.
    /// </summary>
    /// <param name="url">The file's URL, e.g. from <see cref="Job.GetOutputUrls"/>.</param>
    /// <param name="destination">Where to write the bytes.</param>
    /// <param name="progress">Receives the number of bytes written so far: after the first chunk, then at most every 100 ms, and the total at the end.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL.</exception>
    /// <exception cref="DownloadStalledException">No body bytes arrived for <see cref="ProducerGenClientOptions.DownloadIdleTimeout"/>.</exception>
    /// <exception cref="ResponseTooLargeException">The file is larger than <see cref="ProducerGenClientOptions.MaxDownloadBytes"/>.</exception>
    /// <exception cref="TransportException">The headers did not arrive within the request timeout, or the connection failed.</exception>
    public virtual Task<long> DownloadAsync(Uri url, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _downloader.DownloadAsync(url, destination, progress, cancellationToken);
    }

    /// <summary>
    /// Downloads an output file into <paramref name="directory"/> under a safe name: <paramref name="suggestedName"/> (e.g. a track title)
    /// or the URL's last segment, sanitized (<see cref="FileNameSanitizer"/>) and made unique. A failed download leaves no partial file.
    /// </summary>
    /// <param name="url">The file's URL.</param>
    /// <param name="directory">The directory to write into; created when missing.</param>
    /// <param name="suggestedName">A preferred file name; the URL's extension is added when it has none.</param>
    /// <param name="progress">Receives the number of bytes written so far: after the first chunk, then at most every 100 ms, and the total at the end.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL.</exception>
    /// <exception cref="DownloadStalledException">No body bytes arrived for <see cref="ProducerGenClientOptions.DownloadIdleTimeout"/>; no file is left.</exception>
    /// <exception cref="ResponseTooLargeException">The file is larger than <see cref="ProducerGenClientOptions.MaxDownloadBytes"/>; no file is left.</exception>
    /// <exception cref="TransportException">The headers did not arrive within the request timeout, or the connection failed; no file is left.</exception>
    public virtual Task<string> DownloadToDirectoryAsync(Uri url, string directory, string? suggestedName = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _downloader.DownloadToDirectoryAsync(url, directory, suggestedName, progress, cancellationToken);
    }

    /// <summary>
    /// Creates a verifier of this API's webhooks in the scheme its schema declares: keyed by this client's API key by default, or by the
    /// secret(s) in the schema's <c>secretEnv</c> variable for Standard Webhooks and <c>t=…,v1=…</c> headers.
    /// </summary>
    /// <returns>The verifier.</returns>
    public virtual WebhookVerifier CreateWebhookVerifier()
        => (Api.WebhookSigning?.Scheme ?? WebhookSignatureScheme.ApiKeyHmac) == WebhookSignatureScheme.ApiKeyHmac
            ? new(_transport.Secret, Api)
            : new(Api, null, _transport.TimeProvider); // A scheme with its own secret reads it from the schema's secretEnv.

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it; safe on a mock, which owns nothing.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>; <see langword="false"/> from a finalizer.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _transport is null // a mock has no connection
        ? nameof(ProducerGenClient)
        : $"{nameof(ProducerGenClient)} {{ Api = {Api.Name}, BaseAddress = {BaseAddress} }}";

    internal static SocketsHttpHandler CreateDefaultHandler(int maxConnectionsPerServer) => new()
    {
        // Checked here, where it is used: AddProducerGenClient creates the handler before any client exists.
        MaxConnectionsPerServer = maxConnectionsPerServer > 0 ? maxConnectionsPerServer
            : throw new ArgumentOutOfRangeException(nameof(maxConnectionsPerServer), maxConnectionsPerServer, "MaxConnectionsPerServer must be positive."),
        AllowAutoRedirect = false, // a redirect must never carry the API key to another host
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    internal static void ValidateOptions(ProducerGenClientOptions options)
    {
        if (options.RequestTimeout <= TimeSpan.Zero && options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RequestTimeout, "RequestTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (options.MaxResponseBodyBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxResponseBodyBytes, "MaxResponseBodyBytes must be positive.");
        }

        if (options.DownloadIdleTimeout <= TimeSpan.Zero && options.DownloadIdleTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DownloadIdleTimeout, "DownloadIdleTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (options.MaxConcurrentRequests is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrentRequests, "MaxConcurrentRequests must be positive (or null for the default).");
        }

        if (options.MaxDownloadBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDownloadBytes, "MaxDownloadBytes must be positive (or null for unbounded).");
        }

        ArgumentNullException.ThrowIfNull(options.Retry, "options.Retry");
        ArgumentNullException.ThrowIfNull(options.Waiting, "options.Waiting");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        options.Retry.Validate();
        options.Waiting.Validate();
    }

    internal static string ResolveApiKey(ApiDescription api, ProducerGenClientOptions options)
    {
        var key = options.ApiKey;
        if (string.IsNullOrWhiteSpace(key) && api.AuthEnvironmentVariable is { } variable)
        {
            key = Environment.GetEnvironmentVariable(variable);
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            var where = api.AuthEnvironmentVariable is { } name ? $" or the {name} environment variable" : string.Empty;
            throw new InvalidOperationException($"No API key for the {api.Name} client: set {options.GetType().Name}.ApiKey{where}.");
        }

        key = key.Trim();
        for (var i = 0; i < key.Length; i++)
        {
            // Checked here, not on the wire: HttpClient refuses such a header value on every attempt, which would surface as a
            // network error after all retries. The message names the position only, never the key or the character.
            var c = key[i];
            if (c is < ' ' or (char)127)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The API key of the {api.Name} client contains a control character (such as CR or LF) at position {i + 1}, which cannot be sent in an HTTP header. Check how the key was copied or read."), nameof(options));
            }

            if (c > '~')
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The API key of the {api.Name} client contains a non-ASCII character at position {i + 1}, which cannot be sent in an HTTP header. API keys are plain ASCII; check how the key was copied or read (e.g. a typographic quote or a non-breaking space)."), nameof(options));
            }
        }

        return key;
    }

    /// <summary>
    /// The headers and attempt timeout of a held submission: the caller's headers plus the hold's (a caller's header of the same name
    /// wins), and the attempt timeout (the call's, else the client's) lengthened by the hold so it never cuts the held answer short.
    /// </summary>
    private (IDictionary<string, string> Headers, TimeSpan Timeout) HoldHeaders(HeldAnswer held, RequestOptions? options)
    {
        var headers = options?.Headers is { } own
            ? new Dictionary<string, string>(own, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(1, StringComparer.OrdinalIgnoreCase);
        headers.TryAdd(held.Hold.Header, held.Hold.FormatValue(held.Seconds));
        var attempt = options?.Timeout ?? _transport.Options.RequestTimeout;
        var timeout = attempt == Timeout.InfiniteTimeSpan ? attempt : attempt + TimeSpan.FromSeconds(held.Seconds);
        return (headers, timeout);
    }

    private (string Id, string Status, Uri? StatusUrl, Uri? ResultUrl) ReadAccepted(ApiResponse response, string operation, HeldAnswer? held = null)
    {
        var reader = Api.JobReader;

        // The usual answer is read off its bytes; a held one (which may be the whole job), one without an id, or one the scan does not
        // read as the document would, is parsed below and gives the same values or the same errors as always.
        if (held is null && reader.TryReadAccepted(response.Body, out var scannedId, out var scannedStatus, out var statusText, out var resultText) && !string.IsNullOrWhiteSpace(scannedId))
        {
            CheckUsableId(response, operation, scannedId);
            var status = (reader.Shape.StatusSource == JobStatusSource.Body ? scannedStatus : null) ?? FirstStatus;
            return (scannedId, status, ApiLink(JobReader.Url(statusText), response, operation), ApiLink(JobReader.Url(resultText), response, operation));
        }

        try
        {
            // Everything read here is copied out (strings, URIs) before the document is disposed.
            using var document = Job.TryParseInPlace(response.Body);
            var root = document?.RootElement ?? Job.ParseRoot(response.Body);
            if (root.ValueKind == JsonValueKind.Object)
            {
                var id = reader.ReadSubmittedId(root);
                if (!string.IsNullOrWhiteSpace(id))
                {
                    CheckUsableId(response, operation, id);
                    var status = (reader.Shape.StatusSource == JobStatusSource.Body ? reader.ReadStatus(root) : null) ?? FirstStatus;
                    if (held is not null && TryReadHeldJob(root, id, response.StatusCode) is { } job)
                    {
                        if (Api.IsTerminalStatus(status))
                        {
                            // The held answer is the job itself, done: read it as a poll would, so no poll is needed.
                            held.Job = job.IsPending ? null : job;
                        }
                        else if (job is { IsPending: true, Progress: { } reported })
                        {
                            held.PendingProgress = (reported, _transport.TimeProvider.GetUtcNow());
                        }
                    }

                    return (id, status, ApiLink(reader.ReadStatusUrl(root), response, operation), ApiLink(reader.ReadResultUrl(root), response, operation));
                }
            }

            var members = reader.HasIdPath ? $"'{reader.IdDescription}'" : $"'jobId' or '{Api.JobIdField}'";
            throw ApiErrorFactory.Malformed(response, operation, $"the body has no {members}", _transport.Secret);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a member that is not valid UTF-8 cannot be read as text.
            throw ApiErrorFactory.Malformed(response, operation, $"the body is not valid JSON ({exception.Message})", _transport.Secret, exception);
        }
    }

    // A submit's status when the answer names none.
    private string FirstStatus => Api.PendingStatuses.Count > 0 ? Api.PendingStatuses[0] : "QUEUED";

    private void CheckUsableId(ApiResponse response, string operation, string id)
    {
        if (!JobIds.IsUsable(Api, id))
        {
            // '..' or 'a/b' would send every later poll to another path (GET /v2/ for '..').
            throw ApiErrorFactory.Malformed(response, operation, "the job id it returned cannot name a job in a URL path (it is '.' or '..', or holds '/', '\\', '?', '#' or control characters)", _transport.Secret);
        }
    }

    /// <summary>The job a held answer holds, or null when it is not a job object for <paramref name="id"/> (then the wait polls for it).</summary>
    private Job? TryReadHeldJob(JsonElement root, string id, int statusCode)
    {
        try
        {
            var job = Job.Read(root, Api, expectedId: id, httpStatus: statusCode);
            return string.Equals(job.Id, id, StringComparison.Ordinal) ? job : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A link from the submit answer, used only on the API's own host: the key is sent with every poll, so a link elsewhere is refused.</summary>
    private Uri? ApiLink(Uri? link, ApiResponse response, string operation)
    {
        if (link is null || _transport.IsApiHost(link))
        {
            return link;
        }

        throw ApiErrorFactory.Malformed(response, operation, $"it handed over a job link to another host ({link.GetLeftPart(UriPartial.Authority)}), where the API key must not be sent; the base address is {_transport.BaseAddress.GetLeftPart(UriPartial.Authority)}", _transport.Secret);
    }
}
