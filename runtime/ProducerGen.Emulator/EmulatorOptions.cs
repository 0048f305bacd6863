using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator;

/// <summary>
/// How an <see cref="ApiEmulator"/> behaves: which schema it serves, where it listens, which API keys it accepts,
/// how fast jobs run, and which faults it injects.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The API key every emulator accepts unless <see cref="ApiKeys"/> is replaced: <c>afk_test</c>.</summary>
    public const string DefaultApiKey = "afk_test";

    /// <summary>
    /// An already loaded schema. When null, <see cref="SchemaYaml"/> is used, then <see cref="SchemaPath"/>, and
    /// without either the shipped Apiframe music schema (<c>schemas/apiframe-music.producergen.yaml</c>).
    /// </summary>
    public SchemaDocument? Schema { get; set; }

    /// <summary>The YAML text of a ProducerGen schema.</summary>
    public string? SchemaYaml { get; set; }

    /// <summary>The path of a ProducerGen schema file.</summary>
    public string? SchemaPath { get; set; }

    /// <summary>The URL Kestrel listens on. Default <c>http://127.0.0.1:0</c> (loopback, a free port).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// The absolute base URL put into file URLs (<c>result.tracks[].audioUrl</c>). When null, the scheme and host
    /// of the submitting request are used.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The clock jobs, idempotency keys, latency and webhook retries run on. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Multiplies every job duration: <c>0.05</c> makes a 45 s job take about 2.3 s; <c>0</c> completes jobs at once. Default 1.
    /// </summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>Replaces each model's <c>averageCompletion</c> (before jitter and <see cref="TimeScale"/>). Default null.</summary>
    public TimeSpan? JobDuration { get; set; }

    /// <summary>The duration used for a model without <c>averageCompletion</c>. Default 30 s.</summary>
    public TimeSpan FallbackJobDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The relative spread of job durations: each job takes its base duration times (1 ± jitter), the factor derived
    /// deterministically from the request. Default 0.15; 0 for exact durations.
    /// </summary>
    public double DurationJitter { get; set; } = 0.15;

    /// <summary>
    /// The accepted API keys. Default: one active key, <see cref="DefaultApiKey"/>, with unlimited credits.
    /// </summary>
    public IList<EmulatorApiKey> ApiKeys { get; } = new List<EmulatorApiKey> { new(DefaultApiKey) };

    /// <summary>
    /// When true, any key starting with <c>afk_</c> that is not in <see cref="ApiKeys"/> is accepted as an active key
    /// with unlimited credits (so the provider's examples with <c>afk_your_api_key_here</c> work). Default false;
    /// the standalone host turns it on unless told otherwise.
    /// </summary>
    public bool AcceptAnyKey { get; set; }

    /// <summary>The credits one job costs (its <c>creditCost</c>); charged when the job is created. Default 10.</summary>
    public int CreditCost { get; set; } = 10;

    /// <summary>How long an uploaded file (an upload operation's) is served at its URL, in emulator time. Default 1 h.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a long-running resource (a LoRA training) takes from creation to its succeeded (or failed) status,
    /// before <see cref="TimeScale"/>; its pending statuses share the time evenly. Default 6 s.
    /// </summary>
    public TimeSpan ResourceDuration { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>The credits creating a long-running resource costs; charged at creation, refunded when it fails. Default 2.</summary>
    public int ResourceCost { get; set; } = 2;

    /// <summary>How long an idempotency key is remembered, in emulator time. Default 24 h.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long after completion a job's files are kept before the job reads <c>expired: true</c>. Default 24 h.</summary>
    public TimeSpan AssetRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Attempts per webhook event before it is given up (<c>webhookStatus: failed</c>). Default 4.</summary>
    public int WebhookMaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first webhook retry; it doubles with each further retry. Default 1 s of emulator time.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the webhook loop looks for due events, in emulator time. Default 250 ms.</summary>
    public TimeSpan WebhookPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The secret <see cref="WebhookSecret"/> falls back to: a valid Standard Webhooks secret, fixed so tests can verify emulator deliveries.</summary>
    public const string DefaultWebhookSecret = "whsec_cHJvZHVjZXJnZW4tZW11bGF0b3Itd2ViaG9vay1zZWNyZXQ=";

    /// <summary>
    /// The secret webhooks are signed with when the schema declares <c>scheme: standard</c> (a <c>whsec_…</c> secret) or
    /// <c>scheme: timestamped</c> (any string). <see langword="null"/> (the default): the environment variable the schema names in
    /// <c>api.webhooks.secretEnv</c>, or else <see cref="DefaultWebhookSecret"/>. The default scheme signs with the submitting API key instead.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The timeout of one webhook POST (wall-clock). Default 10 s.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The <see cref="CorsOrigins"/> entry that allows any origin: <c>*</c>.</summary>
    public const string AnyCorsOrigin = "*";

    /// <summary>
    /// The origins a browser may call the emulator from (<c>http://localhost:3000</c>), or <see cref="AnyCorsOrigin"/>
    /// for any. Preflight requests (<c>OPTIONS</c>) from an allowed origin are answered without an API key; the
    /// responses expose <c>x-request-id</c> and <c>Retry-After</c>. Default: any origin, for local development; empty
    /// turns CORS off (no CORS headers, preflights are treated like other requests).
    /// </summary>
    public IList<string> CorsOrigins { get; } = new List<string> { AnyCorsOrigin };

    /// <summary>Faults to inject. Default: none.</summary>
    public FaultOptions Faults { get; set; } = new();

    /// <summary>Writes ASP.NET Core's log (warnings and above) to the console. Default false; the standalone host turns it on.</summary>
    public bool LogToConsole { get; set; }

    /// <summary>Lets Ctrl+C and SIGTERM stop the emulator (the standalone host); in-process emulators leave them to their process.</summary>
    internal bool UseConsoleLifetime { get; set; }
}

