using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using DemoClient = ProducerGen.Runtime.Tests.ServiceCollectionTests.DemoClient;
using DemoClientOptions = ProducerGen.Runtime.Tests.ServiceCollectionTests.DemoClientOptions;

namespace ProducerGen.Runtime.Tests;

public class ConfigurationBindingTests
{
    // One non-default value per option, as configuration text and as the value it must bind to. A new settable option without a
    // row here fails Every_settable_option_binds_from_configuration.
    private static readonly Dictionary<string, (string Text, object? Expected)> Rows = new(StringComparer.Ordinal)
    {
        ["ApiKey"] = ("afk_from_configuration", "afk_from_configuration"),
        ["BaseAddress"] = ("https://eu.apiframe.test/", new Uri("https://eu.apiframe.test/")),
        ["RequestTimeout"] = ("00:00:42", TimeSpan.FromSeconds(42)),
        ["MaxResponseBodyBytes"] = ("4096", 4096),
        ["MaxConnectionsPerServer"] = ("9", 9),
        ["MaxConcurrentRequests"] = ("7", 7),
        ["DownloadIdleTimeout"] = ("00:02:00", TimeSpan.FromMinutes(2)),
        ["MaxDownloadBytes"] = ("123456", 123456L),
        ["Retry:MaxRetries"] = ("2", 2),
        ["Retry:BaseDelay"] = ("00:00:00.250", TimeSpan.FromMilliseconds(250)),
        ["Retry:MaxDelay"] = ("00:00:05", TimeSpan.FromSeconds(5)),
        ["Retry:MaxRetryAfter"] = ("00:00:10", TimeSpan.FromSeconds(10)),
        ["Retry:UseJitter"] = ("false", false),
        ["Waiting:MaxWait"] = ("00:05:00", TimeSpan.FromMinutes(5)),
        ["Waiting:MinPollInterval"] = ("00:00:02", TimeSpan.FromSeconds(2)),
        ["Waiting:MaxPollInterval"] = ("00:00:20", TimeSpan.FromSeconds(20)),
        ["Waiting:AverageCompletion"] = ("00:01:30", TimeSpan.FromSeconds(90)),
        ["Waiting:LearnProgressCurve"] = ("false", false),
    };

    // Objects only code can supply; configuration cannot name them.
    private static readonly HashSet<string> CodeOnly = new(StringComparer.Ordinal) { "TimeProvider", "LoggerFactory", "Waiting:PollingPolicy" };

    [Fact]
    public void Every_settable_option_binds_from_configuration()
    {
        var options = Bind(Rows.ToDictionary(row => "Demo:" + row.Key, row => (string?)row.Value.Text));
        var defaults = new DemoClientOptions();

        var settable = SettableOptions(typeof(ProducerGenClientOptions), prefix: string.Empty).ToList();
        Assert.NotEmpty(settable);
        foreach (var path in settable)
        {
            Assert.True(Rows.ContainsKey(path), $"Option '{path}' has no configuration row: add one (and bind it in ClientOptionsBinding) or mark it code-only.");
            var expected = Rows[path].Expected;
            Assert.NotEqual(expected, Read(defaults, path)); // else the row would prove nothing
            Assert.Equal(expected, Read(options, path));
        }

        Assert.Equal(settable.Count, Rows.Count);
    }

    [Fact]
    public void Options_the_section_does_not_name_keep_their_defaults_and_an_empty_value_clears_a_nullable_one()
    {
        var options = Bind(new() { ["Demo:ApiKey"] = TestApi.Key, ["Demo:Waiting:AverageCompletion"] = string.Empty });

        Assert.Equal(TestApi.Key, options.ApiKey);
        Assert.Null(options.Waiting.AverageCompletion); // DemoClientOptions sets 45 s; the empty value clears it
        Assert.Equal(new RetryOptions().MaxRetries, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(100), options.RequestTimeout);
    }

    [Theory]
    [InlineData("Retry:MaxRetries", "many")]
    [InlineData("BaseAddress", "not a uri")]
    [InlineData("Waiting:MaxWait", "soon")]
    [InlineData("Retry:UseJitter", "maybe")]
    [InlineData("MaxDownloadBytes", "1e9")]
    public void A_value_that_does_not_parse_fails_naming_its_configuration_path(string key, string text)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Bind(new() { ["Demo:ApiKey"] = TestApi.Key, ["Demo:" + key] = text }));

        Assert.Contains($"'Demo:{key}'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reloaded_section_changes_the_options_the_monitor_hands_out()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:ApiKey"] = TestApi.Key, ["Demo:Retry:MaxRetries"] = "1" }).Build();
        var services = new ServiceCollection();
        services.AddProducerGenClient<DemoClient, DemoClientOptions>(TestApi.Api, configuration.GetSection("Demo"), Factory);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<DemoClientOptions>>();
        Assert.Equal(1, monitor.CurrentValue.Retry.MaxRetries);

        configuration["Demo:Retry:MaxRetries"] = "3";
        configuration.Reload();

        Assert.Equal(3, monitor.CurrentValue.Retry.MaxRetries);
    }

    private static DemoClient Factory(HttpClient http, DemoClientOptions options, IServiceProvider services) => new(new ProducerGenClient(TestApi.Api, options, http));

    private static DemoClientOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddProducerGenClient<DemoClient, DemoClientOptions>(TestApi.Api, configuration.GetSection("Demo"), Factory);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DemoClientOptions>>().Value;
    }

    private static IEnumerable<string> SettableOptions(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = prefix + property.Name;
            if (property.SetMethod is not { IsPublic: true } || CodeOnly.Contains(path))
            {
                continue;
            }

            if (property.PropertyType == typeof(RetryOptions) || property.PropertyType == typeof(JobWaitOptions))
            {
                foreach (var nested in SettableOptions(property.PropertyType, path + ":"))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static object? Read(object options, string path)
    {
        object? current = options;
        foreach (var name in path.Split(':'))
        {
            current = current!.GetType().GetProperty(name)!.GetValue(current);
        }

        return current;
    }
}
