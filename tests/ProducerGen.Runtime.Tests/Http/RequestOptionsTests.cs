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
        var handler = new FakeHttpHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        }, time);
        using var client = TestApi.Client(handler, time, o => o.Retry.MaxRetries = 1);
        var start = time.GetUtcNow();

        var exception = await Assert.ThrowsAsync<TransportException>(() => time.DriveAsync(client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { Timeout = TimeSpan.FromSeconds(2) })));

        Assert.True(exception.IsTimeout);
        Assert.InRange((time.GetUtcNow() - start).TotalSeconds, 5, 6); // 2 s + 1 s backoff + 2 s
        Assert.Equal(2, handler.Requests.Count);
    }
}
