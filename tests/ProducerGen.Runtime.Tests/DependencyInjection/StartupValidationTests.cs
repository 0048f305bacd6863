using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using DemoClient = ProducerGen.Runtime.Tests.ServiceCollectionTests.DemoClient;
using DemoClientOptions = ProducerGen.Runtime.Tests.ServiceCollectionTests.DemoClientOptions;

namespace ProducerGen.Runtime.Tests;

public class StartupValidationTests
{
    // Its own variables: other tests set and clear the shared one in parallel.
    private const string UnsetVariable = "PRODUCERGEN_TEST_DI_UNSET_KEY";
    private const string KeyVariable = "PRODUCERGEN_TEST_DI_KEY";

    private static ApiDescription Api(string variable) => new("Apiframe", new Uri("https://api.apiframe.test"), "X-API-Key", variable, "Idempotency-Key", 255, "/v2/jobs/{id}", "id", ["QUEUED"], ["COMPLETED"], ["FAILED"], null, null);

    [Fact]
    public async Task A_host_without_an_api_key_fails_to_start_naming_the_option_the_variable_and_the_client()
    {
        using var host = Build(services => services.AddProducerGenClient<DemoClient, DemoClientOptions>(Api(UnsetVariable), (Action<DemoClientOptions>?)null, Factory));

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Apiframe client", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKey", exception.Message, StringComparison.Ordinal);
        Assert.Contains(UnsetVariable, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_registered_twice_reports_its_failure_once()
    {
        using var host = Build(services =>
        {
            services.AddProducerGenClient<DemoClient, DemoClientOptions>(Api(UnsetVariable), (Action<DemoClientOptions>?)null, Factory);
            services.AddProducerGenClient<DemoClient, DemoClientOptions>(Api(UnsetVariable), o => o.RequestTimeout = TimeSpan.FromSeconds(5), Factory);
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Single(exception.Failures);
    }

    [Fact]
    public async Task A_key_in_the_schemas_environment_variable_satisfies_the_start_up_check()
    {
        Environment.SetEnvironmentVariable(KeyVariable, TestApi.Key);
        try
        {
            using var host = Build(services => services.AddProducerGenClient<DemoClient, DemoClientOptions>(Api(KeyVariable), (Action<DemoClientOptions>?)null, Factory));

            await host.StartAsync(); // the same registration without the variable fails (the test above)

            Assert.Null(host.Services.GetRequiredService<IOptions<DemoClientOptions>>().Value.ApiKey);
            await host.StopAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(KeyVariable, null);
        }
    }

    [Fact]
    public async Task A_plain_http_remote_base_address_fails_at_start_without_showing_the_key()
    {
        using var host = Build(services => services.AddProducerGenClient<DemoClient, DemoClientOptions>(
            Api(UnsetVariable), o => (o.ApiKey, o.BaseAddress) = (TestApi.Key, new Uri("http://api.apiframe.test")), Factory));

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("plain http://", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Apiframe client", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApi.Key, exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RequestTimeout")]
    [InlineData("Retry.MaxRetries")]
    [InlineData("Waiting.MaxWait")]
    public async Task An_out_of_range_value_fails_at_start_naming_the_option_and_the_named_client(string option)
    {
        using var host = Build(services => services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>("eu", Api(UnsetVariable), o =>
        {
            o.ApiKey = TestApi.Key;
            switch (option)
            {
                case "RequestTimeout": o.RequestTimeout = TimeSpan.Zero; break;
                case "Retry.MaxRetries": o.Retry.MaxRetries = -1; break;
                default: o.Waiting.MaxWait = TimeSpan.Zero; break;
            }
        }, Factory));

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(option, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Apiframe client named 'eu'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApi.Key, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_registration_starts_and_the_check_covers_only_its_own_name()
    {
        using var host = Build(services =>
        {
            services.AddProducerGenClient<DemoClient, DemoClientOptions>(Api(UnsetVariable), o => o.ApiKey = TestApi.Key, Factory);
            services.AddKeyedProducerGenClient<DemoClient, DemoClientOptions>("eu", Api(UnsetVariable), o => o.ApiKey = TestApi.Key, Factory);
        });

        await host.StartAsync();

        Assert.NotNull(host.Services.GetRequiredKeyedService<DemoClient>("eu"));
        await host.StopAsync();
    }

    private static DemoClient Factory(HttpClient http, DemoClientOptions options, IServiceProvider services) => new(new ProducerGenClient(Api(UnsetVariable), options, http));

    private static IHost Build(Action<IServiceCollection> register)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        register(builder.Services);
        return builder.Build();
    }
}
