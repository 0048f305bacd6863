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
    EquatableArray<HeaderSpec> Headers = default);

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
/// <param name="Get">The route that reads one job; its path holds <c>{id}</c>.</param>
/// <param name="IdField">The job body's id member.</param>
/// <param name="Pending">Statuses that mean "not finished yet".</param>
/// <param name="Succeeded">Statuses that mean success.</param>
/// <param name="Failed">Statuses that mean failure.</param>
public sealed record JobsSpec(
    Route Get,
    string IdField,
    EquatableArray<string> Pending,
    EquatableArray<string> Succeeded,
    EquatableArray<string> Failed);

/// <summary>Webhook delivery headers.</summary>
/// <param name="SignatureHeader">Header holding <c>sha256=&lt;hex&gt;</c>.</param>
/// <param name="EventHeader">Header naming the event.</param>
public sealed record WebhooksSpec(string? SignatureHeader, string? EventHeader);
