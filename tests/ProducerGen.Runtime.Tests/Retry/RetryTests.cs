using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http.Headers;

namespace ProducerGen.Runtime.Tests;

public class RetryTests
{
    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried_with_the_same_idempotency_key_and_a_fresh_message(int status)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(status), () => Responses.Status(status), () => Responses.Accepted("j-ok"));
        using var client = TestApi.Client(handler, time);
        var request = new TestRequest("x");

        var handle = await time.DriveAsync(client.SubmitAsync(TestApi.Producer, request));

        Assert.Equal("j-ok", handle.Id);
        var requests = handler.RequestList;
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Header("Idempotency-Key")).Distinct());
        Assert.Equal(handle.IdempotencyKey, requests[0].Header("Idempotency-Key"));
        Assert.Equal(3, requests.Select(r => r.Message).Distinct().Count()); // a fresh HttpRequestMessage per attempt
        Assert.Single(requests.Select(r => r.BodyText).Distinct());            // ... from the same bytes
        Assert.Equal(1, request.WriteCount);                                    // serialized once
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        var time = TestApi.NewTime();
        var calls = 0;
        var handler = new FakeHttpHandler(_ => ++calls < 3 ? throw new HttpRequestException("connection reset") : Responses.Accepted("j-net"), time);
        using var client = TestApi.Client(handler, time);

        var handle = await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        Assert.Equal("j-net", handle.Id);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Single(handler.RequestList.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task Attempt_timeouts_are_retried_then_reported()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
            return Responses.Accepted();
        }, time);
        using var client = TestApi.Client(handler, time, o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(10);
            o.Retry.MaxRetries = 2;
        });

        var exception = await Assert.ThrowsAsync<TransportException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromSeconds(1)));

        Assert.True(exception.IsTimeout);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("3 attempts", exception.Message);
    }

    [Fact]
    public async Task Per_call_timeout_overrides_the_options()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), time, ct);
            return Responses.Accepted();
        }, time);
        using var client = TestApi.Client(handler, time, o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAsync<TransportException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { Timeout = TimeSpan.FromSeconds(2) }), TimeSpan.FromMilliseconds(500)));
        Assert.True(exception.IsTimeout);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Client_errors_are_never_retried(int status)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(status));
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAnyAsync<ProducerGenException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x"))));

        Assert.Equal(status, exception.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_last_error_is_typed()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(500, """{"error":"boom"}""", r => r.Headers.Add("x-request-id", "req-5")));
        using var client = TestApi.Client(handler, time, o => o.Retry.MaxRetries = 3);

        var exception = await Assert.ThrowsAsync<ServerErrorException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromSeconds(1)));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(500, exception.StatusCode);
        Assert.Equal("req-5", exception.RequestId);
        Assert.Equal("boom", exception.ServerMessage);
        Assert.Contains("after 4 attempts", exception.Message);
    }

    [Fact]
    public async Task Zero_retries_means_one_attempt()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(503));
        using var client = TestApi.Client(handler, time, o => o.Retry.MaxRetries = 0);

        await Assert.ThrowsAsync<ServiceUnavailableException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Backoff_is_exponential_without_jitter()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(502), () => Responses.Status(502), () => Responses.Status(502), () => Responses.Accepted());
        using var client = TestApi.Client(handler, time);
        var start = time.GetUtcNow();

        await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromMilliseconds(50));

        var offsets = handler.RequestList.Select(r => (r.At - start).TotalSeconds).ToArray();
        Assert.Equal(0, offsets[0], 1);
        Assert.Equal(1, offsets[1], 1);  // +1 s
        Assert.Equal(3, offsets[2], 1);  // +2 s
        Assert.Equal(7, offsets[3], 1);  // +4 s
    }

    [Fact]
    public void Jittered_backoff_stays_between_half_and_all_of_the_exponential_delay()
    {
        var retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), UseJitter = true };
        var outcome = Polly.Outcome.FromException<HttpResponseMessage>(new HttpRequestException());
        var random = new Random(7);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var full = Math.Min(Math.Pow(2, attempt), 30);
            var delays = Enumerable.Range(0, 50).Select(_ => RetryPipelineFactory.Delay(attempt, outcome, retry, TimeProvider.System, random.NextDouble).TotalSeconds).ToArray();
            Assert.All(delays, d => Assert.InRange(d, full / 2, full));
            Assert.True(delays.Distinct().Count() > 1);
        }
    }

    [Fact]
    public async Task Retry_after_in_seconds_lengthens_the_wait()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(429, """{"error":"slow down"}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))), () => Responses.Accepted());
        using var client = TestApi.Client(handler, time);
        var start = time.GetUtcNow();

        await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromMilliseconds(100));

        var second = handler.RequestList[1];
        Assert.InRange((second.At - start).TotalSeconds, 7, 7.3);
    }

    [Fact]
    public async Task Retry_after_as_http_date_is_honoured()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(503, """{"error":"maintenance"}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(12))), () => Responses.Accepted());
        using var client = TestApi.Client(handler, time);
        var start = time.GetUtcNow();

        await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromMilliseconds(100));

        Assert.InRange((handler.RequestList[1].At - start).TotalSeconds, 12, 12.3);
    }

    [Fact]
    public async Task Retry_after_shorter_than_backoff_does_not_shorten_it()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(429, """{"error":"x"}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero)), () => Responses.Accepted());
        using var client = TestApi.Client(handler, time, o => o.Retry.BaseDelay = TimeSpan.FromSeconds(3));
        var start = time.GetUtcNow();

        await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromMilliseconds(100));

        Assert.InRange((handler.RequestList[1].At - start).TotalSeconds, 3, 3.3);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_after_over_the_cap_fails_at_once_with_the_wait(int status)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(status, """{"error":"come back later"}""", r =>
        {
            r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(600));
            r.Headers.Add("x-request-id", "req-cap");
        }));
        using var client = TestApi.Client(handler, time, o => o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(60));

        var exception = await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        Assert.Single(handler.Requests);
        Assert.Contains("wait 600 s", exception.Message);
        Assert.Contains("MaxRetryAfter (60 s)", exception.Message);
        Assert.Equal("req-cap", exception.RequestId);
        var wait = exception switch
        {
            RateLimitedException r => r.RetryAfter,
            ServiceUnavailableException s => s.RetryAfter,
            _ => null,
        };
        Assert.Equal(TimeSpan.FromSeconds(600), wait);
    }

    [Fact]
    public async Task Job_reads_are_retried_too()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(502), () => Responses.JobJson("j", "PROCESSING", 40));
        using var client = TestApi.Client(handler, time);

        var job = await time.DriveAsync(client.Jobs.GetAsync("j"));

        Assert.Equal(40, job.Progress);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Caller_cancellation_stops_retrying()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(503));
        using var client = TestApi.Client(handler, time, o => o.Retry.BaseDelay = TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource();

        var task = client.SubmitAsync(TestApi.Producer, new TestRequest("x"), cancellationToken: cts.Token);
        while (handler.Requests.IsEmpty)
        {
            await Task.Delay(1);
        }

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Single(handler.Requests);
    }
}
