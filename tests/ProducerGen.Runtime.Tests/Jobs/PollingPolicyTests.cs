using Xunit.Abstractions;

namespace ProducerGen.Runtime.Tests;

public class PollingPolicyTests(ITestOutputHelper output)
{
    private static readonly IPollingPolicy Fixed = new FixedIntervalPolicy(TimeSpan.FromSeconds(2));
    private static readonly IPollingPolicy Backoff = new ExponentialBackoffPolicy(TimeSpan.FromSeconds(2), 1.5, TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Adaptive_policy_beats_both_baselines_on_requests_with_mean_detection_delay_within_1_5_s(bool reportProgress)
    {
        var durations = PollingSimulation.Durations(2000);
        var adaptive = PollingSimulation.Run(AdaptivePollingPolicy.Default, durations, reportProgress);
        var fixedTwo = PollingSimulation.Run(Fixed, durations, reportProgress);
        var backoff = PollingSimulation.Run(Backoff, durations, reportProgress);
        output.WriteLine($"progress={reportProgress} adaptive {adaptive}; fixed 2 s {fixedTwo}; backoff {backoff}");

        Assert.True(adaptive.MeanPolls < fixedTwo.MeanPolls, $"adaptive {adaptive.MeanPolls:0.0} vs fixed {fixedTwo.MeanPolls:0.0}");
        Assert.True(adaptive.MeanPolls < backoff.MeanPolls, $"adaptive {adaptive.MeanPolls:0.0} vs backoff {backoff.MeanPolls:0.0}");
        // With progress reports (as the API sends them) the delay is about 1 s; with none, the prior alone keeps it near 1.5 s.
        Assert.True(adaptive.MeanDelay <= (reportProgress ? 1.2 : 1.55), $"mean detection delay {adaptive.MeanDelay:0.00} s");
        if (reportProgress)
        {
            Assert.True(adaptive.MeanPolls < 0.6 * backoff.MeanPolls, $"adaptive {adaptive.MeanPolls:0.0} vs backoff {backoff.MeanPolls:0.0}");
        }
    }

    [Fact]
    public void Baselines_follow_their_definitions()
    {
        var context = new PollContext("j", "QUEUED", null, TimeSpan.Zero, 0, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(2), Fixed.NextDelay(context with { PollCount = 7 }));
        Assert.Equal(TimeSpan.FromSeconds(2), Backoff.NextDelay(context));
        Assert.Equal(TimeSpan.FromSeconds(3), Backoff.NextDelay(context with { PollCount = 1 }));
        Assert.Equal(TimeSpan.FromSeconds(4.5), Backoff.NextDelay(context with { PollCount = 2 }));
        Assert.Equal(TimeSpan.FromSeconds(5), Backoff.NextDelay(context with { PollCount = 3 }));
    }

    [Fact]
    public void Adaptive_policy_waits_long_when_young_and_short_when_due()
    {
        var policy = AdaptivePollingPolicy.Default;
        var young = new PollContext("j", "QUEUED", null, TimeSpan.Zero, 0, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var due = young with { Status = "PROCESSING", Elapsed = TimeSpan.FromSeconds(40), Progress = 90, PollCount = 4 };
        var finishing = due with { Progress = 100 };

        Assert.InRange(policy.NextDelay(young).TotalSeconds, 8, 25);
        Assert.InRange(policy.NextDelay(due).TotalSeconds, 1, 3);
        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextDelay(finishing));
    }

    [Fact]
    public void Adaptive_policy_respects_min_and_max()
    {
        var policy = AdaptivePollingPolicy.Default;
        var context = new PollContext("j", "QUEUED", null, TimeSpan.Zero, 0, TimeSpan.FromHours(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.NextDelay(context));
        Assert.True(policy.NextDelay(context with { Progress = 100 }) >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Adaptive_policy_without_average_backs_off_geometrically()
    {
        var policy = AdaptivePollingPolicy.Default;
        var context = new PollContext("j", "QUEUED", null, TimeSpan.Zero, 0, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.NextDelay(context));
        Assert.Equal(TimeSpan.FromSeconds(20), policy.NextDelay(context with { Elapsed = TimeSpan.FromSeconds(100) }));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.NextDelay(context with { Elapsed = TimeSpan.FromHours(1) }));
    }

    [Fact]
    public void Erfc_is_accurate()
    {
        Assert.Equal(1.0, AdaptivePollingPolicy.Erfc(0), 6);
        Assert.Equal(0.157299207, AdaptivePollingPolicy.Erfc(1), 6);
        Assert.Equal(1.842700793, AdaptivePollingPolicy.Erfc(-1), 6);
        Assert.Equal(2.209049699858544e-5, AdaptivePollingPolicy.Erfc(3), 9);
    }
}
