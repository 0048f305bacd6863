using System;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen.Emulator;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>An emulator on a free loopback port, with a fast clock, and generated clients pointed at it.</summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    /// <summary>A 45 s Producer job takes about 0.45 s.</summary>
    public const double TimeScale = 0.01;

    public const string Prompt = "an upbeat synthwave track with a driving bassline";

    private TestEnvironment(ApiEmulator emulator) => Emulator = emulator;

    public ApiEmulator Emulator { get; }

    public static async Task<TestEnvironment> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { TimeScale = TimeScale, WebhookPollInterval = TimeSpan.FromMilliseconds(20), WebhookRetryDelay = TimeSpan.FromMilliseconds(50) };
        configure?.Invoke(options);
        return new TestEnvironment(await ApiEmulator.StartAsync(options));
    }

    /// <summary>A client as a user creates one, tuned for the fast clock: short retry delays and polls.</summary>
    public ApiframeClient CreateClient(string apiKey = EmulatorOptions.DefaultApiKey, Action<ApiframeClientOptions>? configure = null, System.Net.Http.HttpClient? httpClient = null)
    {
        var options = new ApiframeClientOptions { ApiKey = apiKey, BaseAddress = Emulator.BaseAddress };
        options.Retry.MaxRetries = 3;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Waiting.AverageCompletion = TimeSpan.FromSeconds(45 * TimeScale);
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(20);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(30);
        configure?.Invoke(options);
        return new ApiframeClient(options, httpClient);
    }

    public static ProducerRequest Request(string? seed = "demo-1", double? weirdness = 0.35, string? title = null) => new(Prompt)
    {
        Params = new ProducerParams { ModelVersion = ProducerModelVersion.Fuzz2Pro, Weirdness = weirdness, Seed = seed, Title = title },
    };

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
