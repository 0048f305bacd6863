using System;
using System.Collections.Generic;
using System.Linq;

namespace ProducerGen;

/// <summary>
/// Describes one asynchronous generation API: where it lives, how it authenticates, how jobs are read
/// and which job statuses mean what. Generated code builds one static instance from the schema file.
/// </summary>
public sealed class ApiDescription
{
    /// <summary>Creates a description of an API.</summary>
    /// <param name="name">The API's name, e.g. <c>Apiframe</c>.</param>
    /// <param name="defaultBaseAddress">The absolute base address used when the options name none.</param>
    /// <param name="authHeader">The request header that carries the API key, e.g. <c>X-API-Key</c>.</param>
    /// <param name="authEnvironmentVariable">The environment variable read when the options carry no key, or <see langword="null"/>.</param>
    /// <param name="idempotencyHeader">The request header that carries the idempotency key, e.g. <c>Idempotency-Key</c>.</param>
    /// <param name="idempotencyKeyMaxLength">The longest idempotency key the API accepts, or <see langword="null"/> for no limit.</param>
    /// <param name="jobGetPath">The path that reads one job, holding <c>{id}</c>, e.g. <c>/v2/jobs/{id}</c>.</param>
    /// <param name="jobIdField">The member of the job object that holds its id, e.g. <c>id</c>.</param>
    /// <param name="pendingStatuses">Statuses of a job still running.</param>
    /// <param name="succeededStatuses">Statuses of a job that finished well.</param>
    /// <param name="failedStatuses">Statuses of a job that failed or was cancelled.</param>
    /// <param name="webhookSignatureHeader">The header carrying a webhook's signature, or <see langword="null"/>.</param>
    /// <param name="webhookEventHeader">The header naming a webhook's event, or <see langword="null"/>.</param>
    public ApiDescription(
        string name,
        Uri defaultBaseAddress,
        string authHeader,
        string? authEnvironmentVariable,
        string idempotencyHeader,
        int? idempotencyKeyMaxLength,
        string jobGetPath,
        string jobIdField,
        IReadOnlyList<string> pendingStatuses,
        IReadOnlyList<string> succeededStatuses,
        IReadOnlyList<string> failedStatuses,
        string? webhookSignatureHeader,
        string? webhookEventHeader)
        : this(name, defaultBaseAddress, authHeader, authEnvironmentVariable, idempotencyHeader, idempotencyKeyMaxLength, jobGetPath, jobIdField, pendingStatuses, succeededStatuses, failedStatuses, webhookSignatureHeader, webhookEventHeader, authPrefix: null, headers: null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyHeader);
    }

    /// <summary>Creates a description of an API whose key may carry a prefix, which sends fixed headers, or which takes no idempotency key.</summary>
    /// <param name="name">The API's name, e.g. <c>Apiframe</c>.</param>
    /// <param name="defaultBaseAddress">The absolute base address used when the options name none.</param>
    /// <param name="authHeader">The request header that carries the API key, e.g. <c>Authorization</c>.</param>
    /// <param name="authEnvironmentVariable">The environment variable read when the options carry no key (it holds the bare key), or <see langword="null"/>.</param>
    /// <param name="idempotencyHeader">The request header that carries the idempotency key, or <see langword="null"/> when the API takes none.</param>
    /// <param name="idempotencyKeyMaxLength">The longest idempotency key the API accepts, or <see langword="null"/> for no limit.</param>
    /// <param name="jobGetPath">The path that reads one job, holding <c>{id}</c>.</param>
    /// <param name="jobIdField">The member of the job object that holds its id.</param>
    /// <param name="pendingStatuses">Statuses of a job still running.</param>
    /// <param name="succeededStatuses">Statuses of a job that finished well.</param>
    /// <param name="failedStatuses">Statuses of a job that failed or was cancelled.</param>
    /// <param name="webhookSignatureHeader">The header carrying a webhook's signature, or <see langword="null"/>.</param>
    /// <param name="webhookEventHeader">The header naming a webhook's event, or <see langword="null"/>.</param>
    /// <param name="authPrefix">Text sent before the key in <paramref name="authHeader"/> (<c>Bearer </c>), or <see langword="null"/>.</param>
    /// <param name="headers">Headers sent with every request (an API version, say), or <see langword="null"/>.</param>
    /// <param name="submissionHold">How a submission asks the service to hold its answer until the job is done, or <see langword="null"/> when it cannot.</param>
    public ApiDescription(
        string name,
        Uri defaultBaseAddress,
        string authHeader,
        string? authEnvironmentVariable,
        string? idempotencyHeader,
        int? idempotencyKeyMaxLength,
        string jobGetPath,
        string jobIdField,
        IReadOnlyList<string> pendingStatuses,
        IReadOnlyList<string> succeededStatuses,
        IReadOnlyList<string> failedStatuses,
        string? webhookSignatureHeader,
        string? webhookEventHeader,
        string? authPrefix = null,
        IReadOnlyDictionary<string, string>? headers = null,
        SubmissionHold? submissionHold = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(defaultBaseAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(authHeader);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobGetPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobIdField);
        ArgumentNullException.ThrowIfNull(pendingStatuses);
        ArgumentNullException.ThrowIfNull(succeededStatuses);
        ArgumentNullException.ThrowIfNull(failedStatuses);
        if (!defaultBaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"The default base address of API '{name}' must be absolute (was '{defaultBaseAddress}').", nameof(defaultBaseAddress));
        }

        if (!jobGetPath.Contains("{id}", StringComparison.Ordinal) && !jobGetPath.Contains("{+id}", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The job path of API '{name}' must contain '{{id}}' (was '{jobGetPath}').", nameof(jobGetPath));
        }

        if (idempotencyKeyMaxLength is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(idempotencyKeyMaxLength), idempotencyKeyMaxLength, "The idempotency key's maximum length must be positive.");
        }

        if (submissionHold is not null
            && (string.Equals(submissionHold.Header, authHeader, StringComparison.OrdinalIgnoreCase) || string.Equals(submissionHold.Header, idempotencyHeader, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The hold header of API '{name}' cannot be its key's or its idempotency key's header (was '{submissionHold.Header}').", nameof(submissionHold));
        }

        Name = name;
        DefaultBaseAddress = defaultBaseAddress;
        AuthHeader = authHeader;
        AuthEnvironmentVariable = string.IsNullOrWhiteSpace(authEnvironmentVariable) ? null : authEnvironmentVariable;
        IdempotencyHeader = string.IsNullOrWhiteSpace(idempotencyHeader) ? null : idempotencyHeader;
        AuthPrefix = string.IsNullOrEmpty(authPrefix) ? null : authPrefix;
        Headers = headers is null ? EmptyHeaders : new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        IdempotencyKeyMaxLength = idempotencyKeyMaxLength;
        JobGetPath = jobGetPath;
        JobIdField = jobIdField;
        PendingStatuses = pendingStatuses.ToArray();
        SucceededStatuses = succeededStatuses.ToArray();
        FailedStatuses = failedStatuses.ToArray();
        WebhookSignatureHeader = string.IsNullOrWhiteSpace(webhookSignatureHeader) ? null : webhookSignatureHeader;
        WebhookEventHeader = string.IsNullOrWhiteSpace(webhookEventHeader) ? null : webhookEventHeader;
        SubmissionHold = submissionHold;
    }

    /// <summary>
    /// How a submission asks the service to hold its answer until the job is done (<c>Prefer: wait=60</c>), or <see langword="null"/>
    /// when it cannot. Submit-and-wait calls send it; <see cref="ProducerGenClient.SubmitAsync"/> never does.
    /// </summary>
    public SubmissionHold? SubmissionHold { get; }

    /// <summary>The API's name, e.g. <c>Apiframe</c>.</summary>
    public string Name { get; }

    /// <summary>The base address used when the options name none.</summary>
    public Uri DefaultBaseAddress { get; }

    /// <summary>The request header that carries the API key.</summary>
    public string AuthHeader { get; }

    /// <summary>The environment variable read when the options carry no key, or <see langword="null"/>.</summary>
    public string? AuthEnvironmentVariable { get; }

    /// <summary>The request header that carries the idempotency key, or <see langword="null"/> when the API takes none (then nothing is sent and submissions are retried only where no job can have been created).</summary>
    public string? IdempotencyHeader { get; }

    /// <summary>Text sent before the key in <see cref="AuthHeader"/> (<c>Bearer </c>), or <see langword="null"/>.</summary>
    public string? AuthPrefix { get; }

    /// <summary>Headers sent with every request.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();

    /// <summary>The longest idempotency key the API accepts, or <see langword="null"/> for no limit.</summary>
    public int? IdempotencyKeyMaxLength { get; }

    /// <summary>The path that reads one job, holding <c>{id}</c>.</summary>
    public string JobGetPath { get; }

    /// <summary>The member of the job object that holds its id.</summary>
    public string JobIdField { get; }

    /// <summary>Statuses of a job still running.</summary>
    public IReadOnlyList<string> PendingStatuses { get; }

    /// <summary>Statuses of a job that finished well.</summary>
    public IReadOnlyList<string> SucceededStatuses { get; }

    /// <summary>Statuses of a job that failed or was cancelled.</summary>
    public IReadOnlyList<string> FailedStatuses { get; }

    /// <summary>The header carrying a webhook's signature, or <see langword="null"/>.</summary>
    public string? WebhookSignatureHeader { get; }

    /// <summary>The header naming a webhook's event, or <see langword="null"/>.</summary>
    public string? WebhookEventHeader { get; }

    /// <summary>
    /// The webhook signing scheme, secret source, tolerance and URL member the schema declares, or <see langword="null"/> for the v1 default:
    /// <see cref="WebhookSignatureScheme.ApiKeyHmac"/> in <see cref="WebhookSignatureHeader"/>.
    /// </summary>
    public WebhookSigning? WebhookSigning { get; init; }

    /// <summary>Where the job's id, status, progress, result and error are in the API's answers; <see cref="ProducerGen.JobShape.Default"/> for v1 schemas.</summary>
    /// <exception cref="ArgumentException">A path, pattern or route of the shape cannot be used.</exception>
    public JobShape JobShape
    {
        get => _jobReader?.Shape ?? JobShape.Default;
        init => _jobReader = new JobReader(value ?? throw new ArgumentNullException(nameof(value)), JobIdField);
    }

    /// <summary>How the API wraps its answers and signals errors inside a successful HTTP answer, or <see langword="null"/> when the HTTP status alone decides.</summary>
    public ResponseEnvelope? Envelope
    {
        get => _envelope?.Envelope;
        init => _envelope = value is null ? null : new EnvelopeReader(value);
    }

    /// <summary>Where an error answer's message and code are; <see cref="ProducerGen.ErrorShape.Default"/> reads <c>error</c>, then <c>message</c>.</summary>
    public ErrorShape ErrorShape
    {
        get => _errorReader?.Shape ?? ErrorShape.Default;
        init => _errorReader = new ErrorReader(value ?? throw new ArgumentNullException(nameof(value)));
    }

    internal JobReader JobReader => _jobReader ??= new JobReader(JobShape.Default, JobIdField);

    internal EnvelopeReader? EnvelopeReader => _envelope;

    internal ErrorReader ErrorReader => _errorReader ??= new ErrorReader(ErrorShape.Default);

    private JobReader? _jobReader;
    private EnvelopeReader? _envelope;
    private ErrorReader? _errorReader;

    /// <summary>Whether <paramref name="status"/> is one of <see cref="SucceededStatuses"/> (ordinal, case-insensitive).</summary>
    /// <param name="status">A job status.</param>
    /// <returns><see langword="true"/> when the status means success.</returns>
    public bool IsSucceededStatus(string? status) => Contains(SucceededStatuses, status);

    /// <summary>Whether <paramref name="status"/> is one of <see cref="FailedStatuses"/> (ordinal, case-insensitive).</summary>
    /// <param name="status">A job status.</param>
    /// <returns><see langword="true"/> when the status means failure or cancellation.</returns>
    public bool IsFailedStatus(string? status) => Contains(FailedStatuses, status);

    /// <summary>Whether <paramref name="status"/> is one of the known statuses.</summary>
    /// <param name="status">A job status.</param>
    /// <returns><see langword="true"/> when the status is pending, succeeded or failed.</returns>
    public bool IsKnownStatus(string? status) => Contains(PendingStatuses, status) || IsSucceededStatus(status) || IsFailedStatus(status);

    /// <summary>Whether <paramref name="status"/> ends a job (succeeded or failed).</summary>
    /// <param name="status">A job status.</param>
    /// <returns><see langword="true"/> when no further change is expected.</returns>
    public bool IsTerminalStatus(string? status) => IsSucceededStatus(status) || IsFailedStatus(status);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({DefaultBaseAddress})";

    private static bool Contains(IReadOnlyList<string> statuses, string? status)
    {
        if (status is null)
        {
            return false;
        }

        foreach (var s in statuses)
        {
            if (string.Equals(s, status, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
