using System.Collections.Concurrent;

namespace ProducerGen.Emulator;

/// <summary>
/// Counters an <see cref="ApiEmulator"/> keeps so tests can prove what happened on the server side, e.g. that a
/// retried submission was billed once. Thread-safe; values only grow.
/// </summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<string, int> _jobsPerKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string ApiKey, string IdempotencyKey), int> _jobsPerIdempotencyKey = new();
    private readonly ConcurrentDictionary<string, long> _creditsPerKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _refundsPerKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, byte> _connections = new(StringComparer.Ordinal);
    private int _requests;
    private int _jobsCreated;
    private int _replays;
    private int _held;
    private int _webhookAttempts;
    private int _webhookDeliveries;

    /// <summary>Every HTTP request received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Distinct client connections that sent at least one request (how many sockets a client opened).</summary>
    public int Connections => _connections.Count;

    /// <summary>Jobs created (all keys).</summary>
    public int JobsCreated => Volatile.Read(ref _jobsCreated);

    /// <summary>Submissions answered with an existing job because of their idempotency key.</summary>
    public int IdempotentReplays => Volatile.Read(ref _replays);

    /// <summary>Submissions held until their job was done or the hold ran out (the schema's <c>api.jobs.hold</c> header).</summary>
    public int HeldSubmissions => Volatile.Read(ref _held);

    /// <summary>Webhook POSTs attempted (each retry counts).</summary>
    public int WebhookAttempts => Volatile.Read(ref _webhookAttempts);

    /// <summary>Webhook POSTs answered 2xx.</summary>
    public int WebhookDeliveries => Volatile.Read(ref _webhookDeliveries);

    /// <summary>Jobs created with <paramref name="apiKey"/>.</summary>
    /// <param name="apiKey">The API key.</param>
    public int JobsCreatedFor(string apiKey) => _jobsPerKey.TryGetValue(apiKey, out var n) ? n : 0;

    /// <summary>
    /// Jobs created with <paramref name="apiKey"/> and the idempotency key <paramref name="idempotencyKey"/>: at most 1
    /// within the retention window, however often the submission was retried.
    /// </summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="idempotencyKey">The idempotency key.</param>
    public int JobsCreatedFor(string apiKey, string idempotencyKey) =>
        _jobsPerIdempotencyKey.TryGetValue((apiKey, idempotencyKey), out var n) ? n : 0;

    /// <summary>Jobs created with the idempotency key <paramref name="idempotencyKey"/> under any API key.</summary>
    /// <param name="idempotencyKey">The idempotency key.</param>
    public int JobsCreatedForIdempotencyKey(string idempotencyKey) =>
        _jobsPerIdempotencyKey.Where(p => p.Key.IdempotencyKey == idempotencyKey).Sum(p => p.Value);

    /// <summary>The largest number of jobs any single idempotency key created (1 when no submission was billed twice).</summary>
    public int MaxJobsPerIdempotencyKey => _jobsPerIdempotencyKey.IsEmpty ? 0 : _jobsPerIdempotencyKey.Values.Max();

    /// <summary>
    /// Credits charged to <paramref name="apiKey"/> when its jobs were created (a replay charges nothing), including
    /// charges later refunded because the job failed: see <see cref="CreditsRefunded"/>.
    /// </summary>
    /// <param name="apiKey">The API key.</param>
    public long CreditsCharged(string apiKey) => _creditsPerKey.TryGetValue(apiKey, out var n) ? n : 0;

    /// <summary>
    /// Credits given back to <paramref name="apiKey"/> because its jobs failed (you only pay for successful generations).
    /// A refund is made the first time a balance is read or a job is submitted after the failure.
    /// </summary>
    /// <param name="apiKey">The API key.</param>
    public long CreditsRefunded(string apiKey) => _refundsPerKey.TryGetValue(apiKey, out var n) ? n : 0;

    /// <summary>
    /// How often the fault <paramref name="kind"/> was injected: <c>rate-limit</c>, <c>server-error</c>,
    /// <c>unavailable</c>, <c>drop-before-create</c>, <c>drop-after-create</c>, <c>latency</c>, <c>failed-job</c>.
    /// </summary>
    /// <param name="kind">The fault's name.</param>
    public int Faults(string kind) => _faults.TryGetValue(kind, out var n) ? n : 0;

    /// <summary>How many responses had the status code <paramref name="statusCode"/> (dropped connections are not responses).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    public int Responses(int statusCode) => _statuses.TryGetValue(statusCode, out var n) ? n : 0;

    internal void Request(string connectionId)
    {
        Interlocked.Increment(ref _requests);
        _connections.TryAdd(connectionId, 0);
    }

    internal void Response(int statusCode) => _statuses.AddOrUpdate(statusCode, 1, static (_, n) => n + 1);

    internal void Replay() => Interlocked.Increment(ref _replays);

    internal void Held() => Interlocked.Increment(ref _held);

    internal void Fault(string kind) => _faults.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    internal void WebhookAttempt(bool delivered)
    {
        Interlocked.Increment(ref _webhookAttempts);
        if (delivered)
        {
            Interlocked.Increment(ref _webhookDeliveries);
        }
    }

    internal void Refunded(string apiKey, long credits) => _refundsPerKey.AddOrUpdate(apiKey, credits, (_, n) => n + credits);

    internal void JobCreated(string apiKey, string? idempotencyKey, long credits)
    {
        Interlocked.Increment(ref _jobsCreated);
        _jobsPerKey.AddOrUpdate(apiKey, 1, static (_, n) => n + 1);
        _creditsPerKey.AddOrUpdate(apiKey, credits, (_, n) => n + credits);
        if (idempotencyKey is not null)
        {
            _jobsPerIdempotencyKey.AddOrUpdate((apiKey, idempotencyKey), 1, static (_, n) => n + 1);
        }
    }
}
