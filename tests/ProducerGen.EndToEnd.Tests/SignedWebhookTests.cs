using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProducerGen.AspNetCore;
using ProducerGen.Emulator;
using Signed.Client;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>
/// Issue 16, item 3 end to end: a schema declaring Standard Webhooks gives a client whose description says so, an emulator that signs
/// its deliveries with <c>webhook-id</c>/<c>-timestamp</c>/<c>-signature</c>, and an ASP.NET Core endpoint that verifies them.
/// </summary>
public sealed class SignedWebhookTests
{
    private const string Secret = "whsec_c2lnbmVkLWFwaS1lbmQtdG8tZW5kLXNlY3JldA==";
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Schemas", "signed.producergen.yaml");

    private sealed record Delivery(int Status, string? Id, string? Timestamp, string? Signature);

    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Receiver(WebApplication app, Uri url)
        {
            _app = app;
            Url = url;
        }

        public Uri Url { get; }

        public ConcurrentQueue<WebhookEvent> Handled { get; } = new();

        public ConcurrentQueue<Delivery> Deliveries { get; } = new();

        public static async Task<Receiver> StartAsync(string secret)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            Receiver? receiver = null;
            app.Use(async (context, next) =>
            {
                await next(context);
                var headers = context.Request.Headers;
                receiver!.Deliveries.Enqueue(new Delivery(context.Response.StatusCode, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"]));
            });
            var options = new ProducerGenWebhookOptions();
            options.Secrets.Add(secret);
            app.MapProducerGenWebhook("/hooks/signed", SignedApiClient.Description, (webhook, _) => { receiver!.Handled.Enqueue(webhook); return Task.CompletedTask; }, options);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver = new Receiver(app, new Uri(new Uri(address), "/hooks/signed"));
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static SignedApiClient Client(ApiEmulator emulator)
    {
        var options = new SignedApiClientOptions { ApiKey = EmulatorOptions.DefaultApiKey, BaseAddress = emulator.BaseAddress };
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(20);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(100);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(30);
        return new SignedApiClient(options);
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 200 && !done(); i++)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_emulator_signs_with_standard_webhooks_and_the_endpoint_verifies_the_delivery()
    {
        Assert.Equal(WebhookSignatureScheme.StandardWebhooks, SignedApiClient.Description.WebhookSigning!.Scheme);
        Assert.Equal("callback", SignedApiClient.Description.WebhookSigning.UrlMember);
        await using var receiver = await Receiver.StartAsync(Secret);
        await using var emulator = await ApiEmulator.StartAsync(new EmulatorOptions { SchemaPath = SchemaPath, TimeScale = 0.01, WebhookSecret = Secret });
        using var client = Client(emulator);

        var result = await client.Painter.GenerateAsync(new PainterRequest("a lighthouse at dusk") { Callback = receiver.Url });
        // Both: the delivery is recorded by middleware after the endpoint has answered, which is after the handler ran.
        await UntilAsync(() => !receiver.Handled.IsEmpty && !receiver.Deliveries.IsEmpty);

        var webhook = Assert.Single(receiver.Handled);
        Assert.Equal(WebhookEventType.Completed, webhook.Type);
        Assert.Equal(result.Job.Id, webhook.JobId);
        var delivery = Assert.Single(receiver.Deliveries);
        Assert.Equal(StatusCodes.Status200OK, delivery.Status);
        Assert.StartsWith("msg_", delivery.Id, StringComparison.Ordinal);
        Assert.StartsWith("v1,", delivery.Signature, StringComparison.Ordinal);
        Assert.True(Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(delivery.Timestamp!, System.Globalization.CultureInfo.InvariantCulture)) < 60);
        Assert.Equal("SignedApi:id:" + delivery.Id, webhook.DeduplicationKey);
    }

    [Fact]
    public async Task Deliveries_signed_with_another_secret_are_refused_and_never_handled()
    {
        await using var receiver = await Receiver.StartAsync("whsec_" + Convert.ToBase64String("a-secret-the-emulator-does-not-have"u8.ToArray()));
        await using var emulator = await ApiEmulator.StartAsync(new EmulatorOptions { SchemaPath = SchemaPath, TimeScale = 0.01, WebhookSecret = Secret, WebhookMaxAttempts = 2 });
        using var client = Client(emulator);

        await client.Painter.GenerateAsync(new PainterRequest("a lighthouse at dusk") { Callback = receiver.Url });
        await UntilAsync(() => receiver.Deliveries.Count >= 2);

        Assert.True(receiver.Deliveries.Count >= 2, "the emulator retries a refused delivery");
        Assert.All(receiver.Deliveries, d => Assert.Equal(StatusCodes.Status401Unauthorized, d.Status));
        Assert.Single(receiver.Deliveries.Select(d => d.Id).Distinct()); // a retry keeps its webhook-id
        Assert.Empty(receiver.Handled);
    }
}
