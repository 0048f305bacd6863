using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ProducerGen.AspNetCore.Tests.Support;

/// <summary>A Kestrel app on a loopback port with one webhook endpoint at <c>/hooks</c>, logging to a <see cref="FakeLogCollector"/>.</summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    public const string Path = "/hooks";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private WebhookTestHost(WebApplication app, HttpClient http)
    {
        _app = app;
        _http = http;
    }

    public static ApiDescription Api(string? authEnvironmentVariable = null) => new(
        "Test", new Uri("https://api.example.com"), "X-API-Key", authEnvironmentVariable, "Idempotency-Key", 255, "/v2/jobs/{id}", "id",
        new[] { "QUEUED", "PROCESSING" }, new[] { "COMPLETED" }, new[] { "FAILED" }, "X-Webhook-Signature", "X-Webhook-Event");

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    /// <summary>Builds the app, lets <paramref name="map"/> map the endpoint (it may throw: mapping-time failures), and starts it.</summary>
    public static async Task<WebhookTestHost> StartAsync(Action<WebApplication> map, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging();
        configure?.Invoke(builder);
        var app = builder.Build();
        try
        {
            map(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookTestHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public static string Body(string jobId = "j1", int progress = 100, string status = "COMPLETED", string eventName = "completed") =>
        """{"event":"EVENT","jobId":"JOB","job":{"id":"JOB","status":"STATUS","model":"producer","progress":PROGRESS,"result":null}}"""
            .Replace("EVENT", eventName, StringComparison.Ordinal).Replace("JOB", jobId, StringComparison.Ordinal)
            .Replace("STATUS", status, StringComparison.Ordinal).Replace("PROGRESS", progress.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string Sign(string body, string key) => WebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), key);

    /// <summary>Posts <paramref name="body"/> signed with <paramref name="key"/> (or with <paramref name="signature"/> as given).</summary>
    public async Task<HttpStatusCode> PostAsync(string body, string? key, string? eventHeader = null, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var header = signature ?? (key is null ? null : Sign(body, key));
        if (header is not null)
        {
            request.Headers.Add("X-Webhook-Signature", header);
        }

        if (eventHeader is not null)
        {
            request.Headers.Add("X-Webhook-Event", eventHeader);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
