using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Specs;

/// <summary>The client, its options and its DI registration.</summary>
/// <param name="ApiName">The API's name as written.</param>
/// <param name="ClientName">The client class (<c>ApiframeClient</c>).</param>
/// <param name="OptionsName">The options class (<c>ApiframeClientOptions</c>).</param>
/// <param name="ExtensionsName">The DI extensions class (<c>ApiframeServiceCollectionExtensions</c>).</param>
/// <param name="BaseUrl">The schema's base URL.</param>
/// <param name="Auth">API-key authentication.</param>
/// <param name="Idempotency">Idempotency keys, or null when the API takes none.</param>
/// <param name="Jobs">How jobs are read.</param>
/// <param name="Webhooks">Webhook headers, or null.</param>
/// <param name="Headers">Headers sent with every request.</param>
/// <param name="Models">One client property per model.</param>
/// <param name="Envelope">The answers' envelope, or null.</param>
/// <param name="Errors">Where error answers hold message and code, or null for the v1 reading.</param>
/// <param name="Groups">The operation groups the client exposes.</param>
internal sealed record ClientSpec(
    string ApiName,
    string ClientName,
    string OptionsName,
    string ExtensionsName,
    string BaseUrl,
    AuthSpec Auth,
    IdempotencySpec? Idempotency,
    JobsSpec Jobs,
    WebhooksSpec? Webhooks,
    EquatableArray<HeaderSpec> Headers,
    EquatableArray<ClientModelSpec> Models,
    EnvelopeSpec? Envelope = null,
    ErrorsSpec? Errors = null,
    EquatableArray<ClientGroupSpec> Groups = default);

/// <summary>A model as the client sees it: only names, so a param edit leaves the client file untouched.</summary>
/// <param name="Id">The model's id.</param>
/// <param name="PropertyName">The client property (<c>Producer</c>).</param>
/// <param name="OperationsName">The operations class's C# name, as declared.</param>
/// <param name="Summary">The model's one-line summary.</param>
internal sealed record ClientModelSpec(string Id, string PropertyName, string OperationsName, string? Summary);
