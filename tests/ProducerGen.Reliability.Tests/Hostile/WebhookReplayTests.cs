using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ProducerGen.AspNetCore;
using ProducerGen.Emulator;
using Xunit;

namespace ProducerGen.Reliability.Tests.Hostile;

/// <summary>
/// Issue 14, item 1: deliveries the emulator signed, captured off the wire and replayed with every wrong event header, are never
/// handled as another kind of event; the emulator's own retries reach the handler once per delivery.
/// </summary>
public sealed class WebhookReplayTests
{
    private const string Key = "afk_replay_4e1f0c2b";

    // Every header an attacker might try, with the kind it names (null: no known kind, so wrong for every delivery).
    private static readonly (string Header, WebhookEventType? Names)[] Headers =
    [
        ("progress", WebhookEventType.Progress), ("job.progress", WebhookEventType.Progress), ("PROGRESS", WebhookEventType.Progress),
        ("completed", WebhookEventType.Completed), ("job.completed", WebhookEventType.Completed), ("succeeded", WebhookEventType.Completed), ("Completed", WebhookEventType.Completed),
        ("failed", WebhookEventType.Failed), ("job.failed", WebhookEventType.Failed), ("cancelled", WebhookEventType.Failed), ("canceled", WebhookEventType.Failed),
        ("mystery", null), ("job.updated", null), ("completed,progress", null),
    ];

    [Fact]
    public async Task Emulator_signed_deliveries_replayed_with_every_wrong_event_header_are_never_handled_as_another_kind()
    {
        var captured = new ConcurrentQueue<Captured>();
        var handled = new ConcurrentQueue<WebhookEvent>();
        await using var receiver = await StartAsync(app =>
        {
            app.MapPost("/capture", async context =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                captured.Enqueue(new Captured(buffer.ToArray(), context.Request.Headers["X-Webhook-Signature"].ToString(), context.Request.Headers["X-Webhook-Event"].ToString()));
            });
            app.MapProducerGenWebhook("/hooks", ApiframeClient.Description, Key, (webhook, _) => { handled.Enqueue(webhook); return Task.CompletedTask; });
        });
        var deliveries = await CaptureEmulatorDeliveriesAsync(new Uri(new Uri(receiver.Urls.First()), "/capture"), captured);
        var verifier = new WebhookVerifier(Key, ApiframeClient.Description);
        using var http = new HttpClient { BaseAddress = new Uri(receiver.Urls.First()) };

        var refused = 0;
        foreach (var delivery in deliveries)
        {
            var truth = Kind(delivery.EventHeader);
            foreach (var (header, names) in Headers)
            {
                var status = await ReplayAsync(http, delivery, header);
                if (names == truth)
                {
                    Assert.Equal(HttpStatusCode.OK, status);
                    Assert.Equal(truth, verifier.VerifyAndParse(delivery.Body, delivery.Signature, header).Type);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.BadRequest, status);
                    var error = Assert.Throws<WebhookVerificationException>(() => verifier.VerifyAndParse(delivery.Body, delivery.Signature, header));
                    Assert.Equal(WebhookVerificationFailure.EventHeaderMismatch, error.Reason);
                    refused++;
                }
            }

