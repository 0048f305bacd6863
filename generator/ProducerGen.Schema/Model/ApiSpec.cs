using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Schema.Model;

/// <summary>The <c>api:</c> section: how to reach and authenticate against the service.</summary>
/// <param name="Name">The API's name as written.</param>
/// <param name="CSharpName">The identifier that prefixes generated types (<c>ApiframeClient</c>).</param>
/// <param name="Namespace">The namespace to generate into, or null for the project's root namespace.</param>
/// <param name="BaseUrl">The absolute base URL.</param>
/// <param name="Auth">The API-key header and environment variable.</param>
/// <param name="Idempotency">The idempotency-key header, or null when the API takes none (nothing is sent).</param>
/// <param name="Jobs">How to read job state.</param>
/// <param name="Webhooks">Webhook headers, if the API sends webhooks.</param>
/// <param name="NameRange">Where <c>name:</c>'s value is written, for diagnostics about names derived from it.</param>
/// <param name="NamespaceRange">Where <c>namespace:</c>'s value is written, or the name's range when it is absent.</param>
/// <param name="Headers">Headers sent with every request (an API version, say), in file order.</param>
/// <param name="Envelope">How the API wraps its answers and signals errors inside an HTTP 200, or null.</param>
/// <param name="Errors">Where error answers hold their message and code, or null for the v1 reading (<c>error</c>, then <c>message</c>).</param>
public sealed record ApiSpec(
    string Name,
    string CSharpName,
    string? Namespace,
    string BaseUrl,
    AuthSpec Auth,
    IdempotencySpec? Idempotency,
    JobsSpec Jobs,
    WebhooksSpec? Webhooks,
    SourceRange NameRange = default,
    SourceRange NamespaceRange = default,
    EquatableArray<HeaderSpec> Headers = default,
    EnvelopeSpec? Envelope = null,
    ErrorsSpec? Errors = null);

/// <summary>An envelope around every answer: <c>{"code": 200, "msg": "…", "data": {…}}</c>.</summary>
/// <param name="CodePath">The path of the code.</param>
/// <param name="Success">The codes that mean success, as written.</param>
/// <param name="MessagePaths">The paths of the message, tried in order.</param>
public sealed record EnvelopeSpec(string CodePath, EquatableArray<string> Success, EquatableArray<string> MessagePaths);

/// <summary>Where an error answer (HTTP 4xx/5xx) holds its message and code.</summary>
/// <param name="MessagePaths">The paths of the message, tried in order.</param>
/// <param name="CodePath">The path of a machine-readable code, or null.</param>
public sealed record ErrorsSpec(EquatableArray<string> MessagePaths, string? CodePath);

/// <summary>A header sent with every request.</summary>
/// <param name="Name">The header's name.</param>
/// <param name="Value">Its value, sent unchanged.</param>
public sealed record HeaderSpec(string Name, string Value);

/// <summary>API-key authentication.</summary>
/// <param name="Header">The header that carries the key.</param>
/// <param name="EnvironmentVariable">The environment variable the client reads the key from when none is configured; it holds the bare key.</param>
/// <param name="Prefix">Text sent before the key in the header (<c>Bearer </c>, <c>Key </c>, <c>Token </c>), or null.</param>
public sealed record AuthSpec(string Header, string? EnvironmentVariable, string? Prefix = null);

/// <summary>Idempotency keys.</summary>
/// <param name="Header">The header that carries the key.</param>
/// <param name="MaxLength">The longest key the service accepts.</param>
public sealed record IdempotencySpec(string Header, int? MaxLength);

/// <summary>The job resource.</summary>
/// <param name="Get">The route that reads one job; its path holds <c>{id}</c> (or <c>{+id}</c>), perhaps in a query string.</param>
/// <param name="IdField">The job body's id member.</param>
/// <param name="Pending">Statuses that mean "not finished yet".</param>
/// <param name="Succeeded">Statuses that mean success.</param>
/// <param name="Failed">Statuses that mean failure.</param>
/// <param name="Shape">Where the job's facts are in the answers; null for the v1 shape.</param>
/// <param name="Hold">How a submission asks the service to hold its answer until the job is done, or null when it cannot.</param>
public sealed record JobsSpec(
    Route Get,
    string IdField,
    EquatableArray<string> Pending,
    EquatableArray<string> Succeeded,
    EquatableArray<string> Failed,
    JobShapeSpec? Shape = null,
    HoldSpec? Hold = null);

/// <summary>A held submission (<c>api.jobs.hold</c>): a header that asks the service to answer only once the job is done, or after some seconds.</summary>
/// <param name="Header">The header's name (<c>Prefer</c>).</param>
/// <param name="Value">Its value, holding <c>{seconds}</c> once (<c>wait={seconds}</c>).</param>
/// <param name="MaxSeconds">The longest hold the service grants, in whole seconds.</param>
/// <param name="HeaderRange">Where the header's name is written, for diagnostics that compare it with the API's other headers.</param>
public sealed record HoldSpec(string Header, string Value, int MaxSeconds, SourceRange HeaderRange = default)
{
    /// <summary>The placeholder <see cref="Value"/> holds once, replaced by the seconds asked for.</summary>
    public const string SecondsPlaceholder = "{seconds}";

