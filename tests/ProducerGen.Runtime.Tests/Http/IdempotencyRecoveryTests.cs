using System.Linq;
using System.Net;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 14, item 10: every exception of a submission carries the idempotency key it used, so a caller can retry an ambiguous
/// failure as the same submission, and SubmitAndWaitAsync takes RequestOptions.
/// </summary>
public class IdempotencyRecoveryTests
{
    public static TheoryData<string> Failures => new() { "network", "timeout", "500", "503", "400", "401", "402", "404", "409", "malformed", "too-large" };

    private static Task<HttpResponseMessage> Fail(string failure, CancellationToken ct) => failure switch
    {
        "network" => throw new HttpRequestException("connection reset", null, null),
        "timeout" => Task.Delay(Timeout.InfiniteTimeSpan, ct).ContinueWith(_ => new HttpResponseMessage(), TaskScheduler.Default),
        "malformed" => Task.FromResult(Responses.Json(HttpStatusCode.Accepted, "{\"jobId\":")),
        "too-large" => Task.FromResult(Responses.Json(HttpStatusCode.Accepted, new string(' ', 2 * 1024 * 1024))),
        _ => Task.FromResult(Responses.Status(int.Parse(failure, System.Globalization.CultureInfo.InvariantCulture))),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Every_submission_failure_carries_the_generated_idempotency_key(string failure)
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler((_, ct) => Fail(failure, ct), time);
        using var client = TestApi.Client(handler, time, o => o.RequestTimeout = TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAnyAsync<ProducerGenException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x"))));

        var sent = handler.RequestList.Select(r => r.Header("Idempotency-Key")).Distinct().Single();
        Assert.NotNull(sent);
        Assert.Equal(sent, exception.IdempotencyKey);
    }

    [Fact]
    public async Task Retrying_with_the_exceptions_key_resubmits_the_same_submission()
    {
        var time = TestApi.NewTime();
        var calls = 0;
        var handler = new FakeHttpHandler(_ => Interlocked.Increment(ref calls) <= 5 ? throw new HttpRequestException("reset") : Responses.Accepted("job-1"), time);
        using var client = TestApi.Client(handler, time);

        var failed = await Assert.ThrowsAsync<TransportException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x"))));
        var handle = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { IdempotencyKey = failed.IdempotencyKey });

        Assert.Equal(6, handler.Requests.Count);
        Assert.Single(handler.RequestList.Select(r => r.Header("Idempotency-Key")).Distinct());
        Assert.Equal(failed.IdempotencyKey, handle.IdempotencyKey);
    }

    [Fact]
    public async Task Submit_and_wait_takes_request_options_and_its_failures_carry_the_key()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(r => r.Method == HttpMethod.Post ? Responses.Accepted("job-1") : Responses.JobJson("job-1", "FAILED", error: "boom"), time);
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<JobFailedException>(() => time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { IdempotencyKey = "order-42" })));

        Assert.Equal("order-42", handler.RequestList.First().Header("Idempotency-Key"));
        Assert.Equal("order-42", exception.IdempotencyKey);
        Assert.Equal("boom", exception.JobError);
    }

    [Fact]
    public async Task Validation_failures_carry_no_key_since_nothing_was_sent()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted());
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest(string.Empty), new RequestOptions()));

        Assert.Null(exception.IdempotencyKey);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Job_errors_echoing_the_key_are_redacted_from_the_message()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(r => r.Method == HttpMethod.Post ? Responses.Accepted("job-1") : Responses.JobJson("job-1", "FAILED", error: "bad key " + TestApi.Key), time);
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<JobFailedException>(() => time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x"))));

        Assert.DoesNotContain(TestApi.Key, exception.ToString());
    }
}
