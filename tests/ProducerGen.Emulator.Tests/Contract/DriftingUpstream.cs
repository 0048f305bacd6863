using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ProducerGen.Tests.Prism;

namespace ProducerGen.Emulator.Tests.Contract;

/// <summary>
/// A stand-in that drifts from the provider on purpose (<c>GET /v2/me</c> answers <c>{"user":42}</c>) behind
/// <c>prism proxy --errors</c>: the control proving that Prism validates proxied answers and that the tour would see drift.
/// </summary>
public sealed class DriftingUpstream : IAsyncLifetime
{
    private WebApplication? _app;
    private PrismServer? _proxy;

    internal PrismServer Proxy => _proxy ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var cli = PrismInstall.EnsureInstalled();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/v2/models", () => Results.Json(new { models = Array.Empty<object>() })); // valid: Prism's readiness probe
        _app.MapGet("/v2/me", () => Results.Json(new { user = 42 }));
        await _app.StartAsync();
        _proxy = await PrismServer.StartProxyAsync(cli, RepoFiles.Path("schemas/sources/apiframe-openapi.json"), new Uri(_app.Urls.First()));
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
