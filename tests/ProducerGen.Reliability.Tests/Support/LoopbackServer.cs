using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ProducerGen.Reliability.Tests;

/// <summary>A real Kestrel server on a free 127.0.0.1 port, quiet, for the tests' own hostile or recording servers.</summary>
internal static class LoopbackServer
{
    /// <summary>Starts a server whose routes <paramref name="configure"/> maps.</summary>
    public static async Task<WebApplication> StartAsync(Action<WebApplication> configure, Action<IWebHostBuilder>? host = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        host?.Invoke(builder.WebHost);
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>Starts a server answering every request with <paramref name="handler"/>.</summary>
    public static Task<WebApplication> StartAsync(RequestDelegate handler, Action<IWebHostBuilder>? host = null) =>
        StartAsync(app => app.Run(handler), host);
}
