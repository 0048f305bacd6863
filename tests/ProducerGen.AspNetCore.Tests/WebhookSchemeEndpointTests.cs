using System;
using System.Collections.Concurrent;
using System.Globalization;
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
using Microsoft.Extensions.Time.Testing;
using ProducerGen.AspNetCore;
using Xunit;

namespace ProducerGen.AspNetCore.Tests;

/// <summary>The endpoint verifies the scheme the schema declares: Standard Webhooks with rotation, tolerance and replay, and explicitly unsigned.</summary>
public sealed class WebhookSchemeEndpointTests : IAsyncDisposable
{
    private const string CurrentSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string PreviousSecret = "whsec_cHJldmlvdXMtc2VjcmV0LWZvci1yb3RhdGlvbg==";
    private const string Body = """{"id":"p-1","status":"succeeded","output":["https://cdn.test/a.png"]}""";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLoggerProvider _logs = new();
    private readonly ConcurrentQueue<WebhookEvent> _received = new();
    private WebApplication? _app;
    private HttpClient? _http;

    private static ApiDescription Api(WebhookSignatureScheme scheme) => new(
        "Replicate", new Uri("https://api.replicate.test"), "Authorization", null, null, null, "/v1/predictions/{id}", "id",
        new[] { "starting", "processing" }, new[] { "succeeded" }, new[] { "failed", "canceled" }, null, null, authPrefix: "Bearer ")
    {
        WebhookSigning = new WebhookSigning { Scheme = scheme },
    };

    private async Task StartAsync(WebhookSignatureScheme scheme, params string[] secrets)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_logs);
        builder.Services.AddSingleton<TimeProvider>(_time);
        _app = builder.Build();
        var options = new ProducerGenWebhookOptions();
        foreach (var secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        _app.MapProducerGenWebhook("/hooks", Api(scheme), (webhook, _) => { _received.Enqueue(webhook); return Task.CompletedTask; }, options);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _logs.Dispose();
    }

    private async Task<HttpStatusCode> PostStandardAsync(string body, string id, string secret, long? timestamp = null)
    {
        var at = timestamp ?? _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", at.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignatures.Standard(secret, id, at, Encoding.UTF8.GetBytes(Body)));
        using var response = await _http!.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_standard_delivery_reaches_the_handler()
    {
        await StartAsync(WebhookSignatureScheme.StandardWebhooks, CurrentSecret);

        Assert.Equal(HttpStatusCode.OK, await PostStandardAsync(Body, "msg_1", CurrentSecret));
        var webhook = Assert.Single(_received);
        Assert.Equal(WebhookEventType.Completed, webhook.Type);
        Assert.Equal("p-1", webhook.JobId);
    }

    [Fact]
    public async Task An_altered_body_or_another_secret_is_refused_before_the_handler()
    {
        await StartAsync(WebhookSignatureScheme.StandardWebhooks, CurrentSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, await PostStandardAsync(Body.Replace("succeeded", "failed", StringComparison.Ordinal), "msg_1", CurrentSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostStandardAsync(Body, "msg_2", PreviousSecret));
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_delivery_signed_six_minutes_ago_is_refused_on_the_container_clock()
    {
        await StartAsync(WebhookSignatureScheme.StandardWebhooks, CurrentSecret);
        var signedAt = _time.GetUtcNow().ToUnixTimeSeconds();
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostStandardAsync(Body, "msg_1", CurrentSecret, signedAt));
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_replay_of_a_handled_id_is_acknowledged_without_handling_it_again()
    {
        await StartAsync(WebhookSignatureScheme.StandardWebhooks, CurrentSecret);

        Assert.Equal(HttpStatusCode.OK, await PostStandardAsync(Body, "msg_1", CurrentSecret));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await PostStandardAsync(Body, "msg_1", CurrentSecret));
        Assert.Equal(HttpStatusCode.OK, await PostStandardAsync(Body, "msg_2", CurrentSecret));
        Assert.Equal(2, _received.Count);
    }

    [Fact]
    public async Task During_rotation_deliveries_signed_with_either_secret_are_handled()
    {
        await StartAsync(WebhookSignatureScheme.StandardWebhooks, CurrentSecret, PreviousSecret);

        Assert.Equal(HttpStatusCode.OK, await PostStandardAsync(Body, "msg_1", PreviousSecret));
        Assert.Equal(HttpStatusCode.OK, await PostStandardAsync(Body, "msg_2", CurrentSecret));
        Assert.Equal(2, _received.Count);
    }

    [Fact]
    public async Task An_unsigned_scheme_accepts_a_delivery_without_signature_and_warns_once_at_startup()
    {
        await StartAsync(WebhookSignatureScheme.None);

        using var first = await _http!.PostAsync("/hooks", new StringContent(Body, Encoding.UTF8, "application/json"));
        using var second = await _http!.PostAsync("/hooks", new StringContent(Body.Replace("p-1", "p-2", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _received.Count);
        var warning = Assert.Single(_logs.Collector.GetSnapshot(), r => r.Id.Name == "WebhookUnsigned");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("unsigned", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_standard_scheme_without_any_secret_fails_when_mapped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = (IDisposable)builder.Build();
        Assert.Throws<ArgumentException>(() => ((WebApplication)app).MapProducerGenWebhook("/hooks", Api(WebhookSignatureScheme.StandardWebhooks), (_, _) => Task.CompletedTask));
    }
}
