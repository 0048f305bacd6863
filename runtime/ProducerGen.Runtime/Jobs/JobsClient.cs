using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// Reads and waits for jobs by id; works for any job, from any process. Generated clients derive from it (through
/// <see cref="JobsClient(JobsClient)"/>) to add the schema's job operations, such as listing jobs.
/// </summary>
public class JobsClient
{
    /// <summary>The least time a poll is given, even at the deadline, so the last look can answer: a wait ends by MaxWait plus this.</summary>
    internal static readonly TimeSpan LastLookAllowance = TimeSpan.FromSeconds(2);

    // The longest delay a timer accepts on every TimeProvider (about 24.8 days); a longer budget is as good as unbounded.
    internal static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private readonly ApiTransport _transport;

    internal JobsClient(ApiTransport transport) => _transport = transport;

    /// <summary>
    /// For mocking only (e.g. <c>Substitute.For&lt;JobsClient&gt;()</c>): a jobs client with no connection, whose members must be
    /// overridden before use.
    /// </summary>
    protected JobsClient() => _transport = null!;

    /// <summary>
    /// Creates a jobs client sharing <paramref name="jobs"/>'s connection, key and settings. Generated clients derive from
    /// <see cref="JobsClient"/> through it to add the schema's job operations (listing); every member here keeps its behaviour.
    /// </summary>
    /// <param name="jobs">The client's own jobs client (<see cref="ProducerGenClient.Jobs"/>).</param>
    protected JobsClient(JobsClient jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _transport = jobs._transport;
    }

    private ApiDescription Api => _transport.Api;

