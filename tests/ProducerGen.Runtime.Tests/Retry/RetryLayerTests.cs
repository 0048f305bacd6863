using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Polly;
using ProducerGen.Reliability.Tests;
using DemoClient = ProducerGen.Runtime.Tests.ServiceCollectionTests.DemoClient;
using DemoClientOptions = ProducerGen.Runtime.Tests.ServiceCollectionTests.DemoClientOptions;

namespace ProducerGen.Runtime.Tests;

/// <summary>A retrying handler in the HttpClient pipeline on top of the runtime's own retries, over real loopback HTTP.</summary>
public class RetryLayerTests
{
    private const int RuntimeRetries = 2;
    private const int HandlerRetries = 3;
    private const int TwoRetryLayersEventId = 30;

    [Fact]
    public async Task With_the_standard_resilience_handler_one_warning_is_logged_and_the_error_counts_every_request_sent()
    {
        var (server, requests) = await StartAlways503Async();
        await using (server)
        {
            var collector = new FakeLogCollector();
            var name = "layers-" + Guid.NewGuid().ToString("N"); // the warning is once per process per client name
            await using var provider = Register(server, collector, name, resilience: true);

            var first = await Assert.ThrowsAsync<ServiceUnavailableException>(() => provider.GetRequiredKeyedService<DemoClient>(name).Inner.Jobs.GetAsync("j"));
            var afterFirst = requests();
            await Assert.ThrowsAsync<ServiceUnavailableException>(() => provider.GetRequiredKeyedService<DemoClient>(name).Inner.Jobs.GetAsync("j"));

            // A second container registering the same name in the same process: still the one warning.
            await using var again = Register(server, collector, name, resilience: true);
            await Assert.ThrowsAsync<ServiceUnavailableException>(() => again.GetRequiredKeyedService<DemoClient>(name).Inner.Jobs.GetAsync("j"));

            var warning = Assert.Single(collector.GetSnapshot(), record => record.Id.Id == TwoRetryLayersEventId);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains($"DemoClient:{name}", warning.Message, StringComparison.Ordinal);
            Assert.Contains("ResilienceHandler", warning.Message, StringComparison.Ordinal);
            Assert.Contains("Retry.MaxRetries = 0", warning.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(TestApi.Key, warning.Message, StringComparison.Ordinal);

            Assert.Equal((RuntimeRetries + 1) * (HandlerRetries + 1), afterFirst);
            Assert.Contains($"after {RuntimeRetries + 1} attempts ({afterFirst} requests: another retry layer", first.Message, StringComparison.Ordinal);
            Assert.Contains("Retry.MaxRetries = 0", first.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_retrying_handler_nothing_is_logged_and_attempts_are_requests()
    {
        var (server, requests) = await StartAlways503Async();
        await using (server)
        {
            var collector = new FakeLogCollector();
            var name = "single-" + Guid.NewGuid().ToString("N");
            await using var provider = Register(server, collector, name, resilience: false);

            var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => provider.GetRequiredKeyedService<DemoClient>(name).Inner.Jobs.GetAsync("j"));

            Assert.DoesNotContain(collector.GetSnapshot(), record => record.Id.Id == TwoRetryLayersEventId);
            Assert.Equal(RuntimeRetries + 1, requests());
            Assert.Contains($"after {requests()} attempts", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("requests", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_the_handler_and_runtime_retries_off_nothing_is_logged_and_the_error_says_the_handlers_requests()
    {
        var (server, requests) = await StartAlways503Async();
        await using (server)
        {
            var collector = new FakeLogCollector();
            var name = "handler-only-" + Guid.NewGuid().ToString("N");
            await using var provider = Register(server, collector, name, resilience: true, runtimeRetries: 0);

            var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => provider.GetRequiredKeyedService<DemoClient>(name).Inner.Jobs.GetAsync("j"));

            Assert.DoesNotContain(collector.GetSnapshot(), record => record.Id.Id == TwoRetryLayersEventId);
            Assert.Equal(HandlerRetries + 1, requests());
            Assert.Contains($"after 1 attempt ({requests()} requests", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_connection_failure_retried_by_both_layers_says_the_requests_in_the_transport_error()
    {
        var count = 0;
        var server = await LoopbackServer.StartAsync(ctx =>
        {
            Interlocked.Increment(ref count);
            ctx.Abort(); // no response: a network failure on the client's side
            return Task.CompletedTask;
        });
        await using (server)
        {
            var name = "abort-" + Guid.NewGuid().ToString("N");
            await using var provider = Register(server, new FakeLogCollector(), name, resilience: true);

            var error = await Assert.ThrowsAsync<TransportException>(() => provider.GetRequiredKeyedService<DemoClient>(name).Inner.Jobs.GetAsync("j"));

            Assert.Equal((RuntimeRetries + 1) * (HandlerRetries + 1), Volatile.Read(ref count));
            Assert.Contains($"{RuntimeRetries + 1} attempts ({Volatile.Read(ref count)} requests: another retry layer", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_registered_twice_still_counts_each_request_once()
    {
        var (server, requests) = await StartAlways503Async();
        await using (server)
        {
            var name = "twice-" + Guid.NewGuid().ToString("N");
            var services = new ServiceCollection();
            AddClient(services, server, name, RuntimeRetries);
            AddClient(services, server, name, RuntimeRetries).AddStandardResilienceHandler(o => (o.Retry.MaxRetryAttempts, o.Retry.Delay) = (HandlerRetries, TimeSpan.Zero));
            await using var provider = services.BuildServiceProvider();

            var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => provider.GetRequiredKeyedService<DemoClient>(name).Inner.Jobs.GetAsync("j"));

            Assert.Equal((RuntimeRetries + 1) * (HandlerRetries + 1), requests());
            Assert.Contains($"({requests()} requests", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_Polly_policy_handler_is_recognised_as_a_retry_layer_too()
    {
        var (server, requests) = await StartAlways503Async();
        await using (server)
        {
            var collector = new FakeLogCollector();
            var name = "polly-" + Guid.NewGuid().ToString("N");
            var services = new ServiceCollection();
            services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector))));
            AddClient(services, server, name, RuntimeRetries)
                .AddTransientHttpErrorPolicy(policy => policy.RetryAsync(HandlerRetries));
            await using var provider = services.BuildServiceProvider();

            var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => provider.GetRequiredKeyedService<DemoClient>(name).Inner.Jobs.GetAsync("j"));

            var warning = Assert.Single(collector.GetSnapshot(), record => record.Id.Id == TwoRetryLayersEventId);
            Assert.Contains("PolicyHttpMessageHandler", warning.Message, StringComparison.Ordinal);
            Assert.Equal((RuntimeRetries + 1) * (HandlerRetries + 1), requests());
            Assert.Contains($"({requests()} requests", error.Message, StringComparison.Ordinal);
        }
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services, WebApplication server, string name, int runtimeRetries)
        => services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>(name, TestApi.Api, o =>
        {
            o.ApiKey = TestApi.Key;
            o.BaseAddress = new Uri(server.Urls.First());
            o.Retry = new RetryOptions { MaxRetries = runtimeRetries, BaseDelay = TimeSpan.Zero, UseJitter = false };
        }, static (http, options, _) => new DemoClient(new ProducerGenClient(TestApi.Api, options, http)));

    private static ServiceProvider Register(WebApplication server, FakeLogCollector collector, string name, bool resilience, int runtimeRetries = RuntimeRetries)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector))));
        var builder = AddClient(services, server, name, runtimeRetries);
        if (resilience)
        {
            builder.AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = HandlerRetries;
                o.Retry.Delay = TimeSpan.Zero;
            });
        }

        return services.BuildServiceProvider();
    }

    private static async Task<(WebApplication App, Func<int> Requests)> StartAlways503Async()
    {
        var count = 0;
        var app = await LoopbackServer.StartAsync(ctx =>
        {
            Interlocked.Increment(ref count);
            ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        return (app, () => Volatile.Read(ref count));
    }
}
