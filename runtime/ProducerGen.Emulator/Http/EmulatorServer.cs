using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using ProducerGen.Emulator.Audio;
using ProducerGen.Emulator.Jobs;
using ProducerGen.Emulator.Media;
using ProducerGen.Emulator.Operations;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Http;

/// <summary>The emulator's routes and state: jobs, idempotency keys, credits, faults and webhooks.</summary>
internal sealed partial class EmulatorServer : IAsyncDisposable
{
    internal const string ApiKeyItem = "ProducerGen.Emulator.ApiKey";
    private const string FilesPrefix = "/files/";
    private const string RequestIdHeader = "x-request-id";
    private const string JsonMediaType = "application/json";
    private const string MultipartMediaType = "multipart/form-data";

    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly FaultInjector _faults;
    private readonly WebhookDispatcher _webhooks;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, EmulatedJob> _jobs = new();
    private readonly Dictionary<(string ApiKey, string Key), IdempotencyEntry> _idempotency = new();
    private readonly List<EmulatedJob> _pendingRefunds = new();
    private readonly string _idField;
    private readonly AnswerShape _answers;
    private readonly OperationRouter _operations;
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private AllowedMethods? _allowed;

    public EmulatorServer(SchemaDocument schema, EmulatorOptions options)
    {
        Schema = schema;
        _options = options;
        _time = options.TimeProvider;
        Validator = new SchemaRequestValidator(schema);
        Keys = new KeyRegistry(options.ApiKeys, options.AcceptAnyKey);
        _faults = new FaultInjector(options.Faults ?? new FaultOptions());
        _idField = string.IsNullOrEmpty(schema.Api.Jobs.IdField) ? "id" : schema.Api.Jobs.IdField;
        _answers = new AnswerShape(schema);
        _webhooks = new WebhookDispatcher(options, Stats, _idField, schema.Api.Webhooks);
        _operations = new OperationRouter(this, options);
    }

    public SchemaDocument Schema { get; }

    public SchemaRequestValidator Validator { get; }

    public EmulatorStats Stats { get; } = new();

    public KeyRegistry Keys { get; }

    public void Map(WebApplication app)
    {
        _logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProducerGen.Emulator");
        _allowed = new AllowedMethods(app, Schema);
        app.Use(GuardAsync);
        if (_options.CorsOrigins.Count > 0)
        {
            // Before the key check, so preflights need no key; the CORS headers also reach error answers.
            app.UseCors(policy => EmulatorCors.Configure(policy, _options.CorsOrigins));
        }

        app.Use(PreambleAsync);
        foreach (var endpoint in Schema.Endpoints.Where(e => !HasPlaceholders(e)))
        {
            // Without placeholders the path names no model; a body without a model member has exactly one (the loader checks).
            var spec = endpoint;
            var models = Schema.Models.Where(m => m.Endpoint == spec.Name).ToList();
            var routeModel = spec.ModelMember is null && models.Count == 1 ? models[0] : null;
            app.MapMethods(spec.Request.Path, [spec.Request.Method], (RequestDelegate)(ctx => SubmitAsync(ctx, spec, routeModel)));
        }

        // Routes with {model} or routeParams are expanded per model; a catch-all (which literal routes outrank) finds the
        // model whose expanded path the request was sent to.
        foreach (var method in Schema.Endpoints.Where(HasPlaceholders).Select(e => e.Request.Method).Distinct(StringComparer.Ordinal))
        {
            var verb = method;
            app.MapMethods("/{**producergenSubmitPath}", [verb], (RequestDelegate)(ctx => SubmitToModelPathAsync(ctx, verb)));
        }

        // Every job route once: the API's, its result and content endpoints, and the models' own (endpoint jobs routes).
        var jobs = Schema.Api.Jobs;
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        void MapJobRoute(string method, string path, JobAnswer answer)
        {
            var route = JobRoute.From(new ProducerGen.Schema.Model.Route(method, path));
            if (mapped.Add(method + " " + route.Pattern))
            {
                app.MapMethods(route.Pattern, [method], (RequestDelegate)(ctx => GetJobAsync(ctx, route, answer)));
            }
        }

        MapJobRoute(jobs.Get.Method, jobs.Get.Path, JobAnswer.Job);
        if (jobs.Shape?.ResultGet is { } resultGet)
        {
            MapJobRoute(resultGet.Method, resultGet.Path, JobAnswer.Result);
        }

        if (jobs.Shape?.ContentGet is { } contentGet)
        {
            MapJobRoute(contentGet.Method, contentGet.Path, JobAnswer.Content);
        }

        foreach (var model in Schema.Models)
        {
            if (model.JobGetPath is { } jobPath)
            {
                MapJobRoute("GET", jobPath, JobAnswer.Job);
            }

            if (model.JobResultPath is { } resultPath)
            {
                MapJobRoute("GET", resultPath, JobAnswer.Result);
            }
        }

        app.MapGet(FilesPrefix + "{jobId}/{file}", (RequestDelegate)GetFileAsync);
        app.MapGet("/", (RequestDelegate)InfoAsync);
        // An operation that repeats a route served above (a job's GET, a submission) is left to that route.
        _operations.Map(app, mapped.Concat(Schema.Endpoints.Where(e => !HasPlaceholders(e)).Select(e => e.Request.Method + " " + e.Request.Path)));
        app.MapFallback((RequestDelegate)NotFoundAsync);
    }

