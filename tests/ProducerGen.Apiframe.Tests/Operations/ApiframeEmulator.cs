using System;
using System.IO;
using System.Threading.Tasks;
using Apiframe.Catalog;
using ProducerGen.Emulator;

namespace ProducerGen.Apiframe.Tests.Operations;

/// <summary>An emulator serving the shipped Apiframe schema, and generated clients pointed at it over loopback.</summary>
internal static class ApiframeEmulator
{
    /// <summary>The shipped schema, copied beside the tests.</summary>
    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "Schemas", "apiframe.producergen.yaml");

    public static Task<ApiEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { SchemaPath = SchemaPath, TimeScale = 0.01, DurationJitter = 0 };
        configure?.Invoke(options);
        return ApiEmulator.StartAsync(options);
    }

    public static ApiframeClient Client(ApiEmulator emulator, string apiKey = EmulatorOptions.DefaultApiKey)
    {
        var options = new ApiframeClientOptions { ApiKey = apiKey, BaseAddress = emulator.BaseAddress };
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(5);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(50);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(30);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        return new ApiframeClient(options);
    }
}