    /// <summary>The value's text before <see cref="SecondsPlaceholder"/> (<c>wait=</c>).</summary>
    public string ValuePrefix => Value.Substring(0, Value.IndexOf(SecondsPlaceholder, System.StringComparison.Ordinal));

    /// <summary>The value's text after <see cref="SecondsPlaceholder"/>.</summary>
    public string ValueSuffix => Value.Substring(ValuePrefix.Length + SecondsPlaceholder.Length);
}

/// <summary>Where the job's facts are in the API's answers (every member null or false is the v1 default).</summary>
/// <param name="IdPath">The path of the id in the submit answer and job bodies, or null for the v1 lookup.</param>
/// <param name="StatusPath">The path of the status, or null for <c>status</c>.</param>
/// <param name="StatusFromHttp">Whether the status is the poll's HTTP status code.</param>
/// <param name="ProgressPath">The path of the progress, or null for <c>progress</c>.</param>
/// <param name="ProgressFraction">Whether progress is a fraction from 0 to 1 (else a percentage).</param>
/// <param name="ProgressPattern">A regular expression whose first group is a percentage, or null.</param>
/// <param name="ResultPath">The path of the result, or null for <c>result</c>.</param>
/// <param name="ResultIsJsonText">Whether the result is JSON written as a string.</param>
/// <param name="ResultGet">A separate result endpoint, or null.</param>
/// <param name="ErrorPath">The path of the error, or null for <c>error</c>.</param>
/// <param name="ErrorCodePath">The path of the error code, or null.</param>
/// <param name="ErrorFailsJob">Whether an error on a succeeded status means failure.</param>
/// <param name="StatusUrlPath">The path, in the submit answer, of the URL to poll, or null.</param>
/// <param name="ResultUrlPath">The path, in the submit answer, of the URL of the result, or null.</param>
/// <param name="ContentGet">A binary content endpoint, or null.</param>
/// <param name="ContentVariantQuery">The query parameter that picks a content variant, or null.</param>
/// <param name="ContentVariants">The content variants, main output first.</param>
/// <param name="ModelPath">The path of the model id in job bodies, or null for <c>model</c>.</param>
/// <param name="CreatedAtPath">The path of the creation time, or null for <c>createdAt</c>.</param>
/// <param name="CompletedAtPath">The path of the completion time, or null for <c>completedAt</c>.</param>
public sealed record JobShapeSpec(
    string? IdPath = null,
    string? StatusPath = null,
    bool StatusFromHttp = false,
    string? ProgressPath = null,
    bool ProgressFraction = false,
    string? ProgressPattern = null,
    string? ResultPath = null,
    bool ResultIsJsonText = false,
    Route? ResultGet = null,
    string? ErrorPath = null,
    string? ErrorCodePath = null,
    bool ErrorFailsJob = false,
    string? StatusUrlPath = null,
    string? ResultUrlPath = null,
    Route? ContentGet = null,
    string? ContentVariantQuery = null,
    EquatableArray<string> ContentVariants = default,
    string? ModelPath = null,
    string? CreatedAtPath = null,
    string? CompletedAtPath = null);

/// <summary>Webhook delivery headers and signing.</summary>
/// <param name="SignatureHeader">Header holding the signature (<c>sha256=&lt;hex&gt;</c>, or <c>t=…,v1=…</c> with <c>scheme: timestamped</c>).</param>
/// <param name="EventHeader">Header naming the event.</param>
/// <param name="Scheme">The <c>scheme</c> as written (<c>api-key-hmac</c>, <c>standard</c>, <c>timestamped</c>, <c>none</c>), or <see langword="null"/> when not written.</param>
/// <param name="SecretEnv">The environment variable holding the signing secret, or <see langword="null"/>.</param>
/// <param name="ToleranceMilliseconds">The timestamp tolerance, or <see langword="null"/> for the runtime's default (5 minutes).</param>
/// <param name="TimestampKey">The timestamp part's name in a <c>timestamped</c> header, or <see langword="null"/> for <c>t</c>.</param>
/// <param name="SignatureKey">The signature part's name in a <c>timestamped</c> header, or <see langword="null"/> for <c>v1</c>.</param>
/// <param name="UrlMember">The body member that carries the webhook URL, or <see langword="null"/>.</param>
public sealed record WebhooksSpec(
    string? SignatureHeader,
    string? EventHeader,
    string? Scheme = null,
    string? SecretEnv = null,
    long? ToleranceMilliseconds = null,
    string? TimestampKey = null,
    string? SignatureKey = null,
    string? UrlMember = null)
{
    /// <summary>Whether the schema sets anything beyond the two v1 headers (then the generated description says how webhooks are signed).</summary>
    public bool HasSigning => Scheme is not null || SecretEnv is not null || ToleranceMilliseconds is not null || TimestampKey is not null || SignatureKey is not null || UrlMember is not null;
}
