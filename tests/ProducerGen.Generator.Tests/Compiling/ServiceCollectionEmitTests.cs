using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProducerGen.Generator.Tests.Compiling;

/// <summary>Every generated <c>Add{Client}</c> overload is callable the ways the README shows, with no ambiguity and no warning.</summary>
public class ServiceCollectionEmitTests
{
    private const string Consumer =
        """
        using System;
        using Apiframe;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public static class Consumer
        {
            public static void Register(IServiceCollection services, IConfiguration configuration)
            {
                IHttpClientBuilder plain = services.AddApiframeClient();
                IHttpClientBuilder configured = services.AddApiframeClient(o => o.ApiKey = "k");
                IHttpClientBuilder bound = services.AddApiframeClient(configuration.GetSection("Apiframe"));
                IHttpClientBuilder named = services.AddApiframeClient("eu");
                IHttpClientBuilder namedConfigured = services.AddApiframeClient("us", o => o.BaseAddress = new Uri("https://us.example.com"));
                IHttpClientBuilder namedBound = services.AddApiframeClient("asia", configuration.GetSection("Apiframe:Asia"));
            }

            public static ApiframeClient Resolve(IServiceProvider provider) => provider.GetRequiredKeyedService<ApiframeClient>("eu");
        }

        public sealed class UsesNamedClient([FromKeyedServices("eu")] ApiframeClient client)
        {
            public ApiframeClient Client { get; } = client;
        }
        """;

    [Fact]
    public void Every_registration_overload_compiles_without_any_diagnostic()
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(Consumer), GeneratorHarness.Schema("apiframe-music.producergen.yaml"));

        Assert.Empty(generatorDiagnostics);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).Select(d => d.ToString()).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }
}
