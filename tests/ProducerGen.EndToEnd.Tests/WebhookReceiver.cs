using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>One webhook POST as it arrived, and what the runtime's verifier made of it.</summary>
internal sealed record WebhookDelivery(byte[] Body, string? Signature, string? EventHeader, WebhookEvent? Event, string? Rejection);

/// <summary>
/// A small Kestrel app, as a user would write one: it verifies each webhook with the runtime's <see cref="WebhookVerifier"/>
/// and answers 401 to anything it cannot trust.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<WebhookDelivery> _deliveries = Channel.CreateUnbounded<WebhookDelivery>();

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ChannelReader<WebhookDelivery> Deliveries => _deliveries.Reader;

    public static async Task<WebhookReceiver> StartAsync(WebhookVerifier verifier, ApiDescription api)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks/apiframe", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            string? signature = request.Headers[api.WebhookSignatureHeader!];
            string? eventHeader = request.Headers[api.WebhookEventHeader!];
            try
            {
                var parsed = verifier.VerifyAndParse(body, signature, eventHeader);
                receiver!._deliveries.Writer.TryWrite(new WebhookDelivery(body, signature, eventHeader, parsed, null));
                return Results.Ok();
            }
            catch (WebhookVerificationException exception)
            {
                receiver!._deliveries.Writer.TryWrite(new WebhookDelivery(body, signature, eventHeader, null, exception.Message));
                return Results.Unauthorized();
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(new Uri(address), "/hooks/apiframe"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
