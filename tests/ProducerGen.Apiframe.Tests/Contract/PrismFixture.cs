using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ProducerGen.Tests.Prism;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Contract;

/// <summary>One Prism mock of the provider's OpenAPI document for a test class; installs Prism first if needed.</summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private PrismServer? _server;

    /// <summary>The mock's address.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>How long installing (or finding the installed) Prism took.</summary>
    public TimeSpan InstallTime { get; private set; }

    /// <summary>How long Prism took to start listening.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>What Prism logged so far.</summary>
    public string Log => Server.Log;

    internal PrismServer Server => _server ?? throw new InvalidOperationException("Prism is not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var cli = PrismInstall.EnsureInstalled();
        InstallTime = clock.Elapsed;
        clock.Restart();
        var openApi = Path.Combine(AppContext.BaseDirectory, "Schemas", "apiframe-openapi.json");
        _server = await PrismServer.StartMockAsync(cli, openApi);
        StartTime = clock.Elapsed;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
