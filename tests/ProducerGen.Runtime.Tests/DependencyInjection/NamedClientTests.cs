using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProducerGen.Reliability.Tests;
using DemoClient = ProducerGen.Runtime.Tests.ServiceCollectionTests.DemoClient;
using DemoClientOptions = ProducerGen.Runtime.Tests.ServiceCollectionTests.DemoClientOptions;

namespace ProducerGen.Runtime.Tests;

public class NamedClientTests
{
    private const string KeyA = "afk_SECRET_key_of_a_000";
    private const string KeyB = "afk_SECRET_key_of_b_111";

    [Fact]
    public async Task Two_named_clients_reach_their_own_servers_with_their_own_keys()
    {
        var (serverA, seenA) = await StartAsync();
        var (serverB, seenB) = await StartAsync();
        await using (serverA)
        await using (serverB)
        {
            var services = new ServiceCollection();
            services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>("a", TestApi.Api, o => (o.ApiKey, o.BaseAddress) = (KeyA, new Uri(serverA.Urls.First())), Factory);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Clients:B:ApiKey"] = KeyB,
                ["Clients:B:BaseAddress"] = serverB.Urls.First(),
            }).Build();
            services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>("b", TestApi.Api, configuration.GetSection("Clients:B"), Factory);
            await using var provider = services.BuildServiceProvider();

            var jobA = await provider.GetRequiredKeyedService<DemoClient>("a").Inner.Jobs.GetAsync("job-a");
            var jobB = await provider.GetRequiredKeyedService<DemoClient>("b").Inner.Jobs.GetAsync("job-b");

            Assert.Equal("job-a", jobA.Id);
            Assert.Equal("job-b", jobB.Id);
        }

        Assert.Equal([(KeyA, "/v2/jobs/job-a")], seenA);
        Assert.Equal([(KeyB, "/v2/jobs/job-b")], seenB);
    }

    [Fact]
    public void Named_clients_have_their_own_options_and_HttpClient_and_leave_the_unnamed_registration_alone()
    {
        var services = new ServiceCollection();
        var a = services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>("a", TestApi.Api, o => (o.ApiKey, o.BaseAddress) = (KeyA, new Uri("https://a.apiframe.test")), Factory);
        var b = services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>("b", TestApi.Api, o => (o.ApiKey, o.BaseAddress) = (KeyB, new Uri("https://b.apiframe.test")), Factory);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<DemoClientOptions>>();

        Assert.Equal(new Uri("https://a.apiframe.test"), monitor.Get("a").BaseAddress);
        Assert.Equal(new Uri("https://b.apiframe.test"), monitor.Get("b").BaseAddress);
        Assert.Equal("DemoClient:a", a.Name);
        Assert.Equal("DemoClient:b", b.Name);
        Assert.Equal(new Uri("https://a.apiframe.test"), provider.GetRequiredKeyedService<DemoClient>("a").Inner.BaseAddress);
        Assert.Equal(new Uri("https://b.apiframe.test"), provider.GetRequiredKeyedService<DemoClient>("b").Inner.BaseAddress);
        Assert.Null(provider.GetService<DemoClient>());
    }

    [Fact]
    public void A_constructor_parameter_marked_FromKeyedServices_gets_the_named_client()
    {
        var services = new ServiceCollection();
        services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>("eu", TestApi.Api, o => (o.ApiKey, o.BaseAddress) = (KeyA, new Uri("https://eu.apiframe.test")), Factory);
        services.AddProducerGenClient<DemoClient, DemoClientOptions>(TestApi.Api, o => (o.ApiKey, o.BaseAddress) = (KeyB, new Uri("https://us.apiframe.test")), Factory);
        services.AddTransient<UsesTwoClients>();
        using var provider = services.BuildServiceProvider();

        var consumer = provider.GetRequiredService<UsesTwoClients>();

        Assert.Equal(new Uri("https://eu.apiframe.test"), consumer.Europe.Inner.BaseAddress);
        Assert.Equal(new Uri("https://us.apiframe.test"), consumer.Default.Inner.BaseAddress);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_name_is_refused(string name)
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>(name, TestApi.Api, (Action<DemoClientOptions>?)null, Factory));
    }

    public sealed class UsesTwoClients([FromKeyedServices("eu")] DemoClient europe, DemoClient @default)
    {
        public DemoClient Europe { get; } = europe;

        public DemoClient Default { get; } = @default;
    }

    private static DemoClient Factory(HttpClient http, DemoClientOptions options, IServiceProvider services) => new(new ProducerGenClient(TestApi.Api, options, http));

    private static async Task<(WebApplication App, ConcurrentQueue<(string? Key, string Path)> Seen)> StartAsync()
    {
        var seen = new ConcurrentQueue<(string? Key, string Path)>();
        var app = await LoopbackServer.StartAsync(async ctx =>
        {
            var path = ctx.Request.Path.Value!;
            seen.Enqueue((ctx.Request.Headers["X-API-Key"].FirstOrDefault(), path));
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync($$"""{"id":"{{path[(path.LastIndexOf('/') + 1)..]}}","status":"QUEUED"}""");
        });
        return (app, seen);
    }
}
