using System;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;
using ProducerGen.Emulator;

namespace Producer.Cli;

/// <summary>
/// The generated client, pointed at the real service when <c>APIFRAME_API_KEY</c> is set (or <c>--base-url</c>),
/// and at an in-process emulator otherwise.
/// </summary>
internal sealed class ApiConnection : IAsyncDisposable
{
    private readonly ApiEmulator? _emulator;

    private ApiConnection(ApiframeClient client, ApiEmulator? emulator, string description)
    {
        Client = client;
        _emulator = emulator;
        Description = description;
    }

    public ApiframeClient Client { get; }

    /// <summary>One line saying where requests go.</summary>
    public string Description { get; }

    /// <summary>True when the jobs live in this process only (a job id cannot be resumed by another run).</summary>
    public bool IsInProcessEmulator => _emulator is not null;

    /// <summary>Whether <c>APIFRAME_API_KEY</c> is set, so requests go to a real (or standalone) service.</summary>
    public static bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    private static string? ApiKey => Environment.GetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable);

    public static async Task<ApiConnection> OpenAsync(string? baseUrl, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var apiKey = ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            if (baseUrl is not null)
            {
                throw new InvalidOperationException($"--base-url needs an API key: set {ApiframeClientOptions.ApiKeyEnvironmentVariable} (a standalone emulator accepts afk_test).");
            }

            var emulator = await EmulatorHost.StartAsync(cancellationToken).ConfigureAwait(false);
            var options = new ApiframeClientOptions { ApiKey = EmulatorOptions.DefaultApiKey, BaseAddress = emulator.BaseAddress };
            options.Waiting.MaxWait = maxWait;
            options.Waiting.AverageCompletion = TimeSpan.FromSeconds(45 * EmulatorHost.TimeScale); // pace polls for the faster clock
            options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(200);
            options.Waiting.MaxPollInterval = TimeSpan.FromSeconds(2);
            return new ApiConnection(new ApiframeClient(options), emulator, EmulatorHost.Describe(emulator));
        }

        var real = new ApiframeClientOptions { ApiKey = apiKey };
        if (baseUrl is not null)
        {
            real.BaseAddress = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
                ? uri
                : throw new ArgumentException($"--base-url must be an absolute URL (was '{baseUrl}').", nameof(baseUrl));
        }

        real.Waiting.MaxWait = maxWait;
        var client = new ApiframeClient(real);
        return new ApiConnection(client, null, $"Using {client.Runtime.BaseAddress} with the key from {ApiframeClientOptions.ApiKeyEnvironmentVariable}.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
