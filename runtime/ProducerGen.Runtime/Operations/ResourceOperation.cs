using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// A long-running resource that is not a job (a LoRA training), like Azure's <c>Operation&lt;T&gt;</c>: read it with
/// <see cref="UpdateAsync"/>, or wait for it with <see cref="WaitAsync(CancellationToken)"/>. Its <see cref="Id"/> is enough to resume
/// it from any process. Not meant for concurrent use: one caller updates or waits at a time.
/// </summary>
/// <typeparam name="T">The resource's typed view.</typeparam>
public class ResourceOperation<T>
{
    private readonly OperationSender _sender;
    private readonly ResourceDescription _resource;
    private readonly Func<JsonElement, T> _read;
    private readonly string _path;

    /// <summary>
    /// For mocking only (e.g. <c>Substitute.For&lt;ResourceOperation&lt;LoraTraining&gt;&gt;()</c>): a resource with no connection,
    /// whose members must be overridden before use.
    /// </summary>
    protected ResourceOperation()
    {
        _sender = null!;
        _resource = null!;
        _read = null!;
        _path = string.Empty;
        Id = string.Empty;
        Status = string.Empty;
    }

    internal ResourceOperation(OperationSender sender, ResourceDescription resource, string id, string status, JsonElement raw, Func<JsonElement, T> read)
    {
        _sender = sender;
        _resource = resource;
        _read = read;
        _path = resource.Get.Template.Expand([id], resource.Get.Display, nameof(id));
        Id = id;
        Status = status;
        Raw = raw;
    }

    /// <summary>The resource's id.</summary>
    public virtual string Id { get; }

    /// <summary>The status last seen; empty for a resumed resource not read yet.</summary>
    public virtual string Status { get; private set; }

    /// <summary>Whether the status last seen is a succeeded or a failed one.</summary>
    public virtual bool HasCompleted => _resource.IsSucceeded(Status) || _resource.IsFailed(Status);

    /// <summary>The answer last seen (<see cref="JsonValueKind.Undefined"/> for a resumed resource not read yet).</summary>
    public virtual JsonElement Raw { get; private set; }

    /// <summary>Reads the resource once (<c>GET</c> of its path), refreshing <see cref="Status"/> and <see cref="Raw"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The resource's typed view of the answer.</returns>
    /// <exception cref="UnexpectedResponseException">The answer is not an object with a status, or names another resource.</exception>
    /// <exception cref="ProducerGenException">The read failed; see the derived types (e.g. <see cref="NotFoundException"/>).</exception>
    public virtual async Task<T> UpdateAsync(CancellationToken cancellationToken = default)
    {
        await PollAsync(cancellationToken).ConfigureAwait(false);
        return _read(Raw);
    }

    /// <summary>
    /// Polls until the resource succeeds, within the client's <see cref="JobWaitOptions.MaxWait"/>, pacing polls as job waits do
    /// (the options' polling policy, lengthened by <c>Retry-After</c>).
    /// </summary>
    /// <param name="cancellationToken">Ends the wait promptly.</param>
    /// <returns>The succeeded resource's typed view.</returns>
    /// <exception cref="ResourceFailedException">The resource reached a failed status.</exception>
    /// <exception cref="ResourceTimeoutException">The resource was still pending when the budget ran out.</exception>
    /// <exception cref="UnexpectedResponseException">An answer was not the resource, or named another one.</exception>
    public virtual Task<T> WaitAsync(CancellationToken cancellationToken = default)
        => WaitAsync(_sender.Transport.Options.Waiting.MaxWait, cancellationToken);