/// <summary>An API key the emulator knows.</summary>
/// <param name="Key">The key, sent in the schema's auth header (<c>X-API-Key</c>).</param>
/// <param name="IsActive">False answers 403 (inactive key).</param>
/// <param name="Credits">The starting credit balance; null for unlimited. A submission costing more than the balance answers 402.</param>
public sealed record EmulatorApiKey(string Key, bool IsActive = true, long? Credits = null)
{
    /// <summary>Hides the key.</summary>
    public override string ToString() => $"EmulatorApiKey {{ Key = ***, IsActive = {IsActive}, Credits = {Credits?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"} }}";
}

/// <summary>
/// Faults the emulator injects, deterministically for a given <see cref="Seed"/> and request order. Rates are
/// fractions in [0, 1]. They apply to the API routes (submissions and job reads), not to file downloads.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Seeds every random decision (which request fails, latency, failing jobs). Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The chance that a request starts a rate-limit burst: it and the next <see cref="RateLimitBurst"/> − 1 requests answer 429.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>How many consecutive requests a rate-limit burst rejects. Default 1.</summary>
    public int RateLimitBurst { get; set; } = 1;

    /// <summary>The wait sent in <c>Retry-After</c> (whole seconds, rounded up) with a 429. Default 1 s.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The fraction of requests answered 500.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>The fraction of requests answered 503.</summary>
    public double UnavailableRate { get; set; }

    /// <summary>The fraction of valid submissions whose connection is dropped before the job is created.</summary>
    public double DropBeforeCreateRate { get; set; }

    /// <summary>The fraction of valid submissions whose connection is dropped after the job is created (the job exists; the client never hears of it).</summary>
    public double DropAfterCreateRate { get; set; }

    /// <summary>The least added latency per request, on the emulator's clock. Default zero.</summary>
    public TimeSpan MinLatency { get; set; }

    /// <summary>The most added latency per request; a request waits a uniform random time between the two. Default zero.</summary>
    public TimeSpan MaxLatency { get; set; }

    /// <summary>The fraction of created jobs that end <c>FAILED</c> (at about 60 % progress) instead of <c>COMPLETED</c>.</summary>
    public double FailJobRate { get; set; }

    /// <summary>True when any fault is configured.</summary>
    public bool Any =>
        RateLimitRate > 0 || ServerErrorRate > 0 || UnavailableRate > 0 || DropBeforeCreateRate > 0 ||
        DropAfterCreateRate > 0 || MaxLatency > TimeSpan.Zero || FailJobRate > 0;
}
