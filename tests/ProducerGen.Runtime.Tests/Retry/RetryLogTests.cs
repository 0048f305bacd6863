using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// The retry log names the operation it retries. The attempt puts the name in the pipeline's context only when it failed (a
/// first-time answer writes nothing), so both ways of failing are pinned: an answer with a transient status, and an exception.
/// </summary>
public class RetryLogTests
{
    [Fact]
    public async Task A_retried_status_names_the_operation_and_the_status()
    {
        var time = TestApi.NewTime();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Status(503), () => Responses.Accepted("j-1"));
        using var client = TestApi.Client(handler, time, o => o.LoggerFactory = loggerFactory);

        await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        var retry = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 3);
        Assert.StartsWith("Retrying POST /v2/music/generate (retry 1) in ", retry.Message);
        Assert.EndsWith(": HTTP 503", retry.Message);
    }

    [Fact]
    public async Task A_retried_network_error_names_the_operation()
    {
        var time = TestApi.NewTime();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var calls = 0;
        var handler = new FakeHttpHandler(_ => ++calls < 2 ? throw new HttpRequestException("connection reset") : Responses.Accepted("j-2"), time);
        using var client = TestApi.Client(handler, time, o => o.LoggerFactory = loggerFactory);

        await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        var retry = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 3);
        Assert.StartsWith("Retrying POST /v2/music/generate (retry 1) in ", retry.Message);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_first_time_answer_logs_no_retry()
    {
        var time = TestApi.NewTime();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted("j-3"));
        using var client = TestApi.Client(handler, time, o => o.LoggerFactory = loggerFactory);

        await time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == 3);
        Assert.Single(handler.RequestList);
    }
}
