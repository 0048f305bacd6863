using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ProducerGen.AspNetCore.Tests.Support;
using Xunit;

namespace ProducerGen.AspNetCore.Tests;

/// <summary>Over real loopback HTTP: a webhook handler taken from the request's services, so it can use scoped services.</summary>
public sealed class WebhookHandlerFromServicesTests
{
    private const string ApiKey = "afk_webhook_di_test_key";

    private static Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> Services(bool registerHandler) => builder =>
    {
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddScoped<RequestScope>();
        builder.Services.Configure<TestClientOptions>(o => o.ApiKey = ApiKey);
        if (registerHandler)
        {
            builder.Services.AddScoped<RecordingHandler>();
        }
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_handler_is_resolved_per_delivery_with_that_requests_scoped_service(bool registered)
    {
        await using var host = await WebhookTestHost.StartAsync(
            app => app.MapProducerGenWebhook<TestClientOptions, RecordingHandler>(WebhookTestHost.Path, WebhookTestHost.Api()),
            Services(registered));

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(progress: 25, status: "PROCESSING", eventName: "progress"), ApiKey));
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(), ApiKey));

        var entries = host.Services.GetRequiredService<DeliveryLog>().Entries.ToArray();
        Assert.Equal(2, entries.Length);
        Assert.NotSame(entries[0].Handler, entries[1].Handler);
        Assert.NotEqual(entries[0].Scope.Id, entries[1].Scope.Id);

        // The scoped service was the request's own: its scope ended (and disposed it) with the request, and so did the handler.
        Assert.All(entries, e => Assert.True(e.Scope.IsDisposed));
        Assert.All(entries, e => Assert.True(((RecordingHandler)e.Handler).IsDisposed));
    }

    [Fact]
    public async Task The_handler_gets_each_verified_delivery_once_and_no_unverified_one()
    {
        await using var host = await WebhookTestHost.StartAsync(
            app => app.MapProducerGenWebhook<TestClientOptions, RecordingHandler>(WebhookTestHost.Path, WebhookTestHost.Api()),
            Services(registerHandler: true));
        var body = WebhookTestHost.Body();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, await host.PostAsync(body, ApiKey));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await host.PostAsync(WebhookTestHost.Body(jobId: "j2"), "afk_someone_else"));

        var handled = Assert.Single(host.Services.GetRequiredService<DeliveryLog>().Entries);
        Assert.Equal("j1", handled.Webhook.JobId);
        Assert.Equal(WebhookEventType.Completed, handled.Webhook.Type);
    }

    [Fact]
    public async Task A_delegate_handler_gets_the_requests_services()
    {
        var scopes = new System.Collections.Concurrent.ConcurrentQueue<RequestScope>();
        await using var host = await WebhookTestHost.StartAsync(
            app => app.MapProducerGenWebhook<TestClientOptions>(WebhookTestHost.Path, WebhookTestHost.Api(), (webhook, services, _) =>
            {
                scopes.Enqueue(services.GetRequiredService<RequestScope>());
                return Task.CompletedTask;
            }),
            Services(registerHandler: false));

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(progress: 50, status: "PROCESSING", eventName: "progress"), ApiKey));
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(), ApiKey));

        Assert.Equal(2, scopes.Count);
        Assert.Equal(2, scopes.Select(s => s.Id).Distinct().Count());
        Assert.All(scopes, s => Assert.True(s.IsDisposed));
    }

    [Fact]
    public async Task A_DI_handler_with_a_key_in_the_webhook_options_verifies_with_that_key()
    {
        var options = new ProducerGenWebhookOptions();
        options.Secrets.Add(ApiKey);
        await using var host = await WebhookTestHost.StartAsync(
            app => app.MapProducerGenWebhook<RecordingHandler>(WebhookTestHost.Path, WebhookTestHost.Api(), options),
            Services(registerHandler: false));

        Assert.Equal(HttpStatusCode.Unauthorized, await host.PostAsync(WebhookTestHost.Body(), "afk_someone_else"));
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(), ApiKey));

        Assert.Single(host.Services.GetRequiredService<DeliveryLog>().Entries);
    }

    [Fact]
    public async Task A_delegate_handler_that_throws_answers_500_and_the_retry_is_handled()
    {
        var calls = 0;
        await using var host = await WebhookTestHost.StartAsync(
            app => app.MapProducerGenWebhook(WebhookTestHost.Path, WebhookTestHost.Api(), (_, _, _) =>
                Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("the database is down") : Task.CompletedTask,
                new ProducerGenWebhookOptions { Secrets = { ApiKey } }),
            Services(registerHandler: false));

        Assert.Equal(HttpStatusCode.InternalServerError, await host.PostAsync(WebhookTestHost.Body(), ApiKey));
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(), ApiKey));
        Assert.Equal(2, calls);
    }
}
