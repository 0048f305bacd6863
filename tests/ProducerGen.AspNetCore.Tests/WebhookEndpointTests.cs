using System;
using System.Collections.Concurrent;
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
using ProducerGen.AspNetCore;
using Xunit;

namespace ProducerGen.AspNetCore.Tests;

/// <summary>The webhook endpoint over real loopback HTTP: only verified deliveries reach the handler.</summary>
public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private const string ApiKey = "afk_webhook_test_key";

    private static readonly ApiDescription Api = new(
        "Test", new Uri("https://api.example.com"), "X-API-Key", null, "Idempotency-Key", 255, "/v2/jobs/{id}", "id",
        new[] { "QUEUED", "PROCESSING" }, new[] { "COMPLETED" }, new[] { "FAILED" }, "X-Webhook-Signature", "X-Webhook-Event");

    private readonly ConcurrentQueue<WebhookEvent> _received = new();
    private WebApplication? _app;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapProducerGenWebhook("/hooks", Api, ApiKey, (webhook, _) => { _received.Enqueue(webhook); return Task.CompletedTask; }, maxBodyBytes: 4096);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static string Body(string status = "COMPLETED") =>
        """{"event":"completed","jobId":"j1","job":{"id":"j1","status":"STATUS","model":"producer","progress":100,"result":{"tracks":[{"audioUrl":"https://cdn.test/1.wav"}]}}}""".Replace("STATUS", status, StringComparison.Ordinal);

    private async Task<HttpStatusCode> PostAsync(string body, string? signature, string? eventName = "completed")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Webhook-Signature", signature);
        }

        if (eventName is not null)
        {
            request.Headers.Add("X-Webhook-Event", eventName);
        }

        using var response = await _http!.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Signed_delivery_reaches_the_handler_as_a_typed_event()
    {
        var body = Body();

        var status = await PostAsync(body, WebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), ApiKey));

        Assert.Equal(HttpStatusCode.OK, status);
        var webhook = Assert.Single(_received);
        Assert.Equal(WebhookEventType.Completed, webhook.Type);
        Assert.Equal("j1", webhook.JobId);
        Assert.True(webhook.Job!.IsSucceeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=nothex")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Unsigned_or_forged_delivery_is_refused_and_never_handled(string? signature)
    {
        var status = await PostAsync(Body(), signature);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Altered_body_with_the_original_signature_is_refused()
    {
        var signature = WebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(Body()), ApiKey);

        var status = await PostAsync(Body("FAILED"), signature);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Signature_made_with_another_key_is_refused()
    {
        var body = Body();

        var status = await PostAsync(body, WebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), "afk_someone_else"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private const string ProgressBody = """{"event":"progress","jobId":"j1","job":{"id":"j1","status":"PROCESSING","model":"producer","progress":50,"result":null}}""";

    [Theory]
    [InlineData("completed")]
    [InlineData("failed")]
    [InlineData("job.completed")]
    public async Task Regression_a_signed_progress_delivery_replayed_with_a_forged_event_header_gets_400_and_is_never_handled(string forgedHeader)
    {
        var signature = WebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(ProgressBody), ApiKey);

        var status = await PostAsync(ProgressBody, signature, forgedHeader);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(_received);
    }

    [Theory]
    [InlineData("progress")]
    [InlineData(null)]
    public async Task A_signed_progress_delivery_with_its_true_header_or_none_is_handled_as_progress(string? header)
    {
        var status = await PostAsync(ProgressBody, WebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(ProgressBody), ApiKey), header);

        Assert.Equal(HttpStatusCode.OK, status);
        var webhook = Assert.Single(_received);
        Assert.Equal(WebhookEventType.Progress, webhook.Type);
        Assert.True(webhook.Job!.IsPending);
    }

    [Fact]
    public async Task Oversize_body_is_refused_before_verification()
    {
        var body = Body().Replace("\"model\"", "\"pad\":\"" + new string('x', 5000) + "\",\"model\"", StringComparison.Ordinal);

        var status = await PostAsync(body, WebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), ApiKey));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Empty(_received);
    }
}
