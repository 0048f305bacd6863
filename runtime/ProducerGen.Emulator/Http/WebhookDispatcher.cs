using System.Net.Http.Headers;
using ProducerGen.Emulator.Jobs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Http;

/// <summary>
/// Delivers webhooks. A timer on the emulator's <see cref="TimeProvider"/> looks for due events; each job's events go
/// out one at a time, in order (progress 25/50/75, then completed or failed), each retried with doubling backoff.
/// Each attempt is signed in the schema's scheme (see <see cref="WebhookSigner"/>); by default HMAC-SHA256 keyed by SHA-256 of the
/// submitting API key.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    public const string ProgressEvent = "progress";
    public const string CompletedEvent = "completed";
    public const string FailedEvent = "failed";

    private static readonly int[] Milestones = [25, 50, 75];

    private readonly EmulatorOptions _options;
    private readonly EmulatorStats _stats;
    private readonly string _idField;
    private readonly WebhookSigner _signer;
    private readonly string _eventHeader;
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private readonly List<EmulatedJob> _active = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _timer;
    private int _disposed;

    public WebhookDispatcher(EmulatorOptions options, EmulatorStats stats, string idField, WebhooksSpec? webhooks)
    {
        _options = options;
        _stats = stats;
        _idField = idField;
        _signer = new WebhookSigner(webhooks, options.WebhookSecret);
        _eventHeader = webhooks?.EventHeader ?? "X-Webhook-Event";
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = options.WebhookTimeout,
        };
        var interval = options.WebhookPollInterval > TimeSpan.Zero ? options.WebhookPollInterval : TimeSpan.FromMilliseconds(250);
        _timer = options.TimeProvider.CreateTimer(_ => Tick(), null, interval, interval);
    }

    /// <summary>The default scheme's signature header value for <paramref name="body"/> sent on behalf of <paramref name="apiKey"/>.</summary>
    public static string Sign(string apiKey, ReadOnlySpan<byte> body) => WebhookSigner.ApiKeyHmac(apiKey, body);

    public void Register(EmulatedJob job)
    {
        lock (_gate)
        {
            _active.Add(job);
        }
    }

    public string? StatusOf(EmulatedJob job)
    {
        if (job.Webhook is null)
        {
            return null;
        }

        lock (_gate)
        {
            return job.Webhook.Status;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The token source is cancelled, never disposed: deliveries still in flight read its token.
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private void Tick()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var start = new List<(EmulatedJob, PendingWebhook)>();
        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow();
            for (var i = _active.Count - 1; i >= 0; i--)
            {
                var job = _active[i];
                if (Pump(job, now) is { } delivery)
                {
                    start.Add((job, delivery));
                }

                if (job.Webhook!.Done)
                {
                    _active.RemoveAt(i);
                }
            }
        }

        foreach (var (job, delivery) in start)
        {
            _ = DeliverAsync(job, delivery);
        }
    }

    /// <summary>Enqueues the events that became due and returns the next delivery to start, if any. Call under the lock.</summary>
    private PendingWebhook? Pump(EmulatedJob job, DateTimeOffset now)
    {
        var hook = job.Webhook!;
        if (hook.Done)
        {
            return null;
        }

        var state = job.Snapshot(now);
        var reached = state.IsTerminal ? job.FinalProgress : state.Progress;
        if (job.WebhookEvents.Contains(ProgressEvent) && state.Status != JobStatus.Queued)
        {
            foreach (var milestone in Milestones)
            {
                if (milestone > hook.LastMilestone && milestone <= reached)
                {
                    hook.LastMilestone = milestone;
                    hook.Queue.Enqueue(new PendingWebhook(ProgressEvent, JobJson.WebhookPayload(ProgressEvent, job, job.SnapshotAtProgress(milestone), _idField, hook.Status)));
                }
            }
        }

        if (state.IsTerminal && !hook.TerminalEnqueued)
        {
            hook.TerminalEnqueued = true;
            var name = state.Status == JobStatus.Completed ? CompletedEvent : FailedEvent;
            if (job.WebhookEvents.Contains(name))
            {
                hook.Queue.Enqueue(new PendingWebhook(name, JobJson.WebhookPayload(name, job, state, _idField, hook.Status)));
            }
        }

        if (hook.InFlight)
        {
            return null;
        }

        if (hook.Queue.Count == 0)
        {
            hook.Done = hook.TerminalEnqueued;
            return null;
        }

        if (now < hook.NextAttemptAt)
        {
            return null;
        }

        hook.InFlight = true;
        return hook.Queue.Peek();
    }

    private async Task DeliverAsync(EmulatedJob job, PendingWebhook delivery)
    {
        var delivered = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, job.WebhookUrl);
            request.Content = new ByteArrayContent(delivery.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            _signer.Sign(request, job.ApiKey, delivery, _options.TimeProvider.GetUtcNow());
            request.Headers.TryAddWithoutValidation(_eventHeader, delivery.Event);
            request.Headers.TryAddWithoutValidation("User-Agent", "ProducerGen.Emulator-Webhooks/1.0");
            using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
            delivered = response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            delivered = false;
        }

        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        PendingWebhook? next;
        lock (_gate)
        {
            var hook = job.Webhook!;
            var now = _options.TimeProvider.GetUtcNow();
            hook.InFlight = false;
            if (delivered)
            {
                hook.Queue.Dequeue();
                hook.Attempts = 0;
                hook.NextAttemptAt = now;
            }
            else if (++hook.Attempts >= Math.Max(1, _options.WebhookMaxAttempts))
            {
                hook.Queue.Dequeue();
                hook.Attempts = 0;
                hook.AnyFailed = true;
                hook.NextAttemptAt = now;
            }
            else
            {
                hook.NextAttemptAt = now + (_options.WebhookRetryDelay * Math.Pow(2, hook.Attempts - 1));
            }

            next = Pump(job, now);
        }

        _stats.WebhookAttempt(delivered);
        if (next is not null)
        {
            _ = DeliverAsync(job, next);
        }
    }
}
