using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen.Emulator;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task Progress_and_completed_webhooks_arrive_signed_and_verify_in_the_receiver()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.TimeScale = 0.04); // ~1.8 s: time for the progress events
        using var client = env.CreateClient();
        await using var receiver = await WebhookReceiver.StartAsync(client.Runtime.CreateWebhookVerifier(), ApiframeClient.Description);
        var request = TestEnvironment.Request();
        request.WebhookUrl = receiver.Url;
        request.WebhookEvents = [MusicWebhookEvent.Progress, MusicWebhookEvent.Completed];

        var result = await client.Producer.GenerateAsync(request);
        var deliveries = await ReadUntilAsync(receiver, d => d.Event?.Type == WebhookEventType.Completed);

        Assert.All(deliveries, d => Assert.Null(d.Rejection));
        Assert.All(deliveries, d => Assert.StartsWith("sha256=", d.Signature, StringComparison.Ordinal));
        Assert.All(deliveries, d => Assert.Equal(result.Job.Id, d.Event!.JobId));
        var types = deliveries.Select(d => d.Event!.Type).ToArray();
        Assert.Equal(WebhookEventType.Completed, types[^1]);
        Assert.Contains(WebhookEventType.Progress, types);
        Assert.All(types[..^1], t => Assert.Equal(WebhookEventType.Progress, t));
        Assert.Equal(["progress", "completed"], deliveries.Select(d => d.EventHeader).Distinct());

        // The completed event carries the finished job, readable with the generated result type.
        var completed = deliveries[^1].Event!.Job!;
        Assert.True(completed.IsSucceeded);
        Assert.Equal(result.Tracks.Select(t => t.AudioUrl), new ProducerResult(completed).Tracks.Select(t => t.AudioUrl));

        // Once delivered, the job says so.
        var job = await WaitForAsync(() => client.Jobs.GetAsync(result.Job.Id), j => j.WebhookStatus == "delivered");
        Assert.Equal("delivered", job.WebhookStatus);
    }

    [Fact]
    public async Task A_tampered_body_or_another_keys_signature_is_rejected()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_other")));
        using var client = env.CreateClient();
        await using var receiver = await WebhookReceiver.StartAsync(client.Runtime.CreateWebhookVerifier(), ApiframeClient.Description);
        var request = TestEnvironment.Request();
        request.WebhookUrl = receiver.Url;

        await client.Producer.GenerateAsync(request);
        var genuine = (await ReadUntilAsync(receiver, d => d.Event is not null)).Last();

        var verifier = client.Runtime.CreateWebhookVerifier();
        Assert.True(verifier.Verify(genuine.Body, genuine.Signature));
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(genuine.Body).Replace("COMPLETED", "FAILED", StringComparison.Ordinal));
        Assert.False(verifier.Verify(tampered, genuine.Signature));
        Assert.Throws<WebhookVerificationException>(() => verifier.VerifyAndParse(tampered, genuine.Signature));
        Assert.Throws<WebhookVerificationException>(() => verifier.VerifyAndParse(genuine.Body, null));
        Assert.False(new WebhookVerifier("afk_other").Verify(genuine.Body, genuine.Signature));

        // A forged POST straight to the receiver is refused.
        using var http = new HttpClient();
        using var forged = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new ByteArrayContent(tampered) };
        forged.Headers.Add("X-Webhook-Signature", genuine.Signature);
        forged.Headers.Add("X-Webhook-Event", "completed");
        using var response = await http.SendAsync(forged);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<List<WebhookDelivery>> ReadUntilAsync(WebhookReceiver receiver, Func<WebhookDelivery, bool> last)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var deliveries = new List<WebhookDelivery>();
        while (true)
        {
            var delivery = await receiver.Deliveries.ReadAsync(timeout.Token);
            deliveries.Add(delivery);
            if (last(delivery))
            {
                return deliveries;
            }
        }
    }

    private static async Task<Job> WaitForAsync(Func<Task<Job>> read, Func<Job, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var job = await read();
            if (done(job) || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(50);
        }
    }
}
