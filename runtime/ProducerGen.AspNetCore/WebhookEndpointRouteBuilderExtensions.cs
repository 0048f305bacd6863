using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProducerGen.AspNetCore;

/// <summary>Maps an endpoint that receives, verifies, deduplicates and dispatches ProducerGen webhooks.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>The default signature header when the schema names none.</summary>
    public const string DefaultSignatureHeader = "X-Webhook-Signature";

    private static readonly Action<ILogger, string, string, Exception?> Unsigned = LoggerMessage.Define<string, string>(
        LogLevel.Warning,
        new EventId(2, "WebhookUnsigned"),
        "Webhook endpoint {Pattern} of API {Api} accepts unsigned deliveries: the schema declares 'scheme: none', so anyone who knows the URL can post events. Keep the URL secret, or restrict who may call it.");

    private static readonly Action<ILogger, string, Exception?> MarkFailed = LoggerMessage.Define<string>(
        LogLevel.Warning,
        new EventId(1, "WebhookMarkFailed"),
        "Webhook for job {JobId} was handled but could not be marked as handled; a retry of it will be handled again.");

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: reads the raw body (at most <paramref name="maxBodyBytes"/>),
    /// verifies its signature before anything else looks at it, and only then calls <paramref name="handler"/> with
    /// the parsed event. Unsigned or altered deliveries get 401, signed ones whose event header disagrees with the signed body get 400,
    /// and neither reaches the handler; oversize bodies get 413. A delivery already handled is acknowledged with 200 without calling the
    /// handler again (see <see cref="ProducerGenWebhookOptions.Deduplicate"/>).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/apiframe</c>.</param>
    /// <param name="api">The API (names the signature and event headers and the job statuses), e.g. <c>ApiframeClient.Description</c>.</param>
    /// <param name="apiKey">The API key the deliveries are signed for.</param>
    /// <param name="handler">Called once per verified event.</param>
    /// <param name="maxBodyBytes">The largest body accepted.</param>
    /// <returns>The endpoint's builder, for authorization, rate limiting and the like.</returns>
    public static IEndpointConventionBuilder MapProducerGenWebhook(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        string apiKey,
        Func<WebhookEvent, CancellationToken, Task> handler,
        long maxBodyBytes = 1024 * 1024)
        => MapProducerGenWebhook(endpoints, pattern, api, apiKey, handler, new ProducerGenWebhookOptions { MaxBodyBytes = maxBodyBytes });

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> with <paramref name="options"/>: reads the raw body (at most
    /// <see cref="ProducerGenWebhookOptions.MaxBodyBytes"/>, else 413), verifies its signature (else 401), takes the event's kind from the
    /// signed body and refuses an event header that disagrees with it (400), acknowledges a delivery already handled with 200 without
    /// calling <paramref name="handler"/>, and otherwise calls <paramref name="handler"/>. The delivery is marked as handled only after the
    /// handler returns: a handler that throws answers 500 and leaves nothing marked, so the sender's retry is handled.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/apiframe</c>.</param>
    /// <param name="api">The API (names the signature and event headers and the job statuses), e.g. <c>ApiframeClient.Description</c>.</param>
    /// <param name="apiKey">The API key the deliveries are signed for.</param>
    /// <param name="handler">Called once per verified, not yet handled delivery (at least once: two copies arriving at once may both be handled).</param>
    /// <param name="options">Body limit, deduplication and signing secrets.</param>
    /// <returns>The endpoint's builder, for authorization, rate limiting and the like.</returns>
    /// <remarks>
    /// The signature is checked in the scheme the schema declares (<see cref="ApiDescription.WebhookSigning"/>): by default
    /// <c>sha256=&lt;hex&gt;</c> keyed by the API key; Standard Webhooks and <c>t=…,v1=…</c> headers against
    /// <see cref="ProducerGenWebhookOptions.Secrets"/> (or the schema's <c>secretEnv</c>) within the schema's tolerance, on the container's
    /// <see cref="TimeProvider"/>; there a delivery's <c>webhook-id</c> is its deduplication key, so a replay of a handled delivery never
    /// reaches the handler. With <c>scheme: none</c> the endpoint accepts <b>unsigned</b> deliveries and logs a warning once when it is mapped.
    /// </remarks>
    public static IEndpointConventionBuilder MapProducerGenWebhook(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        string apiKey,
        Func<WebhookEvent, CancellationToken, Task> handler,
        ProducerGenWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var scheme = api.WebhookSigning?.Scheme ?? WebhookSignatureScheme.ApiKeyHmac;
        if (scheme == WebhookSignatureScheme.ApiKeyHmac && options.Secrets.Count == 0)
        {
            ArgumentException.ThrowIfNullOrEmpty(apiKey);
        }

        // The API key signs only the api-key-hmac scheme; the others have secrets of their own.
        var secrets = scheme == WebhookSignatureScheme.ApiKeyHmac && options.Secrets.Count == 0 ? new[] { apiKey } : options.Secrets;
        return Map(endpoints, pattern, api, secrets, handler, options);
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> for an API whose webhooks are signed with secrets of their own (Standard Webhooks,
    /// <c>t=…,v1=…</c>) or not at all (<c>scheme: none</c>): as the overload with an API key, with the secrets from
    /// <see cref="ProducerGenWebhookOptions.Secrets"/> or else the environment variable the schema names (<c>api.webhooks.secretEnv</c>).
    /// With <c>scheme: none</c> the endpoint accepts <b>unsigned</b> deliveries (anyone who knows the URL can post one) and logs a warning
    /// once when it is mapped.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/replicate</c>.</param>
    /// <param name="api">The API (its signing scheme, headers and job statuses), e.g. <c>ReplicateClient.Description</c>.</param>
    /// <param name="handler">Called once per verified, not yet handled delivery.</param>
    /// <param name="options">Body limit, deduplication and signing secrets; <see langword="null"/> for the defaults.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="ArgumentException">The scheme needs a secret and neither the options nor the environment give one.</exception>
    public static IEndpointConventionBuilder MapProducerGenWebhook(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        Func<WebhookEvent, CancellationToken, Task> handler,
        ProducerGenWebhookOptions? options = null)
    {
        options ??= new ProducerGenWebhookOptions();
        return Map(endpoints, pattern, api, options.Secrets, handler, options);
    }

    private static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        IEnumerable<string> secrets,
        Func<WebhookEvent, CancellationToken, Task> handler,
        ProducerGenWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBodyBytes, 0);
        if (options.Deduplicate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DeduplicationWindow, TimeSpan.Zero, nameof(options));
        }

        var services = endpoints.ServiceProvider;
        var verifier = new WebhookVerifier(api, secrets, services.GetService<TimeProvider>());
        var maxBodyBytes = options.MaxBodyBytes;
        var window = options.DeduplicationWindow;
        var store = !options.Deduplicate ? null
            : options.DeduplicationStore
              ?? services.GetService<IWebhookDeduplicationStore>()
              ?? new InMemoryWebhookDeduplicationStore(timeProvider: services.GetService<TimeProvider>());
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("ProducerGen.Webhooks") ?? NullLogger.Instance;
        if (verifier.Scheme == WebhookSignatureScheme.None)
        {
            Unsigned(logger, pattern, api.Name, null);
        }

        // A RequestDelegate, not a minimal-API lambda: no reflection over the handler, so the endpoint is trim- and AOT-safe.
        return endpoints.MapPost(pattern, async context =>
        {
            var body = await ReadBoundedAsync(context.Request, maxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            WebhookEvent webhook;
            try
            {
                var headers = context.Request.Headers;
                webhook = verifier.VerifyAndParseDelivery(body, name => headers.TryGetValue(name, out var value) ? (string?)value : null);
            }
            catch (WebhookVerificationException exception)
            {
                // Say nothing about why: the sender is not trusted. A signed body with a forged event header is a bad request, not a bad signature.
                context.Response.StatusCode = exception.IsSignatureFailure ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
                return;
            }

            if (store is not null && await store.IsMarkedAsync(webhook.DeduplicationKey, context.RequestAborted).ConfigureAwait(false))
            {
                // Handled before (a retry whose acknowledgement was lost, or a replay): acknowledge so the sender stops.
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            await handler(webhook, context.RequestAborted).ConfigureAwait(false);
            if (store is not null)
            {
                try
                {
                    // Not the request's token: the handler has done its work, so remember that even if the sender hung up meanwhile.
                    await store.TryMarkAsync(webhook.DeduplicationKey, window, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // Answering 500 now would make the sender retry work that succeeded; at worst a retry is handled twice.
                    MarkFailed(logger, webhook.JobId ?? "-", exception);
                }
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        });
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
