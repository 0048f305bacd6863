using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ProducerGen.AspNetCore;

/// <summary>Maps an endpoint that receives, verifies, deduplicates and dispatches ProducerGen webhooks.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>The default signature header when the schema names none.</summary>
    public const string DefaultSignatureHeader = "X-Webhook-Signature";

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
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, api, (time, _) => WebhookVerifierSource.Fixed(new WebhookVerifier(api, secrets, time)), (_, webhook, ct) => handler(webhook, ct), options);
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
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, api, (time, _) => WebhookVerifierSource.Fixed(new WebhookVerifier(api, options.Secrets, time)), (_, webhook, ct) => handler(webhook, ct), options);
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as the other overloads do (body limit, signature, event header, deduplication), with the
    /// API key taken from the client's options and each verified delivery handled by a <typeparamref name="THandler"/> from the request's
    /// services. This is the recommended way: the key is configured once, where the client's is, and the handler can use scoped services.
    /// </summary>
    /// <typeparam name="TOptions">The client's options type, e.g. <c>ApiframeClientOptions</c>.</typeparam>
    /// <typeparam name="THandler">
    /// The handler. Taken from <c>HttpContext.RequestServices</c> for every delivery: the registered service when
    /// <typeparamref name="THandler"/> is registered (with its registered lifetime), otherwise a new instance built from the request's services
    /// (constructor injection, so a scoped <c>DbContext</c> is the request's own) and disposed after the delivery.
    /// </typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/apiframe</c>.</param>
    /// <param name="api">The API (its signing scheme, headers and job statuses), e.g. <c>ApiframeClient.Description</c>.</param>
    /// <param name="optionsName">
    /// The name of the client options (and of the <see cref="ProducerGenWebhookOptions"/>) to read; <see langword="null"/> for
    /// <see cref="Options.DefaultName"/>. A named client's options are named by the client's name.
    /// </param>
    /// <param name="options">
    /// Body limit, deduplication and signing secrets; <see langword="null"/>: the <see cref="ProducerGenWebhookOptions"/> named
    /// <paramref name="optionsName"/> from the container (<c>services.Configure&lt;ProducerGenWebhookOptions&gt;(…)</c>), read now.
    /// </param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="InvalidOperationException">
    /// The scheme is <c>api-key-hmac</c> and neither <typeparamref name="TOptions"/>'s <see cref="ProducerGenClientOptions.ApiKey"/>, nor
    /// <see cref="ProducerGenWebhookOptions.Secrets"/>, nor the schema's environment variable gives a key.
    /// </exception>
    /// <remarks>
    /// The key is read when the endpoint is mapped and again whenever <see cref="IOptionsMonitor{TOptions}"/> reports a change of these
    /// options (a reloaded <c>appsettings.json</c>, a key vault refresh): deliveries are then checked with the new key only. A change that
    /// leaves no key keeps the previous one and logs a warning. Secrets of schemes that are not <c>api-key-hmac</c> still come from
    /// <see cref="ProducerGenWebhookOptions.Secrets"/> or the schema's <c>secretEnv</c>.
    /// </remarks>
    public static IEndpointConventionBuilder MapProducerGenWebhook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        string? optionsName = null,
        ProducerGenWebhookOptions? options = null)
        where TOptions : ProducerGenClientOptions
        where THandler : class, IProducerGenWebhookHandler
        => MapWithClientOptions<TOptions>(endpoints, pattern, api, optionsName, options, ResolvedHandler<THandler>());

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> with the API key taken from the client's options (see
    /// <see cref="MapProducerGenWebhook{TOptions, THandler}(IEndpointRouteBuilder, string, ApiDescription, string?, ProducerGenWebhookOptions?)"/>),
    /// calling <paramref name="handler"/> with each verified delivery and the request's services.
    /// </summary>
    /// <typeparam name="TOptions">The client's options type, e.g. <c>ApiframeClientOptions</c>.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/apiframe</c>.</param>
    /// <param name="api">The API, e.g. <c>ApiframeClient.Description</c>.</param>
    /// <param name="handler">Called once per verified, not yet handled delivery, with the request's (scoped) services.</param>
    /// <param name="optionsName">The name of the client options (and webhook options) to read; <see langword="null"/> for <see cref="Options.DefaultName"/>.</param>
    /// <param name="options">Body limit, deduplication and signing secrets; <see langword="null"/>: the named <see cref="ProducerGenWebhookOptions"/> from the container.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="InvalidOperationException">The scheme is <c>api-key-hmac</c> and no key is configured.</exception>
    public static IEndpointConventionBuilder MapProducerGenWebhook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        Func<WebhookEvent, IServiceProvider, CancellationToken, Task> handler,
        string? optionsName = null,
        ProducerGenWebhookOptions? options = null)
        where TOptions : ProducerGenClientOptions
    {
        ArgumentNullException.ThrowIfNull(handler);
        return MapWithClientOptions<TOptions>(endpoints, pattern, api, optionsName, options, (context, webhook, ct) => handler(webhook, context.RequestServices, ct));
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> for an API whose webhooks are signed with secrets of their own or not at all (as the
    /// overload taking a <c>Func&lt;WebhookEvent, CancellationToken, Task&gt;</c> without a key), handling each verified delivery with a
    /// <typeparamref name="THandler"/> from the request's services. For <c>api-key-hmac</c>, put the key in
    /// <see cref="ProducerGenWebhookOptions.Secrets"/>, or better use
    /// <see cref="MapProducerGenWebhook{TOptions, THandler}(IEndpointRouteBuilder, string, ApiDescription, string?, ProducerGenWebhookOptions?)"/>.
    /// </summary>
    /// <typeparam name="THandler">The handler: the registered service, or else a new instance per delivery built from the request's services.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/replicate</c>.</param>
    /// <param name="api">The API, e.g. <c>ReplicateClient.Description</c>.</param>
    /// <param name="options">Body limit, deduplication and signing secrets; <see langword="null"/> for the defaults.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="ArgumentException">The scheme needs a secret and neither the options nor the environment give one.</exception>
    public static IEndpointConventionBuilder MapProducerGenWebhook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        ProducerGenWebhookOptions? options = null)
        where THandler : class, IProducerGenWebhookHandler
    {
        options ??= new ProducerGenWebhookOptions();
        return Map(endpoints, pattern, api, (time, _) => WebhookVerifierSource.Fixed(new WebhookVerifier(api, options.Secrets, time)), ResolvedHandler<THandler>(), options);
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> for an API whose webhooks are signed with secrets of their own or not at all, calling
    /// <paramref name="handler"/> with each verified delivery and the request's services.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/replicate</c>.</param>
    /// <param name="api">The API, e.g. <c>ReplicateClient.Description</c>.</param>
    /// <param name="handler">Called once per verified, not yet handled delivery, with the request's (scoped) services.</param>
    /// <param name="options">Body limit, deduplication and signing secrets; <see langword="null"/> for the defaults.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="ArgumentException">The scheme needs a secret and neither the options nor the environment give one.</exception>
    public static IEndpointConventionBuilder MapProducerGenWebhook(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        Func<WebhookEvent, IServiceProvider, CancellationToken, Task> handler,
        ProducerGenWebhookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new ProducerGenWebhookOptions();
        return Map(endpoints, pattern, api, (time, _) => WebhookVerifierSource.Fixed(new WebhookVerifier(api, options.Secrets, time)), (context, webhook, ct) => handler(webhook, context.RequestServices, ct), options);
    }

    private static IEndpointConventionBuilder MapWithClientOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        string? optionsName,
        ProducerGenWebhookOptions? options,
        Func<HttpContext, WebhookEvent, CancellationToken, Task> handler)
        where TOptions : ProducerGenClientOptions
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(api);
        var name = optionsName ?? Options.DefaultName;
        options ??= endpoints.ServiceProvider.GetService<IOptionsMonitor<ProducerGenWebhookOptions>>()?.Get(name) ?? new ProducerGenWebhookOptions();
        return Map(
            endpoints,
            pattern,
            api,
            (time, logger) => WebhookVerifierSource.FromClientOptions<TOptions>(endpoints.ServiceProvider, pattern, api, name, options, time, logger),
            handler,
            options);
    }

    private static Func<HttpContext, WebhookEvent, CancellationToken, Task> ResolvedHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IProducerGenWebhookHandler
    {
        // Built once, at mapping time: a handler type without a usable constructor fails here, not on the first delivery.
        var create = ActivatorUtilities.CreateFactory<THandler>(Type.EmptyTypes);
        return async (context, webhook, cancellationToken) =>
        {
            var services = context.RequestServices;
            if (services.GetService<THandler>() is { } registered)
            {
                // The container owns it (and disposes it with the request's scope if it is scoped or transient).
                await registered.HandleAsync(webhook, cancellationToken).ConfigureAwait(false);
                return;
            }

            var created = create(services, null);
            try
            {
                await created.HandleAsync(webhook, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (created is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                }
                else if (created is IDisposable disposable)
                {
                    disposable.Dispose();
                }
            }
        };
    }

    private static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints,
        string pattern,
        ApiDescription api,
        Func<TimeProvider?, ILogger, WebhookVerifierSource> createVerifier,
        Func<HttpContext, WebhookEvent, CancellationToken, Task> handler,
        ProducerGenWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBodyBytes, 0);
        if (options.Deduplicate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DeduplicationWindow, TimeSpan.Zero, nameof(options));
        }

        var services = endpoints.ServiceProvider;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(WebhookLog.Category) ?? NullLogger.Instance;
        var verifiers = createVerifier(services.GetService<TimeProvider>(), logger);
        var maxBodyBytes = options.MaxBodyBytes;
        var window = options.DeduplicationWindow;
        var store = !options.Deduplicate ? null
            : options.DeduplicationStore
              ?? services.GetService<IWebhookDeduplicationStore>()
              ?? new InMemoryWebhookDeduplicationStore(timeProvider: services.GetService<TimeProvider>());
        if (verifiers.Current.Scheme == WebhookSignatureScheme.None)
        {
            WebhookLog.Unsigned(logger, pattern, api.Name, null);
        }

        // A RequestDelegate, not a minimal-API lambda: no reflection over the handler, so the endpoint is trim- and AOT-safe.
        return endpoints.MapPost(pattern, async context =>
        {
            var body = await ReadBoundedAsync(context.Request, maxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                WebhookLog.TooLarge(logger, pattern, api.Name, maxBodyBytes, null);
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            WebhookEvent webhook;
            try
            {
                var headers = context.Request.Headers;
                webhook = verifiers.Current.VerifyAndParseDelivery(body, name => headers.TryGetValue(name, out var value) ? (string?)value : null);
            }
            catch (WebhookVerificationException exception)
            {
                // Say nothing about why: the sender is not trusted. A signed body with a forged event header is a bad request, not a bad signature.
                context.Response.StatusCode = exception.IsSignatureFailure ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;

                // The reason only, not the exception: its message may quote what the untrusted sender wrote.
                WebhookLog.Rejected(logger, pattern, api.Name, context.Response.StatusCode, exception.Reason, null);
                return;
            }

            var jobId = webhook.JobId ?? "-";
            WebhookLog.Received(logger, api.Name, jobId, webhook.Type, webhook.DeduplicationKey, null);
            if (store is not null && await store.IsMarkedAsync(webhook.DeduplicationKey, context.RequestAborted).ConfigureAwait(false))
            {
                // Handled before (a retry whose acknowledgement was lost, or a replay): acknowledge so the sender stops.
                WebhookLog.Duplicate(logger, api.Name, jobId, webhook.Type, webhook.DeduplicationKey, null);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            try
            {
                await handler(context, webhook, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (!(exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
            {
                // Answered here rather than left to the server, so the failure is logged once with what the delivery was; 500 makes the sender retry.
                WebhookLog.HandlerFailed(logger, api.Name, jobId, webhook.Type, webhook.DeduplicationKey, exception);
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                }

                return;
            }

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
                    WebhookLog.MarkFailed(logger, jobId, exception);
                }
            }

            WebhookLog.Handled(logger, api.Name, jobId, webhook.Type, webhook.DeduplicationKey, null);
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
