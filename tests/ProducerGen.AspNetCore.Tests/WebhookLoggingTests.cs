using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ProducerGen.AspNetCore.Tests.Support;
using Xunit;

namespace ProducerGen.AspNetCore.Tests;

/// <summary>Over real loopback HTTP: what the endpoint logs (category ProducerGen.Webhooks), and that no line carries a key or signature.</summary>
public sealed class WebhookLoggingTests
{
    private const string ApiKey = "afk_webhook_logging_test_key";
    private const string Category = "ProducerGen.Webhooks";

    private static Task<WebhookTestHost> StartAsync(Func<WebhookEvent, Task>? handler = null) =>
        WebhookTestHost.StartAsync(
            app => app.MapProducerGenWebhook<TestClientOptions>(
                WebhookTestHost.Path, WebhookTestHost.Api(), (webhook, _, _) => handler?.Invoke(webhook) ?? Task.CompletedTask, options: new ProducerGenWebhookOptions { MaxBodyBytes = 4096 }),
            builder => builder.Services.Configure<TestClientOptions>(o => o.ApiKey = ApiKey));

    private static IReadOnlyList<FakeLogRecord> Webhook(WebhookTestHost host) =>
        host.Logs.GetSnapshot().Where(r => r.Category == Category).ToList();

    private static string? State(FakeLogRecord record, string name) =>
        record.StructuredState!.Single(p => p.Key == name).Value;

    [Fact]
    public async Task An_accepted_delivery_logs_received_and_handled_with_api_job_kind_and_key()
    {
        await using var host = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(jobId: "job-42"), ApiKey));

        var records = Webhook(host);
        var received = Assert.Single(records, r => r.Id.Name == "WebhookReceived");
        Assert.Equal(LogLevel.Debug, received.Level);
        var handled = Assert.Single(records, r => r.Id.Name == "WebhookHandled");
        Assert.Equal(LogLevel.Information, handled.Level);
        Assert.Equal("Test", State(handled, "Api"));
        Assert.Equal("job-42", State(handled, "JobId"));
        Assert.Equal(nameof(WebhookEventType.Completed), State(handled, "EventKind"));
        Assert.StartsWith("Test:job-42:", State(handled, "DeduplicationKey"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_is_logged_at_debug_and_not_handled_again()
    {
        await using var host = await StartAsync();
        var body = WebhookTestHost.Body();

        await host.PostAsync(body, ApiKey);
        await host.PostAsync(body, ApiKey);

        var records = Webhook(host);
        var duplicate = Assert.Single(records, r => r.Id.Name == "WebhookDuplicate");
        Assert.Equal(LogLevel.Debug, duplicate.Level);
        Assert.Equal("j1", State(duplicate, "JobId"));
        Assert.Single(records, r => r.Id.Name == "WebhookHandled");
    }

    [Theory]
    [InlineData("afk_someone_else", null, HttpStatusCode.Unauthorized, nameof(WebhookVerificationFailure.SignatureMismatch))]
    [InlineData(null, null, HttpStatusCode.Unauthorized, nameof(WebhookVerificationFailure.SignatureMissing))]
    [InlineData(ApiKey, "failed<script>evil</script>", HttpStatusCode.BadRequest, nameof(WebhookVerificationFailure.EventHeaderMismatch))]
    public async Task A_rejected_delivery_is_a_warning_saying_why_without_echoing_what_was_sent(string? key, string? eventHeader, HttpStatusCode expected, string reason)
    {
        await using var host = await StartAsync();

        Assert.Equal(expected, await host.PostAsync(WebhookTestHost.Body(), key, eventHeader));

        var rejected = Assert.Single(Webhook(host), r => r.Id.Name == "WebhookRejected");
        Assert.Equal(LogLevel.Warning, rejected.Level);
        Assert.Equal(reason, State(rejected, "Reason"));
        Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), State(rejected, "StatusCode"));
        Assert.Null(rejected.Exception);
        Assert.DoesNotContain(Webhook(host), r => r.Id.Name is "WebhookReceived" or "WebhookHandled");
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Message.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_oversize_delivery_is_a_warning_naming_the_limit()
    {
        await using var host = await StartAsync();
        var body = WebhookTestHost.Body().Replace("\"model\"", "\"pad\":\"" + new string('x', 5000) + "\",\"model\"", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await host.PostAsync(body, ApiKey));

        var tooLarge = Assert.Single(Webhook(host), r => r.Id.Name == "WebhookTooLarge");
        Assert.Equal(LogLevel.Warning, tooLarge.Level);
        Assert.Equal("4096", State(tooLarge, "MaxBodyBytes"));
    }

    [Fact]
    public async Task A_handler_that_throws_is_an_error_with_its_exception_and_answers_500()
    {
        var failure = new InvalidOperationException("the database is down");
        await using var host = await StartAsync(_ => throw failure);

        Assert.Equal(HttpStatusCode.InternalServerError, await host.PostAsync(WebhookTestHost.Body(), ApiKey));

        var failed = Assert.Single(Webhook(host), r => r.Id.Name == "WebhookHandlerFailed");
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Same(failure, failed.Exception);
        Assert.Equal("j1", State(failed, "JobId"));
        Assert.DoesNotContain(Webhook(host), r => r.Id.Name == "WebhookHandled");
    }

    [Fact]
    public async Task No_log_line_carries_the_key_the_signature_or_the_body()
    {
        await using var host = await StartAsync();
        var accepted = WebhookTestHost.Body(jobId: "accepted");
        var forged = WebhookTestHost.Body(jobId: "forged");
        var wrongKey = WebhookTestHost.Body(jobId: "wrongkey");

        await host.PostAsync(accepted, ApiKey);
        await host.PostAsync(accepted, ApiKey);
        await host.PostAsync(forged, ApiKey, eventHeader: "progress");
        await host.PostAsync(wrongKey, "afk_someone_else");

        var secrets = new[]
        {
            ApiKey, WebhookTestHost.Sign(accepted, ApiKey), WebhookTestHost.Sign(forged, ApiKey), WebhookTestHost.Sign(wrongKey, "afk_someone_else"),
            WebhookTestHost.Sign(accepted, ApiKey)["sha256=".Length..], accepted, "\"status\"",
        };
        var records = host.Logs.GetSnapshot();
        Assert.True(Webhook(host).Count >= 6, "expected received, handled, duplicate and rejected lines");
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(p => p.Value) ?? []) + " " + record.Exception;
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }
}
