using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ProducerGen.AspNetCore;

/// <summary>Maps an endpoint that receives, verifies and dispatches ProducerGen webhooks.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>The default signature header when the schema names none.</summary>
    public const string DefaultSignatureHeader = "X-Webhook-Signature";

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: reads the raw body (at most <paramref name="maxBodyBytes"/>),
    /// verifies its signature before anything else looks at it, and only then calls <paramref name="handler"/> with
    /// the parsed event. Unsigned or altered deliveries get 401 and never reach the handler; oversize bodies get 413.
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
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(handler);
        var verifier = new WebhookVerifier(apiKey, api);
        var signatureHeader = api.WebhookSignatureHeader ?? DefaultSignatureHeader;
        var eventHeader = api.WebhookEventHeader;

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
                webhook = verifier.VerifyAndParse(body, context.Request.Headers[signatureHeader], eventHeader is null ? null : (string?)context.Request.Headers[eventHeader]);
            }
            catch (WebhookVerificationException)
            {
                // Say nothing about why: the sender is not trusted.
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await handler(webhook, context.RequestAborted).ConfigureAwait(false);
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