            Assert.Equal(HttpStatusCode.OK, await ReplayAsync(http, delivery, header: null));
        }

        // Each delivery reached the handler once (its true-header replays and the header-less one are duplicates), always as its true kind.
        Assert.Equal(deliveries.Count, handled.Count);
        var byKey = deliveries.ToDictionary(d => WebhookEvent.Parse(d.Body, ApiframeClient.Description).DeduplicationKey, d => Kind(d.EventHeader));
        Assert.All(handled, webhook => Assert.Equal(byKey[webhook.DeduplicationKey], webhook.Type));
        Assert.All(handled.Where(w => w.Type != WebhookEventType.Completed), w => Assert.False(w.Job!.IsSucceeded));
        Assert.All(handled.Where(w => w.Type == WebhookEventType.Completed), w => Assert.True(w.Job!.IsSucceeded));
        Assert.True(refused >= deliveries.Count * 10, $"{refused} forged replays refused");
    }

    [Fact]
    public async Task The_emulators_retries_reach_the_handler_once_per_delivery_even_when_the_first_attempt_fails()
    {
        var attempts = new ConcurrentDictionary<string, int>();
        var handled = new ConcurrentQueue<WebhookEvent>();
        await using var receiver = await StartAsync(app => app.MapProducerGenWebhook("/hooks", ApiframeClient.Description, Key, (webhook, _) =>
        {
            // The first attempt of each delivery fails after the work "started"; the emulator retries it.
            if (attempts.AddOrUpdate(webhook.DeduplicationKey, 1, (_, n) => n + 1) == 1)
            {
                throw new InvalidOperationException("transient");
            }

            handled.Enqueue(webhook);
            return Task.CompletedTask;
        }));
        await using var emulator = await StartEmulatorAsync();
        using var client = Client(emulator);

        var request = new ProducerRequest("replay retries") { WebhookUrl = new Uri(new Uri(receiver.Urls.First()), "/hooks"), WebhookEvents = [MusicWebhookEvent.Progress, MusicWebhookEvent.Completed] };
        var result = await client.Producer.GenerateAsync(request);
        await WaitAsync(() => handled.Any(w => w.Type == WebhookEventType.Completed));

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(handled.Count, handled.Select(w => w.DeduplicationKey).Distinct().Count());
        Assert.All(attempts.Values, n => Assert.Equal(2, n));
        Assert.Equal(WebhookEventType.Completed, handled.Last().Type);
    }

    private static async Task<List<Captured>> CaptureEmulatorDeliveriesAsync(Uri url, ConcurrentQueue<Captured> captured)
    {
        await using var emulator = await StartEmulatorAsync();
        using var client = Client(emulator);
        var events = new[] { MusicWebhookEvent.Progress, MusicWebhookEvent.Completed, MusicWebhookEvent.Failed };
        await client.Producer.SubmitAsync(new ProducerRequest("replay: completes") { WebhookUrl = url, WebhookEvents = events });
        emulator.Options.Faults.FailJobRate = 1; // decided per job at submission: the next one fails at 60 %
        await client.Producer.SubmitAsync(new ProducerRequest("replay: fails") { WebhookUrl = url, WebhookEvents = events });
        await WaitAsync(() => captured.Any(c => c.EventHeader == "completed") && captured.Any(c => c.EventHeader == "failed"));

        var deliveries = captured.ToList();
        Assert.Contains(deliveries, d => d.EventHeader == "progress");
        return deliveries;
    }

    private static WebhookEventType Kind(string emulatorHeader) => emulatorHeader switch
    {
        "progress" => WebhookEventType.Progress,
        "completed" => WebhookEventType.Completed,
        "failed" => WebhookEventType.Failed,
        _ => throw new InvalidOperationException($"The emulator sent event '{emulatorHeader}'."),
    };

    private static async Task<HttpStatusCode> ReplayAsync(HttpClient http, Captured delivery, string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Webhook-Signature", delivery.Signature);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Webhook-Event", header);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static Task<ApiEmulator> StartEmulatorAsync()
    {
        var options = new EmulatorOptions { TimeScale = 0.04, WebhookPollInterval = TimeSpan.FromMilliseconds(20), WebhookRetryDelay = TimeSpan.FromMilliseconds(50) };
        options.ApiKeys.Add(new EmulatorApiKey(Key));
        return ApiEmulator.StartAsync(options);
    }

    private static ApiframeClient Client(ApiEmulator emulator)
    {
        var options = new ApiframeClientOptions { ApiKey = Key, BaseAddress = emulator.BaseAddress };
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(20);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(30);
        return new ApiframeClient(options);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static Task<WebApplication> StartAsync(Action<WebApplication> configure) => LoopbackServer.StartAsync(configure);

    private sealed record Captured(byte[] Body, string Signature, string EventHeader);
}