    /// <summary>Reads a job's current state (<c>GET</c> of the API's job path). Transient failures are retried.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException">The id is empty, <c>.</c> or <c>..</c>, or holds <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or a control character; nothing was sent.</exception>
    /// <exception cref="NotFoundException">No such job, or it belongs to someone else.</exception>
    /// <exception cref="UnexpectedResponseException">The service answered with another job's id, or with a body that is not a job.</exception>
    /// <exception cref="ProducerGenException">Another failure; see the derived types.</exception>
    public virtual Task<Job> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        JobIds.Validate(Api, id, nameof(id));
        return GetJobAsync(id, cancellationToken);
    }

    /// <summary>
    /// Waits until the job reaches a succeeded or failed status and returns it (check <see cref="Job.IsFailed"/>, or call
    /// <see cref="Job.EnsureSucceeded"/>). Polls adaptively (see <see cref="AdaptivePollingPolicy"/>), reads the job at once
    /// since its age is unknown, and reports status and progress changes.
    /// </summary>
    /// <param name="id">The job's id; enough to resume from any process.</param>
    /// <param name="progress">Receives status and progress changes.</param>
    /// <param name="averageCompletion">The model's average completion time, to pace polling; <see langword="null"/> when unknown.</param>
    /// <param name="cancellationToken">Ends the wait promptly.</param>
    /// <returns>The job in a terminal status.</returns>
    /// <exception cref="ArgumentException">The id is empty, <c>.</c> or <c>..</c>, or holds <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or a control character; nothing was sent.</exception>
    /// <exception cref="JobTimeoutException">
    /// The job was still pending, or the last poll had not answered, when <see cref="JobWaitOptions.MaxWait"/> ran out: the budget
    /// bounds every poll and its retries, so a stalled poll ends the wait at <c>MaxWait</c> (plus at most
    /// 2 seconds for the last look at the deadline), not after the poll's own retries.
    /// </exception>
    /// <exception cref="UnexpectedResponseException">A poll answered with another job's id, or with a body that is not a job.</exception>
    public virtual Task<Job> WaitAsync(string id, IProgress<JobProgress>? progress = null, TimeSpan? averageCompletion = null, CancellationToken cancellationToken = default)
    {
        JobIds.Validate(Api, id, nameof(id));
        return WaitCoreAsync(id, knownStatus: null, submittedAt: null, averageCompletion, progress, cancellationToken, model: null);
    }

    /// <summary>
    /// Waits until the submitted job reaches a succeeded or failed status and returns it (check <see cref="Job.IsFailed"/>, or call
    /// <see cref="Job.EnsureSucceeded"/>). Uses the handle's submission time and average completion time to pace polling.
    /// </summary>
    /// <param name="job">The job's handle.</param>
    /// <param name="progress">Receives status and progress changes.</param>
    /// <param name="cancellationToken">Ends the wait promptly.</param>
    /// <returns>The job in a terminal status.</returns>
    /// <exception cref="ArgumentException">The handle's id cannot name a job in a URL path; nothing was sent.</exception>
    /// <exception cref="JobTimeoutException">The job was still pending, or the last poll had not answered, when <see cref="JobWaitOptions.MaxWait"/> ran out.</exception>
    /// <exception cref="UnexpectedResponseException">A poll answered with another job's id, or with a body that is not a job.</exception>
    public virtual Task<Job> WaitAsync(JobHandle job, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        JobIds.Validate(Api, job.Id, nameof(job));
        return WaitCoreAsync(job.Id, job.Status, job.SubmittedAt, job.AverageCompletion, progress, cancellationToken, job.StatusUrl, job.ResultUrl, job.ModelId);
    }

    /// <summary>
    /// The wait after a held submission: no poll at all when the held answer was terminal (its result and content links are still
    /// read where the API keeps them apart), else polling as <see cref="WaitAsync(JobHandle, IProgress{JobProgress}?, CancellationToken)"/>
    /// does, with the held time already spent from <see cref="JobWaitOptions.MaxWait"/>.
    /// </summary>
    internal Task<Job> WaitHeldAsync(JobHandle job, HeldAnswer held, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        JobIds.Validate(Api, job.Id, nameof(job));
        return WaitCoreAsync(job.Id, job.Status, job.SubmittedAt, job.AverageCompletion, progress, cancellationToken, job.StatusUrl, job.ResultUrl, job.ModelId, held);
    }

    /// <summary>Reads a job of <paramref name="model"/> at the model's own job route (where its endpoint has one; the API's otherwise).</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="model">The model that created the job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException">The id cannot name a job in the route; nothing was sent.</exception>
    /// <exception cref="NotFoundException">No such job, or it belongs to someone else.</exception>
    /// <exception cref="UnexpectedResponseException">The service answered with another job's id, or with a body that is not a job.</exception>
    public virtual async Task<Job> GetAsync(string id, ModelDescription model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        JobIds.Validate(Api, id, nameof(id));
        return (await GetCoreAsync(id, cancellationToken, ModelUrl(model.JobPath, id), ModelUrl(model.ResultPath, id)).ConfigureAwait(false)).Job;
    }

    /// <summary>
    /// Waits for a job of <paramref name="model"/> at the model's own job route (where its endpoint has one; the API's otherwise),
    /// pacing polls by the model's average completion time. Generated operations call it: <c>client.Dev.WaitAsync(id)</c>.
    /// </summary>
    /// <param name="id">The job's id; enough to resume from any process.</param>
    /// <param name="model">The model that created the job.</param>
    /// <param name="progress">Receives status and progress changes.</param>
    /// <param name="cancellationToken">Ends the wait promptly.</param>
    /// <returns>The job in a terminal status.</returns>
    /// <exception cref="ArgumentException">The id cannot name a job in the route; nothing was sent.</exception>
    /// <exception cref="JobTimeoutException">The job was still pending, or the last poll had not answered, when <see cref="JobWaitOptions.MaxWait"/> ran out.</exception>
    /// <exception cref="UnexpectedResponseException">A poll answered with another job's id, or with a body that is not a job.</exception>
    public virtual Task<Job> WaitAsync(string id, ModelDescription model, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        JobIds.Validate(Api, id, nameof(id));
        return WaitCoreAsync(id, knownStatus: null, submittedAt: null, model.AverageCompletion, progress, cancellationToken, ModelUrl(model.JobPath, id), ModelUrl(model.ResultPath, id), model.ModelId);
    }

    /// <summary>The absolute URL of a model's own job route for <paramref name="id"/>, or null when the model has none.</summary>
    internal Uri? ModelUrl(string? path, string id) => path is null ? null : _transport.BuildUri(JobIds.Expand(path, id));

    private async Task<Job> GetJobAsync(string id, CancellationToken cancellationToken)
        => (await GetCoreAsync(id, cancellationToken).ConfigureAwait(false)).Job;

    /// <summary>
    /// Reads the job <paramref name="id"/>, which <see cref="JobIds.Validate"/> has accepted: at <paramref name="statusUrl"/> when
    /// the submit answer handed one over, else at the job route; then, once it succeeded, its result from the result endpoint
    /// and its content URLs, where the API's <see cref="JobShape"/> names them.
    /// </summary>
    internal async Task<(Job Job, TimeSpan? RetryAfter)> GetCoreAsync(string id, CancellationToken cancellationToken, Uri? statusUrl = null, Uri? resultUrl = null)
    {
        var shape = Api.JobShape;
        var (response, operation) = await ReadAsync(statusUrl, statusUrl is null ? JobIds.Path(Api, id) : null, cancellationToken).ConfigureAwait(false);

        Job job;
        try
        {
            var root = response.Body.Length == 0 && shape.StatusSource == JobStatusSource.HttpStatus ? EmptyObject : Job.ParseRoot(response.Body);
            job = Job.Read(root, Api, expectedId: id, httpStatus: response.StatusCode);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // InvalidOperationException: a string that is not valid UTF-8 cannot be read as text.
            throw ApiErrorFactory.Malformed(response, operation, $"the body is not a job object ({exception.Message})", _transport.Secret, exception);
        }

        // Never hand over another job (someone else's outputs) as the one asked for; this is not retried into success.
        if (!string.Equals(job.Id, id, StringComparison.Ordinal))
        {
            // The body is left out of the exception: it is someone else's job (its outputs, its input).
            var other = ApiErrorFactory.Redact(job.Id, _transport.Secret);
            var requestId = response.RequestId is { } rid ? $" Request id: {rid}." : string.Empty;
            throw new UnexpectedResponseException(
                $"{operation} returned HTTP {response.StatusCode} but the body describes another job ('{Shorten(other)}', not '{Shorten(id)}'), so it was not used.{requestId}",
                new ApiResponseInfo(response.StatusCode, response.RequestId, null, null));
        }

        return (await CompleteAsync(job, id, resultUrl, cancellationToken).ConfigureAwait(false), response.RetryAfter);
    }

    /// <summary>A succeeded job with its result from the result endpoint and its content URLs, where the API's <see cref="JobShape"/> names them.</summary>
    private async ValueTask<Job> CompleteAsync(Job job, string id, Uri? resultUrl, CancellationToken cancellationToken)
    {
        var shape = Api.JobShape;
        if (job.IsSucceeded)
        {
            if (resultUrl is not null || shape.ResultRoute is not null)
            {
                job = job.WithResult(await GetResultAsync(id, resultUrl, cancellationToken).ConfigureAwait(false));
            }

            if (shape.ContentRoute is { } content)
            {
                job = job.WithContentUrls(ContentUrls(content, id, shape));
            }
        }

        return job;
    }

    /// <summary>
    /// GET of a link the submit answer handed over (already checked to be on the API's host) or else of an API path; the
    /// typed error of a failed answer is thrown. The operation names the path (a link's redacted: it is server text).
    /// </summary>
    private async Task<(ApiResponse Response, string Operation)> ReadAsync(Uri? link, string? path, CancellationToken cancellationToken)
    {
        var response = link is not null
            ? await _transport.SendAsync(HttpMethod.Get, link, body: null, idempotencyKey: null, timeout: null, cancellationToken).ConfigureAwait(false)
            : await _transport.SendAsync(HttpMethod.Get, path!, body: null, idempotencyKey: null, timeout: null, cancellationToken).ConfigureAwait(false);
        var operation = link is not null ? ApiErrorFactory.Redact($"GET {link.PathAndQuery}", _transport.Redactor)! : $"GET {path}";
        _transport.ThrowIfFailed(response, operation);
        return (response, operation);
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The result of a succeeded job from the API's result endpoint (or the link the submit answer gave).</summary>
    private async Task<JsonElement?> GetResultAsync(string id, Uri? resultUrl, CancellationToken cancellationToken)
    {
        var (response, operation) = await ReadAsync(resultUrl, resultUrl is null ? JobIds.Expand(Api.JobShape.ResultRoute!, id) : null, cancellationToken).ConfigureAwait(false);
        try
        {
            return Api.JobReader.ReadResult(Job.ParseRoot(response.Body));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw ApiErrorFactory.Malformed(response, operation, $"the result is not JSON ({exception.Message})", _transport.Secret, exception);
        }
    }

    private List<Uri> ContentUrls(string route, string id, JobShape shape)
    {
        var path = JobIds.Expand(route, id);
        var urls = new List<Uri>();
        if (shape.ContentVariants.Count == 0 || shape.ContentVariantParameter is null)
        {
            urls.Add(_transport.BuildUri(path));
            return urls;
        }

        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        foreach (var variant in shape.ContentVariants)
        {
            urls.Add(_transport.BuildUri($"{path}{separator}{Uri.EscapeDataString(shape.ContentVariantParameter)}={Uri.EscapeDataString(variant)}"));
        }

        return urls;
    }

    /// <summary>
    /// The wait, as one <c>ProducerGen.Wait</c> span whose children are the polls: a failed job, a timeout or a failed poll
    /// marks it failed (<c>error.type</c>), so a trace shows why the wait ended without reading its polls.
    /// </summary>
    private async Task<Job> WaitCoreAsync(string id, string? knownStatus, DateTimeOffset? submittedAt, TimeSpan? averageCompletion, IProgress<JobProgress>? progress, CancellationToken cancellationToken, Uri? statusUrl = null, Uri? resultUrl = null, string? model = null, HeldAnswer? held = null)
    {
        using var activity = ProducerGenTelemetry.ActivitySource.StartActivity(TelemetryNames.Wait, ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.Api, Api.Name);
        activity?.SetTag(TelemetryNames.Model, model);
        activity?.SetTag(TelemetryNames.JobId, ApiErrorFactory.Redact(id, _transport.Redactor)); // a handle's id is server text
        if (held is not null)
        {
            // Counted: the trace says the submission was held, and producergen.wait.polls counts only the polls that followed.
            activity?.SetTag(TelemetryNames.WaitHeld, true);
            activity?.SetTag(TelemetryNames.WaitPolls, 0);
        }

        try
        {
            var job = held?.Job is { } done
                ? await HeldDoneAsync(done, id, submittedAt, progress, resultUrl, activity, model, cancellationToken).ConfigureAwait(false)
                : await PollUntilDoneAsync(id, knownStatus, submittedAt, averageCompletion, progress, cancellationToken, statusUrl, resultUrl, new WaitTelemetry(activity, model), held).ConfigureAwait(false);
            if (job.IsFailed)
            {
                // Waiting returns a failed job rather than throwing; the span says what SubmitAndWaitAsync would throw.
                activity?.SetTag(TelemetryNames.JobErrorCode, ApiErrorFactory.Redact(job.ErrorCode, _transport.Redactor));
                SpanFailure.Mark(activity, typeof(JobFailedException).FullName!, $"Job ended with status {job.Status}", _transport.Redactor);
            }

            return job;
        }
        catch (Exception exception) when (SpanFailure.Record(activity, exception, _transport.Redactor))
        {
            throw; // not reached: the filter only marks the span
        }
    }

    /// <summary>A held answer that was already terminal: the job as a poll would have returned it, reported and recorded, with no poll.</summary>
    private async Task<Job> HeldDoneAsync(Job job, string id, DateTimeOffset? submittedAt, IProgress<JobProgress>? progress, Uri? resultUrl, Activity? activity, string? model, CancellationToken cancellationToken)
    {
        job = await CompleteAsync(job, id, resultUrl, cancellationToken).ConfigureAwait(false);
        model ??= ApiErrorFactory.Redact(job.Model, _transport.Redactor);
        activity?.SetTag(TelemetryNames.Model, model);
        activity?.SetTag(TelemetryNames.JobStatus, ApiErrorFactory.Redact(job.Status, _transport.Redactor));
        progress?.Report(new JobProgress(id, job.Status, job.Progress));
        var time = _transport.TimeProvider;
        var duration = Max(TimeSpan.Zero, time.GetUtcNow() - (submittedAt ?? time.GetUtcNow()));
        Log.CompletedHeld(_transport.Logger, id, job.Status, duration.TotalSeconds);
        RecordDuration(duration, job.Status, model);
        return job;
    }

    /// <summary>Records a finished wait's duration in <c>producergen.job.duration</c>, tagged with the API, final status and model.</summary>
    private void RecordDuration(TimeSpan duration, string status, string? model)
        => ProducerGenTelemetry.JobDuration.Record(duration.TotalSeconds, new(TelemetryNames.Api, Api.Name), new(TelemetryNames.JobStatus, ApiErrorFactory.Redact(status, _transport.Redactor)), new(TelemetryNames.Model, model));

    private async Task<Job> PollUntilDoneAsync(string id, string? knownStatus, DateTimeOffset? submittedAt, TimeSpan? averageCompletion, IProgress<JobProgress>? progress, CancellationToken cancellationToken, Uri? statusUrl, Uri? resultUrl, WaitTelemetry telemetry, HeldAnswer? held = null)
    {
        var options = _transport.Options.Waiting;
        options.Validate();
        var policy = options.PollingPolicy ?? AdaptivePollingPolicy.Default;
        var average = options.AverageCompletion ?? averageCompletion;
        var time = _transport.TimeProvider;
        var logger = _transport.Logger;
        // After a held submission the wait began when the submission left: the held time is already spent from MaxWait.
        var started = held?.StartedTimestamp ?? time.GetTimestamp();
        var curveModel = options.LearnProgressCurve ? telemetry.Model : null; // the schema's model id, never the server's text
        var origin = submittedAt ?? time.GetUtcNow();
        var originKnown = submittedAt is not null;

        var status = knownStatus ?? string.Empty;
        int? lastProgress = null;
        Job? last = null;
        TimeSpan? retryAfter = null;
        var polls = 0;
        var readings = new List<ProgressReading>();
        if (held?.PendingProgress is { } heldReading && originKnown)
        {
            // The held answer's progress is the first reading: the policy aims from it, as it would from a poll's.
            readings.Add(new ProgressReading(Max(TimeSpan.Zero, heldReading.At - origin), heldReading.Progress));
            lastProgress = heldReading.Progress;
        }

        var unknownStatuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pollNow = knownStatus is null || submittedAt is null || Api.IsTerminalStatus(knownStatus);

        while (true)
        {
            var waited = time.GetElapsedTime(started);
            if (!pollNow)
            {
                var remaining = options.MaxWait - waited;
                if (remaining <= TimeSpan.Zero)
                {
                    throw TimedOut(id, waited, last);
                }

                var context = new PollContext(id, status, lastProgress, Max(TimeSpan.Zero, time.GetUtcNow() - origin), polls, average, options.MinPollInterval, options.MaxPollInterval, readings)
                {
                    Curve = options.Curves.For(curveModel),
                };
                var delay = Clamp(policy.NextDelay(context), options.MinPollInterval, options.MaxPollInterval);
                if (retryAfter is { } serverWait && serverWait > delay)
                {
                    delay = serverWait; // Retry-After only ever lengthens the pause.
                }

                delay = delay > remaining ? remaining : delay;
                Log.NextPoll(logger, id, (long)delay.TotalMilliseconds, polls + 1, (long)context.Elapsed.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }

            pollNow = false;
            Job job;
            using (var activity = ProducerGenTelemetry.ActivitySource.StartActivity(TelemetryNames.Poll, ActivityKind.Client))
            {
                activity?.SetTag(TelemetryNames.Api, Api.Name);
                activity?.SetTag(TelemetryNames.Model, telemetry.Model);
                activity?.SetTag(TelemetryNames.JobId, ApiErrorFactory.Redact(id, _transport.Redactor));
                try
                {
                    (job, retryAfter) = await PollWithinBudgetAsync(id, options, started, last, statusUrl, resultUrl, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (CountFailedPoll(telemetry, polls + 1) || SpanFailure.Record(activity, exception, _transport.Redactor))
                {
                    throw; // not reached: the filter only counts the poll and marks the span
                }

                activity?.SetTag(TelemetryNames.JobStatus, ApiErrorFactory.Redact(job.Status, _transport.Redactor)); // server text: a hostile server may echo the key
            }

            polls++;
            telemetry.Model ??= ApiErrorFactory.Redact(job.Model, _transport.Redactor);
            telemetry.Span?.SetTag(TelemetryNames.Model, telemetry.Model);
            telemetry.Span?.SetTag(TelemetryNames.WaitPolls, polls);
            telemetry.Span?.SetTag(TelemetryNames.JobStatus, ApiErrorFactory.Redact(job.Status, _transport.Redactor));
            CountPoll(telemetry, PollOutcome(job));

            if (!originKnown && job.CreatedAt is { } created)
            {
                var now = time.GetUtcNow();
                origin = created <= now ? created : now; // clocks disagree: never in the future
                originKnown = true;
            }

            if (!job.HasKnownStatus && unknownStatuses.Add(job.Status))
            {
                Log.UnknownStatus(logger, id, job.Status);
            }

            if (last is null || !string.Equals(job.Status, status, StringComparison.Ordinal) || job.Progress != lastProgress)
            {
                if (!string.Equals(job.Status, status, StringComparison.Ordinal))
                {
                    Log.StatusChanged(logger, id, status.Length == 0 ? null : status, job.Status, job.Progress);
                }

                progress?.Report(new JobProgress(id, job.Status, job.Progress));
            }

            if (job.Progress is { } reported)
            {
                readings.Add(new ProgressReading(Max(TimeSpan.Zero, time.GetUtcNow() - origin), reported));
            }

            status = job.Status;
            lastProgress = job.Progress;
            last = job;

            if (!job.IsPending)
            {
                var duration = Max(TimeSpan.Zero, time.GetUtcNow() - origin);
                Log.Completed(logger, id, job.Status, duration.TotalSeconds, polls);
                RecordDuration(duration, job.Status, telemetry.Model);
                if (job.IsSucceeded && job.CreatedAt is { } createdAt && job.CompletedAt is { } completedAt)
                {
                    options.Curves.Learn(curveModel, readings, completedAt - createdAt, duration);
                }

                return job;
            }

            if (time.GetElapsedTime(started) >= options.MaxWait)
            {
                throw TimedOut(id, time.GetElapsedTime(started), job);
            }
        }
    }

    /// <summary>
    /// One poll (with its retries) bounded by what is left of the wait's budget, but never less than
    /// <see cref="LastLookAllowance"/> so the last look at the deadline can answer. When the budget ends first,
    /// the outcome is <see cref="JobTimeoutException"/> (the job may still be running), not the poll's transport error.
    /// </summary>
    private async Task<(Job Job, TimeSpan? RetryAfter)> PollWithinBudgetAsync(string id, JobWaitOptions options, long started, Job? last, Uri? statusUrl, Uri? resultUrl, CancellationToken cancellationToken)
    {
        var time = _transport.TimeProvider;
        var remaining = options.MaxWait - time.GetElapsedTime(started);
        var budget = remaining > LastLookAllowance ? remaining : LastLookAllowance;
        using var budgetCts = new CancellationTokenSource(budget < MaxTimerDelay ? budget : MaxTimerDelay, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetCts.Token);
        try
        {
            return await GetCoreAsync(id, linked.Token, statusUrl, resultUrl).ConfigureAwait(false);
        }
        catch (Exception exception) when (
            exception is OperationCanceledException or TransportException
            && !cancellationToken.IsCancellationRequested
            && (budgetCts.IsCancellationRequested || time.GetElapsedTime(started) >= options.MaxWait))
        {
            throw TimedOut(id, time.GetElapsedTime(started), last, exception);
        }
    }

    /// <summary>The poll's outcome for the polls counter: the job's status class, never the status itself (bounded cardinality).</summary>
    private static string PollOutcome(Job job) => job.IsSucceeded ? "succeeded" : job.IsFailed ? "failed" : "pending";

    /// <summary>Counts a poll that ended in an exception (outcome <c>error</c>); false, for an exception filter.</summary>
    private bool CountFailedPoll(WaitTelemetry telemetry, int poll)
    {
        telemetry.Span?.SetTag(TelemetryNames.WaitPolls, poll);
        CountPoll(telemetry, "error");
        return false;
    }

    /// <summary>Adds one to <c>producergen.polls</c>; the model only when known, rather than a null attribute.</summary>
    private void CountPoll(WaitTelemetry telemetry, string outcome)
    {
        var tags = new TagList { { TelemetryNames.Api, Api.Name }, { TelemetryNames.PollOutcome, outcome } };
        if (telemetry.Model is { } model)
        {
            tags.Add(TelemetryNames.Model, model);
        }

        ProducerGenTelemetry.Polls.Add(1, tags);
    }

    /// <summary>The wait's span and the model its polls are counted under (learned from the first answer when the caller did not name it).</summary>
    private sealed class WaitTelemetry(Activity? span, string? model)
    {
        public Activity? Span { get; } = span;

        public string? Model { get; set; } = model;
    }

    private JobTimeoutException TimedOut(string id, TimeSpan waited, Job? last, Exception? cause = null)
    {
        Log.WaitTimedOut(_transport.Logger, id, waited.TotalSeconds, last?.Status);
        return new JobTimeoutException(id, waited, last, cause, _transport.Secret);
    }

    private static string Shorten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var chars = text.Length <= 80 ? text.ToCharArray() : (text[..80] + "…").ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsControl(chars[i]) ? ' ' : chars[i];
        }

        return new string(chars);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

}