    /// <summary>Polls until the resource succeeds, within <paramref name="maxWait"/>.</summary>
    /// <param name="maxWait">The waiting budget.</param>
    /// <param name="cancellationToken">Ends the wait promptly.</param>
    /// <returns>The succeeded resource's typed view.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWait"/> is not positive.</exception>
    /// <exception cref="ResourceFailedException">The resource reached a failed status.</exception>
    /// <exception cref="ResourceTimeoutException">The resource was still pending when the budget ran out.</exception>
    /// <exception cref="UnexpectedResponseException">An answer was not the resource, or named another one.</exception>
    public virtual async Task<T> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxWait, TimeSpan.Zero);

        // One span over the whole wait, as a job's: its reads (Operation spans) are its children.
        using var activity = ProducerGenTelemetry.ActivitySource.StartActivity(TelemetryNames.Wait, ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.Api, _sender.Transport.Api.Name);
        activity?.SetTag(TelemetryNames.Resource, _resource.Name);
        activity?.SetTag(TelemetryNames.ResourceId, Redact(Id));
        try
        {
            return await WaitCoreAsync(maxWait, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SpanFailure.Record(activity, exception, _sender.Transport.Redactor))
        {
            throw; // not reached: the filter only marks the span
        }
        finally
        {
            activity?.SetTag(TelemetryNames.ResourceStatus, Redact(Status));
        }
    }

    private async Task<T> WaitCoreAsync(TimeSpan maxWait, Activity? activity, CancellationToken cancellationToken)
    {
        var transport = _sender.Transport;
        var options = transport.Options.Waiting;
        options.Validate();
        var policy = options.PollingPolicy ?? AdaptivePollingPolicy.Default;
        var time = transport.TimeProvider;
        var started = time.GetTimestamp();
        var polls = 0;
        TimeSpan? retryAfter = null;
        var unknown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pollNow = Status.Length == 0 || HasCompleted; // a resumed resource, or one whose last answer may be stale: look now

        while (true)
        {
            if (!pollNow)
            {
                var waited = time.GetElapsedTime(started);
                var remaining = maxWait - waited;
                if (remaining <= TimeSpan.Zero)
                {
                    throw TimedOut(waited, null);
                }

                var context = new PollContext(Id, Status, null, waited, polls, null, options.MinPollInterval, options.MaxPollInterval);
                var delay = Clamp(policy.NextDelay(context), options.MinPollInterval, options.MaxPollInterval);
                if (retryAfter is { } serverWait && serverWait > delay)
                {
                    delay = serverWait; // Retry-After only ever lengthens the pause.
                }

                await Task.Delay(delay > remaining ? remaining : delay, time, cancellationToken).ConfigureAwait(false);
            }

            pollNow = false;
            var old = Status;
            retryAfter = await PollWithinBudgetAsync(maxWait, started, cancellationToken).ConfigureAwait(false);
            polls++;
            activity?.SetTag(TelemetryNames.WaitPolls, polls);

            if (!_resource.IsKnown(Status) && unknown.Add(Status))
            {
                Log.ResourceUnknownStatus(transport.Logger, _resource.Name, Id, Status); // as jobs: an unlisted status is pending
            }

            if (!string.Equals(old, Status, StringComparison.Ordinal))
            {
                Log.ResourceStatusChanged(transport.Logger, _resource.Name, Id, old.Length == 0 ? null : old, Status);
            }

            if (_resource.IsSucceeded(Status))
            {
                return _read(Raw);
            }

            if (_resource.IsFailed(Status))
            {
                var error = _resource.ErrorPath?.ReadText(Raw);
                throw new ResourceFailedException(Redact(Id), Redact(Status), error is null ? null : Redact(error));
            }

            if (time.GetElapsedTime(started) >= maxWait)
            {
                throw TimedOut(time.GetElapsedTime(started), null);
            }
        }
    }

    /// <summary>One poll bounded by what is left of the budget (never less than the last-look allowance), as job waits do.</summary>
    private async Task<TimeSpan?> PollWithinBudgetAsync(TimeSpan maxWait, long started, CancellationToken cancellationToken)
    {
        var time = _sender.Transport.TimeProvider;
        var remaining = maxWait - time.GetElapsedTime(started);
        var budget = remaining > JobsClient.LastLookAllowance ? remaining : JobsClient.LastLookAllowance;
        using var budgetCts = new CancellationTokenSource(budget < JobsClient.MaxTimerDelay ? budget : JobsClient.MaxTimerDelay, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetCts.Token);
        try
        {
            return await PollAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (
            exception is OperationCanceledException or TransportException
            && !cancellationToken.IsCancellationRequested
            && (budgetCts.IsCancellationRequested || time.GetElapsedTime(started) >= maxWait))
        {
            throw TimedOut(time.GetElapsedTime(started), exception);
        }
    }

    private async Task<TimeSpan?> PollAsync(CancellationToken cancellationToken)
    {
        var (response, retryAfter, _) = await _sender.SendAsync(_resource.Get, _path, request: null, extraQuery: null, options: null, cancellationToken).ConfigureAwait(false);
        if (response.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            throw Unexpected(response, "the body is not a JSON object");
        }

        var id = _resource.IdPath.ReadText(body);
        if (id is not null && !string.Equals(id, Id, StringComparison.Ordinal))
        {
            // The body is left out: it describes someone else's resource.
            throw Unexpected(response, $"the body describes another {_resource.Name} ('{Shorten(Redact(id))}', not '{Shorten(Redact(Id))}'), so it was not used");
        }

        Status = _resource.StatusPath.ReadText(body) ?? throw Unexpected(response, $"the body has no '{_resource.StatusPath}'");
        Raw = body;
        return retryAfter;
    }

    private ResourceTimeoutException TimedOut(TimeSpan waited, Exception? cause)
    {
        var last = Status.Length == 0 ? null : Redact(Status);
        Log.ResourceWaitTimedOut(_sender.Transport.Logger, _resource.Name, Id, waited.TotalSeconds, last);
        return new ResourceTimeoutException(Redact(Id), waited, last, cause);
    }

    private UnexpectedResponseException Unexpected(OperationResponse response, string problem)
    {
        var requestId = response.RequestId is { } rid ? $" Request id: {rid}." : string.Empty;
        return new UnexpectedResponseException(
            Redact($"{_resource.Get.Display} returned HTTP {response.StatusCode} but {problem}.{requestId}"),
            new ApiResponseInfo(response.StatusCode, response.RequestId, null, null));
    }

    private string Redact(string text) => ApiErrorFactory.Redact(text, _sender.Transport.Redactor)!;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
