using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ProducerGen.Runtime.Tests;

public class ServiceCollectionTests
{
    public sealed class DemoClientOptions : ProducerGenClientOptions
    {
        public DemoClientOptions() => Waiting.AverageCompletion = TimeSpan.FromSeconds(45);
    }

    public sealed class DemoClient(ProducerGenClient inner) : IDisposable
    {
        public ProducerGenClient Inner { get; } = inner;

        public void Dispose() => Inner.Dispose();
    }

    [Fact]
    public void Registration_resolves_a_configured_client_with_container_services()
    {
        var time = TestApi.NewTime();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider())));
        var builder = services.AddProducerGenClient<DemoClient, DemoClientOptions>(
            o => o.ApiKey = TestApi.Key,
            (http, options, _) => new DemoClient(new ProducerGenClient(TestApi.Api, options, http)));

        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<DemoClient>();
        var options = provider.GetRequiredService<IOptions<DemoClientOptions>>().Value;

        Assert.NotNull(builder);
        Assert.Equal(typeof(DemoClient).Name, builder.Name);
        Assert.Equal(TestApi.Api, client.Inner.Api);
        Assert.Same(time, options.TimeProvider);
        Assert.NotNull(options.LoggerFactory);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Waiting.AverageCompletion);
    }

    [Fact]
    public async Task Registered_client_sends_through_the_factory_pipeline()
    {
        var handler = FakeHttpHandler.Sequence(null, () => Responses.JobJson("j", "QUEUED"));
        var services = new ServiceCollection();
        services.AddProducerGenClient<DemoClient, DemoClientOptions>(
                o => o.ApiKey = TestApi.Key,
                (http, options, _) => new DemoClient(new ProducerGenClient(TestApi.Api, options, http)))
            .ConfigurePrimaryHttpMessageHandler(() => handler);

        await using var provider = services.BuildServiceProvider();
        var job = await provider.GetRequiredService<DemoClient>().Inner.Jobs.GetAsync("j");

        Assert.Equal("QUEUED", job.Status);
        Assert.Equal(TestApi.Key, Assert.Single(handler.RequestList).Header("X-API-Key"));
    }

    [Theory]
    [InlineData(null, ProducerGenClientOptions.DefaultMaxConnectionsPerServer)]
    [InlineData(7, 7)]
    public void Registered_primary_handler_bounds_connections_and_never_follows_redirects(int? configured, int expected)
    {
        var services = new ServiceCollection();
        services.AddProducerGenClient<DemoClient, DemoClientOptions>(
            o =>
            {
                o.ApiKey = TestApi.Key;
                o.MaxConnectionsPerServer = configured ?? o.MaxConnectionsPerServer;
            },
            (http, options, _) => new DemoClient(new ProducerGenClient(TestApi.Api, options, http)));

        using var provider = services.BuildServiceProvider();
        using var chain = provider.GetRequiredService<System.Net.Http.IHttpMessageHandlerFactory>().CreateHandler(typeof(DemoClient).Name);
        var primary = PrimaryHandler(chain);

        Assert.Equal(expected, primary.MaxConnectionsPerServer);
        Assert.False(primary.AllowAutoRedirect);
    }

    [Fact]
    public void A_connection_limit_below_one_is_refused_with_its_name()
    {
        var options = new DemoClientOptions { ApiKey = TestApi.Key, MaxConnectionsPerServer = 0 };

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new ProducerGenClient(TestApi.Api, options));

        Assert.Contains("MaxConnectionsPerServer must be positive", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_client_with_a_connection_limit_below_one_is_refused_with_its_name()
    {
        var services = new ServiceCollection();
        services.AddProducerGenClient<DemoClient, DemoClientOptions>(
            o => (o.ApiKey, o.MaxConnectionsPerServer) = (TestApi.Key, -1),
            (http, options, _) => new DemoClient(new ProducerGenClient(TestApi.Api, options, http)));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => provider.GetRequiredService<DemoClient>());

        Assert.Contains("MaxConnectionsPerServer must be positive", exception.Message, StringComparison.Ordinal);
    }

    private static System.Net.Http.SocketsHttpHandler PrimaryHandler(System.Net.Http.HttpMessageHandler handler)
    {
        while (handler is System.Net.Http.DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        return Assert.IsType<System.Net.Http.SocketsHttpHandler>(handler);
    }
}
