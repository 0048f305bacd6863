using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProducerGen.AspNetCore;
using Xunit;

namespace ProducerGen.AspNetCore.Tests;

/// <summary>Over real loopback HTTP: a delivery already handled is acknowledged without handling it again; a failed one is handled on retry.</summary>
public sealed class WebhookDeduplicationTests
{
    private const string ApiKey = "afk_webhook_dedup_test_key";

    private static readonly ApiDescription Api = new(
        "Test", new Uri("https://api.example.com"), "X-API-Key", null, "Idempotency-Key", 255, "/v2/jobs/{id}", "id",
        new[] { "QUEUED", "PROCESSING" }, new[] { "COMPLETED" }, new[] { "FAILED" }, "X-Webhook-Signature", "X-Webhook-Event");

    private static string Body(string jobId = "j1", string status = "COMPLETED", int progress = 100, string eventName = "completed") =>
        """{"event":"EVENT","jobId":"JOB","job":{"id":"JOB","status":"STATUS","model":"producer","progress":PROGRESS,"result":{"tracks":[{"audioUrl":"https://cdn.test/1.wav"}]}}}"""
            .Replace("EVENT", eventName, StringComparison.Ordinal).Replace("JOB", jobId, StringComparison.Ordinal)
            .Replace("STATUS", status, StringComparison.Ordinal).Replace("PROGRESS", progress.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Fact]
    public async Task The_same_delivery_sent_four_times_is_handled_once_and_acknowledged_each_time()
    {
        var calls = 0;
        await using var host = await Host.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        var body = Body();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add(await host.PostAsync(body, "completed"));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Different_deliveries_of_one_job_are_each_handled()
    {
        var seen = new List<int?>();
        await using var host = await Host.StartAsync((webhook, _) => { lock (seen) { seen.Add(webhook.Job!.Progress); } return Task.CompletedTask; });

        foreach (var progress in new[] { 25, 50, 75 })
        {
            Assert.Equal(HttpStatusCode.OK, await host.PostAsync(Body(status: "PROCESSING", progress: progress, eventName: "progress"), "progress"));
            Assert.Equal(HttpStatusCode.OK, await host.PostAsync(Body(status: "PROCESSING", progress: progress, eventName: "progress"), "progress"));
        }

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(Body(), "completed"));
        Assert.Equal(new int?[] { 25, 50, 75, 100 }, seen);
    }

    [Fact]
    public async Task A_handler_that_throws_leaves_the_delivery_unmarked_so_the_retry_is_handled()
    {
        var calls = 0;
        await using var host = await Host.StartAsync((_, _) => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("the database is down") : Task.CompletedTask);
        var body = Body();

        var first = await host.PostAsync(body, "completed");
        var retry = await host.PostAsync(body, "completed");
        var late = await host.PostAsync(body, "completed");

        Assert.Equal(HttpStatusCode.InternalServerError, first);
        Assert.Equal(HttpStatusCode.OK, retry);
        Assert.Equal(HttpStatusCode.OK, late);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_forged_header_replay_of_a_handled_delivery_is_still_refused()
    {
        var calls = 0;
        await using var host = await Host.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        var progress = Body(status: "PROCESSING", progress: 50, eventName: "progress");

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(progress, "progress"));
        Assert.Equal(HttpStatusCode.BadRequest, await host.PostAsync(progress, "completed"));
        Assert.Equal(HttpStatusCode.BadRequest, await host.PostAsync(progress, "failed"));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Two_app_instances_sharing_one_distributed_cache_handle_a_delivery_once()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var calls = new int[2];
        void Services(IServiceCollection services) => services.AddSingleton<IDistributedCache>(shared).AddProducerGenDistributedWebhookDeduplication();
        await using var a = await Host.StartAsync((_, _) => { Interlocked.Increment(ref calls[0]); return Task.CompletedTask; }, Services);
        await using var b = await Host.StartAsync((_, _) => { Interlocked.Increment(ref calls[1]); return Task.CompletedTask; }, Services);
        var body = Body();

        var statuses = new[] { await a.PostAsync(body, "completed"), await b.PostAsync(body, "completed"), await b.PostAsync(body, "completed"), await a.PostAsync(body, "completed") };

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, calls[0] + calls[1]);
        Assert.Equal(1, calls[0]);
        Assert.NotNull(await shared.GetAsync(DistributedCacheWebhookDeduplicationStore.DefaultKeyPrefix + WebhookEvent.Parse(Encoding.UTF8.GetBytes(body), Api).DeduplicationKey));
    }

    [Fact]
    public async Task Without_a_shared_store_two_instances_each_handle_it()
    {
        var calls = 0;
        await using var a = await Host.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        await using var b = await Host.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; });

        await a.PostAsync(Body(), "completed");
        await b.PostAsync(Body(), "completed");

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_store_registered_in_the_container_is_used_and_deduplication_can_be_turned_off()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var calls = 0;
        await using (var host = await Host.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, s => s.AddSingleton<IWebhookDeduplicationStore>(store)))
        {
            await host.PostAsync(Body(), "completed");
            await host.PostAsync(Body(), "completed");
        }

        Assert.Equal(1, calls);
        Assert.Equal(1, store.Count);

        await using var off = await Host.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, options: new ProducerGenWebhookOptions { Deduplicate = false });
        await off.PostAsync(Body(), "completed");
        await off.PostAsync(Body(), "completed");
        Assert.Equal(3, calls);
    }

    [Fact]
    public void AddProducerGenWebhookDeduplication_registers_one_in_memory_store_on_the_container_clock()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddProducerGenWebhookDeduplication(capacity: 10).AddProducerGenWebhookDeduplication();
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<InMemoryWebhookDeduplicationStore>(provider.GetRequiredService<IWebhookDeduplicationStore>());
        Assert.Equal(10, store.Capacity);
        Assert.Single(services, d => d.ServiceType == typeof(IWebhookDeduplicationStore));
    }

    /// <summary>One app instance with the webhook endpoint on 127.0.0.1.</summary>
    private sealed class Host : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _http;

        private Host(WebApplication app, HttpClient http)
        {
            _app = app;
            _http = http;
        }

        public static async Task<Host> StartAsync(Func<WebhookEvent, CancellationToken, Task> handler, Action<IServiceCollection>? services = null, ProducerGenWebhookOptions? options = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            services?.Invoke(builder.Services);
            var app = builder.Build();
            app.MapProducerGenWebhook("/hooks", Api, ApiKey, handler, options ?? new ProducerGenWebhookOptions());
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Host(app, new HttpClient { BaseAddress = new Uri(address) });
        }

        public async Task<HttpStatusCode> PostAsync(string body, string? eventHeader)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Webhook-Signature", WebhookVerifier.ComputeSignature(bytes, ApiKey));
            if (eventHeader is not null)
            {
                request.Headers.Add("X-Webhook-Event", eventHeader);
            }

            using var response = await _http.SendAsync(request);
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _app.DisposeAsync();
        }
    }
}