    /// <summary>The job with <paramref name="id"/>, or null.</summary>
    internal EmulatedJob? FindJob(Guid id)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(id, out var job) ? job : null;
        }
    }

    /// <summary>The jobs submitted with <paramref name="apiKey"/>, in no particular order.</summary>
    internal List<EmulatedJob> JobsOf(string apiKey)
    {
        lock (_gate)
        {
            return _jobs.Values.Where(j => j.ApiKey == apiKey).ToList();
        }
    }

    /// <summary>Writes a job as its GET route answers it (v1 shape), optionally without its input (a listing's item).</summary>
    internal void WriteJob(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool includeInput)
    {
        var state = job.Snapshot(now);
        JobJson.WriteJob(writer, job, state, _idField, _webhooks.StatusOf(job), job.IsExpired(now, _options.AssetRetention), _answers.StatusText(state.Status), includeInput);
    }

    /// <summary>Whether the next created job (or resource) is to fail, by the fault options; counted as a failed-job fault.</summary>
    internal bool NextFails() => _faults.FailJob() && CountFailure();

    /// <summary>The base of the absolute URLs the emulator hands out: <see cref="EmulatorOptions.PublicBaseUrl"/> or the request's own, ending in /.</summary>
    internal Uri PublicBase(HttpContext ctx) => _options.PublicBaseUrl is { } publicBase
        ? new Uri(publicBase.AbsoluteUri.TrimEnd('/') + "/")
        : new Uri($"{ctx.Request.Scheme}://{ctx.Request.Host.Value}/");

    /// <summary>The status of <paramref name="job"/> now, as the API spells it.</summary>
    internal string StatusText(EmulatedJob job, DateTimeOffset now) => _answers.StatusText(job.Snapshot(now).Status);

    public string? JobStatus(Guid id)
    {
        EmulatedJob? job;
        lock (_gate)
        {
            _jobs.TryGetValue(id, out job);
        }

        return job?.Snapshot(_time.GetUtcNow()).Status;
    }

    /// <summary>The balance of <paramref name="apiKey"/> after refunding the jobs that have failed by now.</summary>
    public long? Credits(string apiKey)
    {
        lock (_gate)
        {
            SettleRefunds(_time.GetUtcNow());
            _operations.SettleRefunds(_time.GetUtcNow());
            return Keys.Credits(apiKey);
        }
    }

    public ValueTask DisposeAsync() => _webhooks.DisposeAsync();

    /// <summary>
    /// The outermost middleware: gives every response its request id and turns an exception that escapes a route into
    /// a JSON error carrying that id (413 for a too-large body, otherwise 500, logged: an emulator bug), never
    /// Kestrel's empty 500.
    /// </summary>
    private async Task GuardAsync(HttpContext ctx, RequestDelegate next)
    {
        var requestId = "req_" + Guid.NewGuid().ToString("N");
        ctx.Response.Headers[RequestIdHeader] = requestId;
        try
        {
            await next(ctx).ConfigureAwait(false);
        }
        catch (Exception) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a drop fault aborted the connection): there is no one to answer.
        }
        catch (BadHttpRequestException ex)
        {
            var message = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request";
            await AnswerAfterExceptionAsync(ctx, requestId, ex.StatusCode, message).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogUnhandled(_logger, ex, ctx.Request.Method, ctx.Request.Path.Value ?? "/", requestId);
            await AnswerAfterExceptionAsync(ctx, requestId, StatusCodes.Status500InternalServerError, "Internal server error").ConfigureAwait(false);
        }
    }

    private async Task AnswerAfterExceptionAsync(HttpContext ctx, string requestId, int status, string error)
    {
        if (ctx.Response.HasStarted)
        {
            ctx.Abort();
            return;
        }

        ctx.Response.Clear();
        ctx.Response.Headers[RequestIdHeader] = requestId;
        await ErrorAsync(ctx, status, error).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception answering {Method} {Path} ({RequestId}): answered 500")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string requestId);

    private async Task PreambleAsync(HttpContext ctx, RequestDelegate next)
    {
        Stats.Request(ctx.Connection.Id);
        ctx.Response.OnStarting(() =>
        {
            Stats.Response(ctx.Response.StatusCode);
            return Task.CompletedTask;
        });

        var path = ctx.Request.Path.Value ?? "/";
        if (path == "/" || path.StartsWith(FilesPrefix, StringComparison.Ordinal) || OperationRouter.IsUnguarded(ctx))
        {
            await next(ctx).ConfigureAwait(false);
            return;
        }

        var request = _faults.NextRequest();
        var latency = _faults.Latency(request);
        if (latency > TimeSpan.Zero)
        {
            Stats.Fault("latency");
            await Task.Delay(latency, _time, ctx.RequestAborted).ConfigureAwait(false);
        }

        switch (_faults.Fault(request))
        {
            case RequestFault.RateLimit:
                Stats.Fault("rate-limit");
                var seconds = Math.Max(1, (int)Math.Ceiling(_options.Faults.RetryAfter.TotalSeconds));
                ctx.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ErrorAsync(ctx, StatusCodes.Status429TooManyRequests, "Rate limit exceeded").ConfigureAwait(false);
                return;
            case RequestFault.ServerError:
                Stats.Fault("server-error");
                await ErrorAsync(ctx, StatusCodes.Status500InternalServerError, "Internal server error").ConfigureAwait(false);
                return;
            case RequestFault.Unavailable:
                Stats.Fault("unavailable");
                await ErrorAsync(ctx, StatusCodes.Status503ServiceUnavailable, "Service temporarily unavailable").ConfigureAwait(false);
                return;
        }

        var key = ctx.Request.Headers[Schema.Api.Auth.Header].ToString();
        var prefix = Schema.Api.Auth.Prefix;
        if (OperationRouter.IsOpen(ctx))
        {
            // auth: none: no key is needed, and a key that is sent (valid or not) is no error; a valid one names the caller.
            var sent = prefix is not null && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? key[prefix.Length..] : key;
            if (Keys.Check(sent) == KeyCheck.Valid)
            {
                ctx.Items[ApiKeyItem] = sent;
            }

            await next(ctx).ConfigureAwait(false);
            return;
        }

        if (prefix is not null && key.Length > 0)
        {
            // The schema's prefix ("Bearer ") comes first; its scheme word ignores case, as HTTP auth schemes do.
            if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                await ErrorAsync(ctx, StatusCodes.Status401Unauthorized, $"Malformed API key: send it as '{prefix}<key>' in the {Schema.Api.Auth.Header} header").ConfigureAwait(false);
                return;
            }

            key = key.Substring(prefix.Length);
        }

        foreach (var header in Schema.Api.Headers)
        {
            if (!string.Equals(ctx.Request.Headers[header.Name].ToString(), header.Value, StringComparison.Ordinal))
            {
                await ErrorAsync(ctx, StatusCodes.Status400BadRequest, $"The {header.Name} header must be '{header.Value}'").ConfigureAwait(false);
                return;
            }
        }

        switch (Keys.Check(key))
        {
            case KeyCheck.Missing:
                await ErrorAsync(ctx, StatusCodes.Status401Unauthorized, $"Missing API key: send it in the {Schema.Api.Auth.Header} header{(prefix is null ? string.Empty : $" as '{prefix}<key>'")}").ConfigureAwait(false);
                return;
            case KeyCheck.Invalid:
                await ErrorAsync(ctx, StatusCodes.Status401Unauthorized, "Invalid API key").ConfigureAwait(false);
                return;
            case KeyCheck.Inactive:
                await ErrorAsync(ctx, StatusCodes.Status403Forbidden, "API key is inactive").ConfigureAwait(false);
                return;
        }

        ctx.Items[ApiKeyItem] = key;
        await next(ctx).ConfigureAwait(false);
    }

    private static bool HasPlaceholders(EndpointSpec endpoint) => endpoint.Request.Path.Contains('{', StringComparison.Ordinal);

    /// <summary>A submission to an expanded route: the model whose submit path matches (escapes compared decoded), or 404.</summary>
    private Task SubmitToModelPathAsync(HttpContext ctx, string method)
    {
        var requested = Uri.UnescapeDataString(ctx.Request.Path.Value ?? "/");
        foreach (var model in Schema.Models)
        {
            if (model.SubmitPath is { } path && Schema.FindEndpoint(model.Endpoint) is { } endpoint && endpoint.Request.Method == method
                && string.Equals(Uri.UnescapeDataString(path), requested, StringComparison.Ordinal))
            {
                return SubmitAsync(ctx, endpoint, model);
            }
        }

        return NotFoundAsync(ctx);
    }

    /// <summary>No route took the request: 405 with <c>Allow</c> when the path is served for other methods, else 404.</summary>
    private Task NotFoundAsync(HttpContext ctx)
    {
        var allowed = _allowed?.At(ctx.Request.Path) ?? [];
        if (allowed.Count == 0)
        {
            return ErrorAsync(ctx, StatusCodes.Status404NotFound, "Not found");
        }

        var allow = string.Join(", ", allowed);
        ctx.Response.Headers.Allow = allow;
        return ErrorAsync(ctx, StatusCodes.Status405MethodNotAllowed, $"Method {Printable(ctx.Request.Method)} not allowed: {ctx.Request.Path.Value} accepts {allow}");
    }

    private async Task SubmitAsync(HttpContext ctx, EndpointSpec endpoint, ModelSpec? routeModel)
    {
        var apiKey = (string)ctx.Items[ApiKeyItem]!;
        var multipart = endpoint.Encoding == BodyEncoding.Multipart;
        if (multipart ? !IsMultipartContentType(ctx.Request.ContentType) : !IsJsonContentType(ctx.Request.ContentType))
        {
            var given = string.IsNullOrEmpty(ctx.Request.ContentType) ? "missing" : $"'{Printable(ctx.Request.ContentType)}'";
            await ErrorAsync(ctx, StatusCodes.Status415UnsupportedMediaType, $"Unsupported Media Type: the body must be sent as {(multipart ? MultipartMediaType : JsonMediaType)} (Content-Type was {given})").ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        if (multipart)
        {
            var (form, formErrors) = await MultipartBody.ReadAsync(ctx, endpoint, Schema.Models.Where(m => m.Endpoint == endpoint.Name).ToList(), routeModel).ConfigureAwait(false);
            if (form is null)
            {
                await ValidationErrorAsync(ctx, formErrors!).ConfigureAwait(false);
                return;
            }

            document = form;
        }
        else
        {
            try
            {
                document = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                await ValidationErrorAsync(ctx, new Dictionary<string, IReadOnlyList<string>> { [string.Empty] = [$"must be valid JSON ({ex.Message})"] }).ConfigureAwait(false);
                return;
            }
        }

        document = QueryMembers.MergeInto(document, ctx.Request.Query, endpoint, Schema.Models.Where(m => m.Endpoint == endpoint.Name));
        using (document)
        {
            var body = document.RootElement;
            var validation = Validator.Validate(endpoint, body, routeModel);
            if (!validation.IsValid)
            {
                await ValidationErrorAsync(ctx, validation.Errors).ConfigureAwait(false);
                return;
            }

            await SubmitValidatedAsync(ctx, apiKey, endpoint, validation.Model!, body, JobOutputShape.Default).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Creates (or replays, by idempotency key) the job of a valid submission and answers it: the one path generate
    /// endpoints and follow-up actions share, so both charge, replay and answer alike.
    /// </summary>
    internal async Task SubmitValidatedAsync(HttpContext ctx, string apiKey, EndpointSpec endpoint, ModelSpec model, JsonElement body, JobOutputShape shape)
    {
        string? idempotencyKey = null;
        if (Schema.Api.Idempotency is { } idempotency && ctx.Request.Headers.TryGetValue(idempotency.Header, out var values) && values.ToString().Length > 0)
        {
            idempotencyKey = values.ToString();
            if (idempotency.MaxLength is { } max && idempotencyKey.Length > max)
            {
                await ValidationErrorAsync(ctx, new Dictionary<string, IReadOnlyList<string>>
                {
                    [idempotency.Header] = [$"must be at most {max.ToString(CultureInfo.InvariantCulture)} characters (was {idempotencyKey.Length.ToString(CultureInfo.InvariantCulture)})"],
                }).ConfigureAwait(false);
                return;
            }
        }

        var canonical = CanonicalJson.ToBytes(body);
        var hash = System.Security.Cryptography.SHA256.HashData(canonical);
        var now = _time.GetUtcNow();
        EmulatedJob? job = null;
        var replay = false;
        var conflict = false;
        var dropBefore = false;
        var dropAfter = false;
        long? creditsAvailable = null;
        lock (_gate)
        {
            PruneIdempotency(now);
            SettleRefunds(now);
            if (idempotencyKey is not null && _idempotency.TryGetValue((apiKey, idempotencyKey), out var entry))
            {
                if (entry.BodyHash.AsSpan().SequenceEqual(hash))
                {
                    job = _jobs[entry.JobId];
                    replay = true;
                }
                else
                {
                    conflict = true;
                }
            }
            else if (!CanAfford(apiKey, out var available))
            {
                creditsAvailable = available;
            }
            else
            {
                var submission = _faults.NextSubmission();
                if (_faults.DropBeforeCreate(submission))
                {
                    dropBefore = true;
                }
                else
                {
                    Keys.TryCharge(apiKey, _options.CreditCost, out _);
                    job = CreateJob(ctx, apiKey, idempotencyKey, model, endpoint, body, canonical, hash, now, shape);
                    _jobs[job.Id] = job;
                    if (job.WillFail)
                    {
                        _pendingRefunds.Add(job);
                    }

                    if (idempotencyKey is not null)
                    {
                        _idempotency[(apiKey, idempotencyKey)] = new IdempotencyEntry(job.Id, hash, now);
                    }

                    Stats.JobCreated(apiKey, idempotencyKey, _options.CreditCost);
                    if (job.Webhook is not null)
                    {
                        _webhooks.Register(job);
                    }

                    dropAfter = _faults.DropAfterCreate(submission);
                }
            }
        }

        if (creditsAvailable is { } credits)
        {
            await WriteJsonAsync(ctx, StatusCodes.Status402PaymentRequired, w =>
            {
                w.WriteStartObject();
                w.WriteString("error", "Insufficient credits");
                w.WriteNumber("creditsRequired", _options.CreditCost);
                w.WriteNumber("creditsAvailable", Math.Max(0, credits));
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        if (conflict)
        {
            await ErrorAsync(ctx, StatusCodes.Status409Conflict, $"{Schema.Api.Idempotency?.Header ?? "Idempotency-Key"} was already used with a different request body").ConfigureAwait(false);
            return;
        }

        if (dropBefore || dropAfter)
        {
            Stats.Fault(dropBefore ? "drop-before-create" : "drop-after-create");
            ctx.Abort();
            return;
        }

        if (replay)
        {
            Stats.Replay();
        }

        if (HeldFor(ctx) is { } hold)
        {
            await HoldAsync(ctx, job!, hold).ConfigureAwait(false);
            return;
        }

        var status = job!.Snapshot(_time.GetUtcNow()).Status;
        if (!_answers.IsV1)
        {
            var jobUrl = JobUrl(job, job.Model.JobGetPath ?? Schema.Api.Jobs.Get.Path);
            var resultUrl = (job.Model.JobResultPath ?? Schema.Api.Jobs.Shape?.ResultGet?.Path) is { } resultPath ? JobUrl(job, resultPath) : jobUrl;
            await WriteJsonAsync(ctx, _answers.AcceptedHttpStatus, w => _answers.WriteAccepted(w, job, status, jobUrl, resultUrl)).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(ctx, StatusCodes.Status202Accepted, w =>
        {
            w.WriteStartObject();
            w.WriteString("jobId", job.Id.ToString("D"));
            w.WriteString("status", _answers.StatusText(status));
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// How long the submission asks to be held (<c>api.jobs.hold</c>: <c>Prefer: wait=60</c>), at most the schema's maximum and scaled by
    /// <see cref="EmulatorOptions.TimeScale"/> as job durations are; null when the schema declares no hold or the header does not ask for one
    /// in the schema's form.
    /// </summary>
    private TimeSpan? HeldFor(HttpContext ctx)
    {
        if (Schema.Api.Jobs.Hold is not { } hold || !ctx.Request.Headers.TryGetValue(hold.Header, out var values))
        {
            return null;
        }

        var (prefix, suffix) = (hold.ValuePrefix, hold.ValueSuffix);
        var text = values.ToString().Trim();
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || text.Length <= prefix.Length + suffix.Length
            || !int.TryParse(text.AsSpan(prefix.Length, text.Length - prefix.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            return null;
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, hold.MaxSeconds)) * Math.Max(0, _options.TimeScale);
    }

    private static readonly TimeSpan MinHoldStep = TimeSpan.FromMilliseconds(1);

    /// <summary>A held submission: answered once the job is terminal or the hold has passed (on the emulator's clock), with the job as a poll would answer it.</summary>
    private async Task HoldAsync(HttpContext ctx, EmulatedJob job, TimeSpan hold)
    {
        var now = _time.GetUtcNow();
        var until = job.EndsAt < now + hold ? job.EndsAt : now + hold;
        Stats.Held();
        var at = now;
        while (at < until)
        {
            // Until the emulator's clock reads the end, not only until the timer fires: the system timer runs on another clock, at
            // millisecond grain, and can wake a little before the job's end, and the answer would then say 'processing' (a poll more).
            await Task.Delay(until - at > MinHoldStep ? until - at : MinHoldStep, _time, ctx.RequestAborted).ConfigureAwait(false);
            at = _time.GetUtcNow();
        }

        var state = job.Snapshot(at);
        if (!_answers.IsV1)
        {
            await WriteJsonAsync(ctx, _answers.AcceptedHttpStatus, w => _answers.WriteJob(w, job, state, _idField)).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(ctx, StatusCodes.Status202Accepted, w => JobJson.WriteJob(w, job, state, _idField, _webhooks.StatusOf(job), job.IsExpired(at, _options.AssetRetention), _answers.StatusText(state.Status))).ConfigureAwait(false);
    }

    /// <summary>
    /// Credits are reserved when a job is created and given back when it fails ("you only pay for successful
    /// generations"). Job state is computed from the clock, so the refund is made the first time anything looks at a
    /// balance after the failure instant. Call under <see cref="_gate"/>.
    /// </summary>
    private void SettleRefunds(DateTimeOffset now)
    {
        for (var i = _pendingRefunds.Count - 1; i >= 0; i--)
        {
            var job = _pendingRefunds[i];
            if (job.Snapshot(now).Status != Jobs.JobStatus.Failed)
            {
                continue;
            }

            _pendingRefunds.RemoveAt(i);
            Keys.Refund(job.ApiKey, job.CreditCost);
            Stats.Refunded(job.ApiKey, job.CreditCost);
        }
    }

    /// <summary>
    /// True for <c>application/json</c>, compared case-insensitively, with no charset or a UTF-8 one (JSON is UTF-8,
    /// RFC 8259); the provider's request bodies are <c>application/json</c> only.
    /// </summary>
    /// <summary>True for <c>multipart/form-data</c> with a boundary, compared case-insensitively.</summary>
    private static bool IsMultipartContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals(MultipartMediaType, StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length > 0;

    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
            !mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static string Printable(string value)
    {
        var shown = value.Length > 100 ? value[..100] + "…" : value;
        return string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c));
    }

    private bool CanAfford(string apiKey, out long available)
    {
        available = 0;
        if (Keys.Credits(apiKey) is not { } credits)
        {
            return true;
        }

        available = credits;
        return credits >= _options.CreditCost;
    }

    private EmulatedJob CreateJob(HttpContext ctx, string apiKey, string? idempotencyKey, ModelSpec model, EndpointSpec endpoint, JsonElement body, byte[] canonical, byte[] hash, DateTimeOffset now, JobOutputShape shape)
    {
        var id = Guid.NewGuid();
        // A flat body's params are its own top-level members.
        var parameters = endpoint.Layout == BodyLayout.Flat ? body
            : body.TryGetProperty(model.ParamsKey, out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var hasSeed = parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("seed", out var seedValue) && seedValue.ValueKind != JsonValueKind.Null;
        var audioSeed = hasSeed ? CanonicalJson.Seed(canonical) : CanonicalJson.Seed(canonical, id.ToByteArray());

        var baseDuration = _options.JobDuration
            ?? (model.AverageCompletionMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : _options.FallbackJobDuration);
        var jitter = Math.Clamp(_options.DurationJitter, 0, 0.9) * ((DeterministicRandom.Unit(BitConverter.ToUInt64(hash, 0), 7, 0) * 2) - 1);
        var duration = baseDuration * Math.Max(0, (1 + jitter) * _options.TimeScale);

        var prompt = String(body, "prompt") ?? string.Empty;
        var lyrics = String(parameters, "lyrics");
        var instrumental = Bool(parameters, "instrumental") || Bool(parameters, "force_instrumental") || String(parameters, "lyrics_type") == "instrumental";
        var title = String(parameters, "title") is { Length: > 0 } given ? given : TitleFromPrompt(prompt, model.Id);

        Uri? webhookUrl = null;
        var events = new HashSet<string>(StringComparer.Ordinal) { WebhookDispatcher.CompletedEvent, WebhookDispatcher.FailedEvent };
        foreach (var field in endpoint.Fields)
        {
            var name = field.Name.ToLowerInvariant().Replace("_", string.Empty, StringComparison.Ordinal);
            // The schema's urlMember names the member; without one, a field named like webhookUrl is it.
            var isUrlMember = Schema.Api.Webhooks?.UrlMember is { } urlMember ? field.Name == urlMember : name == "webhookurl";
            if (isUrlMember && String(body, field.Name) is { } url)
            {
                webhookUrl = new Uri(url, UriKind.Absolute);
            }
            else if (name == "webhookevents" && body.TryGetProperty(field.Name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                events = list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            }
        }

        var media = MediaPlan.From(ModalityOf.Endpoint(endpoint), parameters, url => UploadedBytes(url, now));
        return new EmulatedJob
        {
            Id = id,
            ApiKey = apiKey,
            Model = model,
            Endpoint = endpoint,
            Input = body.Clone(),
            BodyHash = hash,
            CreatedAt = now,
            Duration = duration,
            WillFail = _faults.FailJob() && CountFailure(),
            CreditCost = _options.CreditCost,
            PublicBase = PublicBase(ctx),
            AudioSeed = audioSeed,
            Title = title,
            TrackCount = shape.TrackCount ?? JobJson.TrackCount(endpoint, media),
            Media = media,
            IsStems = shape.IsStems,
            ParentId = shape.ParentId,
            Recipe = new TrackRecipe(audioSeed, prompt, instrumental, lyrics, Number(parameters, "weirdness") ?? Number(parameters, "weirdness_constraint") ?? 0.25, Number(parameters, "sound_strength") ?? 0.7),
            IdempotencyKey = idempotencyKey,
            WebhookUrl = webhookUrl,
            WebhookEvents = events,
            Webhook = webhookUrl is null ? null : new WebhookState { NextAttemptAt = now },
        };
    }

    /// <summary>The bytes of <paramref name="url"/> when it names one of this emulator's unexpired uploads (<c>/uploads/{id}/{name}</c>), else null.</summary>
    private byte[]? UploadedBytes(string url, DateTimeOffset now)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.AbsolutePath.StartsWith(UploadStore.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = uri.AbsolutePath[UploadStore.Prefix.Length..].Split('/');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "D", out var uploadId)
            ? _operations.Uploads.Find(uploadId, Uri.UnescapeDataString(parts[1]), now)?.Bytes
            : null;
    }

    private bool CountFailure()
    {
        Stats.Fault("failed-job");
        return true;
    }

    private async Task GetJobAsync(HttpContext ctx, JobRoute route, JobAnswer answer)
    {
        var apiKey = (string)ctx.Items[ApiKeyItem]!;
        var text = route.ReadId(ctx);
        if (!Guid.TryParseExact(text, "D", out var id))
        {
            await ErrorAsync(ctx, StatusCodes.Status400BadRequest, "Invalid job id: expected a UUID").ConfigureAwait(false);
            return;
        }

        EmulatedJob? job;
        lock (_gate)
        {
            _jobs.TryGetValue(id, out job);
        }

        if (job is null || job.ApiKey != apiKey)
        {
            await ErrorAsync(ctx, StatusCodes.Status404NotFound, "Job not found").ConfigureAwait(false);
            return;
        }

        var now = _time.GetUtcNow();
        var state = job.Snapshot(now);
        var expired = job.IsExpired(now, _options.AssetRetention);
        if (answer != JobAnswer.Job)
        {
            await GetOutputAsync(ctx, job, state, expired, answer).ConfigureAwait(false);
            return;
        }

        if (!_answers.IsV1)
        {
            await WriteJsonAsync(ctx, _answers.JobHttpStatus(state), w => _answers.WriteJob(w, job, state, _idField)).ConfigureAwait(false);
            return;
        }

        var webhookStatus = _webhooks.StatusOf(job);
        await WriteJsonAsync(ctx, StatusCodes.Status200OK, w => JobJson.WriteJob(w, job, state, _idField, webhookStatus, expired, _answers.StatusText(state.Status))).ConfigureAwait(false);
    }

    /// <summary>The result endpoint's JSON or the content endpoint's bytes of a completed job; 404 before it completed, as such endpoints answer.</summary>
    private async Task GetOutputAsync(HttpContext ctx, EmulatedJob job, JobSnapshot state, bool expired, JobAnswer answer)
    {
        if (state.Status != Jobs.JobStatus.Completed || expired)
        {
            await ErrorAsync(ctx, StatusCodes.Status404NotFound, expired ? "The job's outputs have expired" : "The job has not completed").ConfigureAwait(false);
            return;
        }

        if (answer == JobAnswer.Result)
        {
            await WriteJsonAsync(ctx, StatusCodes.Status200OK, w => _answers.WriteResultAnswer(w, job)).ConfigureAwait(false);
            return;
        }

        // The main variant is the job's first file; any other (a thumbnail, a poster) is its cover image.
        var shape = Schema.Api.Jobs.Shape!;
        var variant = shape.ContentVariantQuery is { } query ? ctx.Request.Query[query].ToString() : string.Empty;
        var main = variant.Length == 0 || shape.ContentVariants.Count == 0 || variant == shape.ContentVariants[0];
        if (!main && !shape.ContentVariants.Contains(variant))
        {
            await ErrorAsync(ctx, StatusCodes.Status400BadRequest, $"Unknown variant '{variant}'; expected one of {string.Join(", ", shape.ContentVariants)}").ConfigureAwait(false);
            return;
        }

        var (bytes, contentType) = main ? MediaFiles.Render(job, 0, MediaFiles.MainExtension(job.Media))!.Value : MediaFiles.Picture(job, 0);
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static Uri JobUrl(EmulatedJob job, string path) => new(job.PublicBase, JobRoute.Expand(path, job.Id.ToString("D")).TrimStart('/'));

    private async Task GetFileAsync(HttpContext ctx)
    {
        var jobText = ctx.Request.RouteValues["jobId"] as string;
        var file = ctx.Request.RouteValues["file"] as string ?? string.Empty;
        var dot = file.LastIndexOf('.');
        EmulatedJob? job = null;
        if (Guid.TryParseExact(jobText, "D", out var id))
        {
            lock (_gate)
            {
                _jobs.TryGetValue(id, out job);
            }
        }

        var now = _time.GetUtcNow();
        if (job is null || dot <= 0 ||
            !int.TryParse(file.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
            number < 1 || number > job.TrackCount ||
            job.Snapshot(now).Status != Jobs.JobStatus.Completed || job.IsExpired(now, _options.AssetRetention))
        {
            await ErrorAsync(ctx, StatusCodes.Status404NotFound, "File not found").ConfigureAwait(false);
            return;
        }

        var index = number - 1;
        byte[] bytes;
        if (job.IsStems && file[(dot + 1)..] == "wav")
        {
            bytes = MusicSynthesizer.RenderWav(job.Recipe with { Seed = job.TrackSeed(index) });
            ctx.Response.ContentType = "audio/wav";
        }
        else if (MediaFiles.Render(job, index, file[(dot + 1)..]) is { } rendered)
        {
            bytes = rendered.Bytes;
            ctx.Response.ContentType = rendered.ContentType;
        }
        else
        {
            await ErrorAsync(ctx, StatusCodes.Status404NotFound, "File not found").ConfigureAwait(false);
            return;
        }

        ctx.Response.ContentLength = bytes.Length;
        ctx.Response.Headers.CacheControl = "public, max-age=86400, immutable";
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
    }

    private Task InfoAsync(HttpContext ctx) => WriteJsonAsync(ctx, StatusCodes.Status200OK, w =>
    {
        w.WriteStartObject();
        w.WriteString("emulator", "ProducerGen.Emulator");
        w.WriteString("api", Schema.Api.Name);
        w.WritePropertyName("endpoints");
        w.WriteStartArray();
        foreach (var endpoint in Schema.Endpoints)
        {
            w.WriteStringValue(endpoint.Request.ToString());
        }

        w.WriteStringValue(Schema.Api.Jobs.Get.ToString());
        w.WriteEndArray();
        w.WritePropertyName("operations");
        w.WriteStartArray();
        foreach (var operation in Schema.Operations)
        {
            w.WriteStringValue(operation.Request.ToString());
        }

        w.WriteEndArray();
        w.WritePropertyName("models");
        w.WriteStartArray();
        foreach (var model in Schema.Models)
        {
            w.WriteStringValue(model.Id);
        }

        w.WriteEndArray();
        w.WriteNumber("timeScale", _options.TimeScale);
        w.WriteEndObject();
    });

    private void PruneIdempotency(DateTimeOffset now)
    {
        if (_idempotency.Count == 0)
        {
            return;
        }

        foreach (var key in _idempotency.Where(p => now - p.Value.CreatedAt >= _options.IdempotencyRetention).Select(p => p.Key).ToList())
        {
            _idempotency.Remove(key);
        }
    }

    internal Task ValidationErrorAsync(HttpContext ctx, IReadOnlyDictionary<string, IReadOnlyList<string>> details) =>
        !_answers.IsV1
            ? ErrorAsync(ctx, StatusCodes.Status400BadRequest, "Validation failed: " + string.Join("; ", details.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")))
            : WriteJsonAsync(ctx, StatusCodes.Status400BadRequest, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", "Validation failed");
            w.WritePropertyName("details");
            w.WriteStartObject();
            foreach (var (path, messages) in details)
            {
                w.WritePropertyName(path);
                w.WriteStartArray();
                foreach (var message in messages)
                {
                    w.WriteStringValue(message);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });

    internal Task ErrorAsync(HttpContext ctx, int status, string error)
    {
        if (!_answers.IsV1)
        {
            var (httpStatus, body) = _answers.Error(status, error);
            return WriteJsonAsync(ctx, httpStatus, body);
        }

        return WriteJsonAsync(ctx, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteEndObject();
        });
    }

    internal static async Task WriteJsonAsync(HttpContext ctx, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = buffer.WrittenCount;
        await ctx.Response.Body.WriteAsync(buffer.WrittenMemory, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static double? Number(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : null;

    private static string TitleFromPrompt(string prompt, string model)
    {
        var words = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && !w.Equals("the", StringComparison.OrdinalIgnoreCase) && !w.Equals("with", StringComparison.OrdinalIgnoreCase) && !w.Equals("and", StringComparison.OrdinalIgnoreCase))
            .Take(3)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant())
            .ToList();
        return words.Count > 0 ? string.Join(' ', words) : $"Untitled ({model})";
    }

    private sealed record IdempotencyEntry(Guid JobId, byte[] BodyHash, DateTimeOffset CreatedAt);
}
