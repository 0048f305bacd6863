using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 15, items 4 and 6: a key prefix, headers on every request, per-call headers, and an API without idempotency keys.</summary>
public class AuthHeadersAndNoIdempotencyTests
{
    private static readonly ApiDescription Bearer = new(
        name: "Bearer",
        defaultBaseAddress: new Uri("https://api.bearer.test"),
        authHeader: "Authorization",
        authEnvironmentVariable: null,
        idempotencyHeader: null,
        idempotencyKeyMaxLength: null,
        jobGetPath: "/v1/tasks/{id}",
        jobIdField: "id",
        pendingStatuses: ["QUEUED", "PROCESSING"],
        succeededStatuses: ["COMPLETED"],
        failedStatuses: ["FAILED"],
        webhookSignatureHeader: null,
        webhookEventHeader: null,
        authPrefix: "Bearer ",
        headers: new Dictionary<string, string> { ["X-Api-Version"] = "2024-11-06" });

    private static ProducerGenClient Client(FakeHttpHandler handler, Microsoft.Extensions.Time.Testing.FakeTimeProvider time) =>
        new(Bearer, TestApi.Options(time), new System.Net.Http.HttpClient(handler));

    [Fact]
    public async Task The_key_goes_after_its_prefix_and_fixed_and_per_call_headers_go_with_every_request()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted("t-1"), () => Responses.JobJson("t-1", "COMPLETED"));
        using var client = Client(handler, time);

        var handle = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { Headers = new Dictionary<string, string> { ["Prefer"] = "wait" } });
        await client.Jobs.GetAsync(handle.Id);

        var (submit, poll) = (handler.RequestList[0], handler.RequestList[1]);
        Assert.Equal("Bearer " + TestApi.Key, submit.Header("Authorization"));
        Assert.Equal("Bearer " + TestApi.Key, poll.Header("Authorization"));
        Assert.Equal("2024-11-06", submit.Header("X-Api-Version"));
        Assert.Equal("2024-11-06", poll.Header("X-Api-Version"));
        Assert.Equal("wait", submit.Header("Prefer"));
        Assert.Null(poll.Header("Prefer")); // per call: the submission's only
    }

    [Fact]
    public async Task A_per_call_header_replaces_the_fixed_one_of_its_name()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted("t-1"));
        using var client = Client(handler, time);

        await client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { Headers = new Dictionary<string, string> { ["x-api-version"] = "2025-01-01" } });

        Assert.Equal("2025-01-01", Assert.Single(handler.RequestList).Header("X-Api-Version"));
    }

    [Theory]
    [InlineData("Authorization", "Bearer stolen")]
    [InlineData("content-type", "text/plain")]
    [InlineData("Host", "evil.test")]
    [InlineData("Bad Name", "x")]
    [InlineData("X-Ok", "line\r\nInjected: 1")]
    [InlineData("X-Ok", "caf\u00e9")]
    public async Task Per_call_headers_the_client_owns_or_cannot_send_are_refused_before_any_request(string name, string value)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted("t-1"));
        using var client = Client(handler, time);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { Headers = new Dictionary<string, string> { [name] = value } }));

        Assert.Empty(handler.RequestList);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_idempotency_no_key_is_sent_none_is_invented_and_a_callers_key_is_refused()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted("t-1"));
        using var client = Client(handler, time);

        var handle = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));

        Assert.Null(handle.IdempotencyKey);
        Assert.DoesNotContain(handler.RequestList.Single().Headers.Keys, h => h.Contains("Idempotency", StringComparison.OrdinalIgnoreCase));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { IdempotencyKey = "mine" }));
        Assert.Single(handler.RequestList);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task Without_idempotency_a_submission_is_not_replayed_after_an_answer_that_leaves_the_job_unknown(int status)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(status), () => Responses.Accepted("t-2"));
        using var client = Client(handler, time);

        await Assert.ThrowsAnyAsync<ProducerGenException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x"))));

        Assert.Single(handler.RequestList); // a replay could have created, and charged, a second job
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Without_idempotency_a_submission_the_service_refused_is_retried(int status)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(status), () => Responses.Accepted("t-3"));
        using var client = Client(handler, time);

        var handle = await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        Assert.Equal("t-3", handle.Id);
        Assert.Equal(2, handler.RequestList.Count);
    }

    [Fact]
    public async Task Without_idempotency_a_dropped_connection_is_not_replayed_but_a_refused_one_is()
    {
        var time = TestApi.NewTime();
        var dropped = new FakeHttpHandler(_ => throw new System.Net.Http.HttpRequestException("reset", new IOException("connection reset by peer")), time);
        using (var client = Client(dropped, time))
        {
            await Assert.ThrowsAsync<TransportException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x"))));
        }

        Assert.Single(dropped.RequestList);

        var calls = 0;
        var refused = new FakeHttpHandler(_ => ++calls == 1 ? throw new System.Net.Http.HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)) : Responses.Accepted("t-4"), time);
        using (var client = Client(refused, time))
        {
            Assert.Equal("t-4", (await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")))).Id);
        }

        Assert.Equal(2, refused.RequestList.Count);
    }

    [Fact]
    public async Task Without_idempotency_polls_are_retried_as_always()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(502), () => Responses.JobJson("t-5", "PROCESSING", 40));
        using var client = Client(handler, time);

        var job = await time.DriveAsync(client.Jobs.GetAsync("t-5"));

        Assert.Equal(40, job.Progress);
        Assert.Equal(2, handler.RequestList.Count);
    }

    [Fact]
    public void The_first_release_constructor_still_requires_an_idempotency_header() =>
        Assert.ThrowsAny<ArgumentException>(() => new ApiDescription("A", new Uri("https://a.test"), "X-Key", null, " ", null, "/j/{id}", "id", ["Q"], ["C"], ["F"], null, null));
}
