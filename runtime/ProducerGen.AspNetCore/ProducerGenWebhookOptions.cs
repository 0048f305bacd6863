using System;
using System.Collections.Generic;

namespace ProducerGen.AspNetCore;

/// <summary>
/// Settings of an endpoint mapped by <see cref="WebhookEndpointRouteBuilderExtensions.MapProducerGenWebhook(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string, ApiDescription, string, Func{WebhookEvent, System.Threading.CancellationToken, System.Threading.Tasks.Task}, ProducerGenWebhookOptions)"/>
/// and its overloads: passed as an argument, or (for the overloads taking the key from client options) configured with
/// <c>services.Configure&lt;ProducerGenWebhookOptions&gt;(…)</c> under the client options' name and read when the endpoint is mapped.
/// </summary>
public sealed class ProducerGenWebhookOptions
{
    /// <summary>The default <see cref="DeduplicationWindow"/>: one day, far longer than a sender retries one delivery.</summary>
    public static readonly TimeSpan DefaultDeduplicationWindow = TimeSpan.FromDays(1);

    /// <summary>The largest body accepted; larger ones get 413. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Whether a delivery already handled (same <see cref="WebhookEvent.DeduplicationKey"/>) is acknowledged with 200 without calling the
    /// handler again. Default <see langword="true"/>.
    /// </summary>
    public bool Deduplicate { get; set; } = true;

    /// <summary>How long a handled delivery is remembered. Default <see cref="DefaultDeduplicationWindow"/>.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = DefaultDeduplicationWindow;

    /// <summary>
    /// Where handled deliveries are remembered. <see langword="null"/> (the default): the <see cref="IWebhookDeduplicationStore"/> registered
    /// in the container (see <see cref="WebhookServiceCollectionExtensions"/>), or else an <see cref="InMemoryWebhookDeduplicationStore"/>
    /// of this endpoint's own, on the container's <see cref="TimeProvider"/>.
    /// </summary>
    public IWebhookDeduplicationStore? DeduplicationStore { get; set; }

    /// <summary>
    /// The signing secrets, newest first or in any order: a delivery signed with any of them is accepted, so a secret can be rotated
    /// without dropping deliveries. For <see cref="WebhookSignatureScheme.StandardWebhooks"/> the <c>whsec_…</c> secrets, for
    /// <see cref="WebhookSignatureScheme.Timestamped"/> the secret strings, for <see cref="WebhookSignatureScheme.ApiKeyHmac"/> API keys
    /// (then they replace the <c>apiKey</c> argument). Empty (the default): the API key, or the environment variable the schema names in
    /// <c>api.webhooks.secretEnv</c>. Not used with <see cref="WebhookSignatureScheme.None"/>.
    /// </summary>
    public IList<string> Secrets { get; } = new List<string>();
}
