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
            // The target: at most 5 polls per job on average, once the job reports its progress.
            Assert.True(adaptive.MeanPolls <= 5, $"adaptive {adaptive.MeanPolls:0.00} polls per job");
        }
    }

    [Fact]
    public void Two_progress_readings_send_the_next_poll_to_the_extrapolated_end_in_one_step()
    {
        // 20 % at 10 s and 40 % at 20 s: the line reaches 100 % at about 50 s.
        var readings = new[] { new ProgressReading(TimeSpan.FromSeconds(10), 20), new ProgressReading(TimeSpan.FromSeconds(20), 40) };
        var context = new PollContext("j", "PROCESSING", 40, TimeSpan.FromSeconds(20), 2, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), readings);

        var withTrend = AdaptivePollingPolicy.Default.NextDelay(context).TotalSeconds;
        var withoutTrend = AdaptivePollingPolicy.Default.NextDelay(context with { Readings = null }).TotalSeconds;
        output.WriteLine($"with trend {withTrend:0.00} s, without {withoutTrend:0.00} s");

        Assert.InRange(withTrend, 25, 33);
        Assert.True(withoutTrend < withTrend, "without a trend the policy creeps up on the end in smaller steps");
        Assert.Equal(withTrend, AdaptivePollingPolicy.Default.NextDelay(context).TotalSeconds); // stateless: same question, same answer
    }

    [Fact]
    public void One_reading_sends_the_second_look_late_but_before_the_estimated_end_within_min_and_max()
    {
        // 40 % at 20 s of a 45 s model: the end is near 50 s; the second reading goes well past the halfway point but before it,
        // leaving at least a minimum pause to aim the last poll.
        var readings = new[] { new ProgressReading(TimeSpan.FromSeconds(20), 40) };
        var context = new PollContext("j", "PROCESSING", 40, TimeSpan.FromSeconds(20), 1, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), readings);

        var next = 20 + AdaptivePollingPolicy.Default.NextDelay(context).TotalSeconds;
        output.WriteLine($"second look at {next:0.00} s");
        Assert.InRange(next, 35, 49);

        // The clamps still hold: a long minimum lengthens it, a short maximum cuts it.
        Assert.True(AdaptivePollingPolicy.Default.NextDelay(context with { MinPollInterval = TimeSpan.FromSeconds(40), MaxPollInterval = TimeSpan.FromSeconds(60) }) >= TimeSpan.FromSeconds(40));
        Assert.Equal(TimeSpan.FromSeconds(5), AdaptivePollingPolicy.Default.NextDelay(context with { MaxPollInterval = TimeSpan.FromSeconds(5) }));
    }

    [Fact]
    public void A_slow_early_trend_never_schedules_the_poll_past_one_spread_beyond_the_average()
    {
        // A back-loaded 6 s job in 5-point steps: 5 % at 2.3 s, 15 % at 4.2 s. The line reaches 100 % near 20 s; the prior
        // (6 s, σ 0.35) says that is over 2 σ out, so the next poll comes no later than 6·e^0.35 ≈ 8.5 s and its reading corrects the trend.
        var readings = new[] { new ProgressReading(TimeSpan.FromSeconds(2.3), 5), new ProgressReading(TimeSpan.FromSeconds(4.2), 15) };
        var context = new PollContext("j", "PROCESSING", 15, TimeSpan.FromSeconds(4.2), 2, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), readings);

        var next = 4.2 + AdaptivePollingPolicy.Default.NextDelay(context).TotalSeconds;
        var unbounded = 4.2 + AdaptivePollingPolicy.Default.NextDelay(context with { AverageCompletion = null }).TotalSeconds;
        output.WriteLine($"next poll at {next:0.00} s; without an average {unbounded:0.00} s");

        Assert.True(unbounded > 15, $"the trend alone aims at {unbounded:0.00} s");
        Assert.InRange(next, 5.2, (6 * Math.Exp(0.35)) + 1e-6);

        // A job already older than that bound may still wait, but by at most half its age again per poll.
        var old = context with { Elapsed = TimeSpan.FromSeconds(20), Progress = 40, Readings = [new ProgressReading(TimeSpan.FromSeconds(10), 20), new ProgressReading(TimeSpan.FromSeconds(20), 40)] };
        Assert.InRange(AdaptivePollingPolicy.Default.NextDelay(old).TotalSeconds, 1, 10 + 1e-6);

        // The minimum still wins over the bound.
        Assert.Equal(TimeSpan.FromSeconds(5), AdaptivePollingPolicy.Default.NextDelay(context with { MinPollInterval = TimeSpan.FromSeconds(5) }));
    }

    [Fact]
    public void A_short_jobs_first_pause_is_longer_than_the_hazard_rules_and_a_long_jobs_is_not()
    {
        // 6 s average, 1 s minimum (a sixth of the job): before any poll the pause is 1.8 × what the hazard rule gives at the
        // same age once a poll has been made. 45 s average, same minimum (a forty-fifth): no stretch.
        var shortJob = new PollContext("j", "QUEUED", null, TimeSpan.Zero, 0, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var first = AdaptivePollingPolicy.Default.NextDelay(shortJob).TotalSeconds;
        var hazard = AdaptivePollingPolicy.Default.NextDelay(shortJob with { PollCount = 1 }).TotalSeconds;
        output.WriteLine($"6 s job: first pause {first:0.00} s, hazard rule {hazard:0.00} s");
        Assert.Equal(1.8 * hazard, first, 6);

        var longJob = shortJob with { AverageCompletion = TimeSpan.FromSeconds(45) };
        Assert.Equal(AdaptivePollingPolicy.Default.NextDelay(longJob with { PollCount = 1 }), AdaptivePollingPolicy.Default.NextDelay(longJob));

        // A minimum of a tenth of the average is short; just under it is not.
        var tenth = shortJob with { AverageCompletion = TimeSpan.FromSeconds(10) };
        Assert.Equal(1.8 * AdaptivePollingPolicy.Default.NextDelay(tenth with { PollCount = 1 }).TotalSeconds, AdaptivePollingPolicy.Default.NextDelay(tenth).TotalSeconds, 6);
        var longer = shortJob with { AverageCompletion = TimeSpan.FromSeconds(10.5) };
        Assert.Equal(AdaptivePollingPolicy.Default.NextDelay(longer with { PollCount = 1 }), AdaptivePollingPolicy.Default.NextDelay(longer));

        // The maximum still caps the stretched pause.
        Assert.Equal(TimeSpan.FromSeconds(2), AdaptivePollingPolicy.Default.NextDelay(shortJob with { MaxPollInterval = TimeSpan.FromSeconds(2) }));
    }

    [Fact]
    public void Progress_that_goes_backwards_restarts_the_trend()
    {
        var readings = new[]
        {
            new ProgressReading(TimeSpan.FromSeconds(10), 20), new ProgressReading(TimeSpan.FromSeconds(20), 40), new ProgressReading(TimeSpan.FromSeconds(25), 10),
        };
        var context = new PollContext("j", "PROCESSING", 10, TimeSpan.FromSeconds(25), 3, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), readings);

        // One reading after the reset is no trend: the answer is the prior's, as if there were no readings at all.
        Assert.Equal(AdaptivePollingPolicy.Default.NextDelay(context with { Readings = null }), AdaptivePollingPolicy.Default.NextDelay(context));
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

    [Fact]
    public void After_a_reading_no_poll_took_the_next_comes_halfway_to_the_end_not_a_minimum_pause_later()
    {
        // A held answer at 60 s of a 45 s-average job reported 81 %: the end is ~10-14 s away. Taken by a poll, the same reading is
        // followed a minimum pause later ("a little before the earliest end" is already past); handed over, halfway to the end.
        var reading = new ProgressReading(TimeSpan.FromSeconds(60), 81);
        var handed = new PollContext("j", "processing", 81, TimeSpan.FromSeconds(60), 0, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), [reading]);
        var polled = handed with { PollCount = 1 };

        var afterHanded = AdaptivePollingPolicy.Default.NextDelay(handed).TotalSeconds;
        var afterPolled = AdaptivePollingPolicy.Default.NextDelay(polled).TotalSeconds;

        Assert.Equal(1.0, afterPolled, 3);
        Assert.InRange(afterHanded, 4, 8); // half of the 8-16 s the reading leaves, whichever way the prior pulls
    }

    [Fact]
    public void A_handed_reading_early_in_the_job_keeps_the_usual_second_look()
    {
        // Early (20 % at 17 s), halfway to the end is sooner than the usual late second look: the usual one stands.
        var reading = new ProgressReading(TimeSpan.FromSeconds(17), 20);
        var handed = new PollContext("j", "processing", 20, TimeSpan.FromSeconds(17), 0, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), [reading]);

        Assert.Equal(AdaptivePollingPolicy.Default.NextDelay(handed with { PollCount = 1 }), AdaptivePollingPolicy.Default.NextDelay(handed));
    }
}
