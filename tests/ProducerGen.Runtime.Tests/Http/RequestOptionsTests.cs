namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 14, item 7: a zero or negative per-call timeout would silently remove the attempt timeout; it is refused.</summary>
public class RequestOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-5000)]
    public void A_zero_or_negative_timeout_is_refused_when_set(int milliseconds)
    {
        var options = new RequestOptions();

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromMilliseconds(milliseconds) - TimeSpan.FromTicks(milliseconds == -1 ? 1 : 0));

        Assert.Equal("Timeout", exception.ParamName);
        Assert.Contains("must be positive", exception.Message);
        Assert.Null(options.Timeout);
    }

    [Fact]
    public void Infinite_null_and_positive_timeouts_are_allowed()
    {
        var options = new RequestOptions { Timeout = Timeout.InfiniteTimeSpan };
        Assert.Equal(Timeout.InfiniteTimeSpan, options.Timeout);
        options.Timeout = TimeSpan.FromMilliseconds(1);
        Assert.Equal(TimeSpan.FromMilliseconds(1), options.Timeout);
        options.Timeout = null;
        Assert.Null(options.Timeout);
    }

    [Fact]
    public async Task A_positive_per_call_timeout_bounds_each_attempt()
    {
        var time = TestApi.NewTime();
        var cancelledAt = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var handler = new FakeHttpHandler(async (request, ct) =>
        {
            // Read inside the fake clock's Advance, when the attempt's timer fires: the clock after the call also counts the steps
            // the driver took while a loaded machine ran the failure's continuations (CI once read 6.1 s for 5 s). Not disposed: the
            // cancelled delay's continuation would unregister it before it runs.
            _ = ct.Register(() => cancelledAt.Enqueue(time.GetUtcNow()));
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        }, time);
        using var client = TestApi.Client(handler, time, o => o.Retry.MaxRetries = 1);

        var exception = await Assert.ThrowsAsync<TransportException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { Timeout = TimeSpan.FromSeconds(2) })));

        Assert.True(exception.IsTimeout);
        var attempts = handler.RequestList;
        Assert.Equal(2, attempts.Count);
        var cancellations = cancelledAt.ToArray();
        Assert.Equal(2, cancellations.Length);
        for (var i = 0; i < 2; i++)
        {
            Assert.InRange((cancellations[i] - attempts[i].At).TotalSeconds, 2, 2.1); // the per-call timeout, at the driver's step
        }

        Assert.True(attempts[1].At - cancellations[0] >= TimeSpan.FromSeconds(1), "the retry waits out its backoff");
    }
}
