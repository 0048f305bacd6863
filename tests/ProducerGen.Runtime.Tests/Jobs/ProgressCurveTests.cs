using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>The learned progress curve: its bounds on a job's end, how it is learned, and how the adaptive policy aims with it.</summary>
public class ProgressCurveTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>The emulator's shape: queued (progress 0) for a tenth of the duration, then linear.</summary>
    private static readonly ProgressCurve Emulator = new(queuedShare: 0.1, processingShare: 0.9, spread: 0, jobs: 20);

    private static PollContext Context(double elapsed, ProgressCurve? curve, params (double At, int Progress)[] readings) =>
        new PollContext("j", "PROCESSING", readings.Length == 0 ? null : readings[^1].Progress, TimeSpan.FromSeconds(elapsed), readings.Length, TimeSpan.FromSeconds(45), Second, TimeSpan.FromSeconds(30), readings.Select(r => new ProgressReading(TimeSpan.FromSeconds(r.At), r.Progress)).ToArray()) { Curve = curve };

    [Fact]
    public void One_report_bounds_the_end_between_the_curve_at_p_and_at_p_plus_1()
    {
        // 31 % at 17 s: between 10 % + 90 % × 0.31 and 10 % + 90 % × 0.32 of the duration had passed (less/more the least margin, 0.0004).
        var (earliest, latest) = Emulator.EndBounds(new ProgressReading(TimeSpan.FromSeconds(17), 31))!.Value;

        Assert.Equal(17 / (0.1 + 0.288 + 0.0004), earliest.TotalSeconds, 6);
        Assert.Equal(17 / (0.1 + 0.279 - 0.0004), latest.TotalSeconds, 6);
    }

    [Theory]
    [InlineData(0)]   // queued: says nothing of the processing phase
    [InlineData(100)] // finishing
    [InlineData(-3)]
    public void Reports_off_the_processing_phase_bound_nothing(int progress)
        => Assert.Null(Emulator.EndBounds(new ProgressReading(TimeSpan.FromSeconds(17), progress)));

    [Fact]
    public void A_curve_that_starts_at_a_negative_share_bounds_nothing_where_it_is_not_positive()
        => Assert.Null(new ProgressCurve(-0.5, 1.0, 0, 5).EndBounds(new ProgressReading(TimeSpan.FromSeconds(10), 20)));

    [Fact]
    public void Reports_are_intersected_and_reports_that_contradict_each_other_bound_nothing()
    {
        ProgressReading[] agreeing = [new(TimeSpan.FromSeconds(17), 31), new(TimeSpan.FromSeconds(40), 88)];
        var one = Emulator.EndBounds(agreeing[0])!.Value;
        var two = Emulator.EndBounds(agreeing[1])!.Value;
        var both = Emulator.EndBoundsSeconds(agreeing)!.Value;
        Assert.Equal(Math.Max(one.Earliest.TotalSeconds, two.Earliest.TotalSeconds), both.Earliest, 6);
        Assert.Equal(Math.Min(one.Latest.TotalSeconds, two.Latest.TotalSeconds), both.Latest, 6);

        // 31 % at 17 s says about 44 s; 50 % at 40 s says about 72 s: no end satisfies both.
        Assert.Null(Emulator.EndBoundsSeconds([new(TimeSpan.FromSeconds(17), 31), new(TimeSpan.FromSeconds(40), 50)]));
        Assert.Null(Emulator.EndBoundsSeconds([new(TimeSpan.FromSeconds(3), 0)]));
        Assert.Null(Emulator.EndBoundsSeconds(null));
    }

    [Theory]
    [InlineData(double.NaN, 0.9, 0)]
    [InlineData(0.1, 0, 0)]
    [InlineData(0.1, -1, 0)]
    [InlineData(0.1, 0.9, -0.01)]
    [InlineData(0.1, double.PositiveInfinity, 0)]
    public void A_curve_needs_finite_shares_a_positive_slope_and_a_spread_of_at_least_zero(double queued, double processing, double spread)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressCurve(queued, processing, spread, 1));

    [Fact]
    public void The_learner_offers_a_curve_after_five_jobs_and_recovers_the_queue_phase()
    {
        var learner = new ProgressCurveLearner();
        for (var job = 0; job < ProgressCurveLearner.MinimumJobs; job++)
        {
            Assert.Null(learner.For("producer"));
            var duration = 30.0 + (7 * job);
            learner.Learn("producer", ReadingsOf(duration, 0.1, 0.3, 0.9), TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(duration));
        }

        var curve = learner.For("producer")!;
        Assert.Equal(5, curve.Jobs);
        Assert.InRange(curve.QueuedShare, 0.09, 0.11);
        Assert.InRange(curve.ProcessingShare, 0.88, 0.92);
        Assert.InRange(curve.Spread, 0, 0.003); // integer rounding alone is not spread
        Assert.Null(learner.For("other"));
        Assert.Null(learner.For(null));
    }

    [Fact]
    public void Irregular_jobs_learn_a_wide_spread()
    {
        var learner = new ProgressCurveLearner();
        var random = new Random(3);
        for (var job = 0; job < 12; job++)
        {
            learner.Learn("producer", ReadingsOf(40, 0.05 + (0.3 * random.NextDouble()), 0.5, 0.85), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40));
        }

        Assert.InRange(learner.For("producer")!.Spread, 0.02, 0.5);
    }

    [Fact]
    public void The_learner_ignores_durations_the_reports_or_the_wait_contradict_and_models_beyond_its_bound()
    {
        var learner = new ProgressCurveLearner();
        for (var job = 0; job < 10; job++)
        {
            // A service whose completedAt lies before its reports: its times are not the job's.
            learner.Learn("producer", [new(TimeSpan.FromSeconds(20), 40), new(TimeSpan.FromSeconds(50), 90)], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
            learner.Learn("producer", [new(TimeSpan.FromSeconds(5), 0)], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)); // no processing report
            learner.Learn("producer", ReadingsOf(30, 0.1, 0.5), TimeSpan.Zero, TimeSpan.FromSeconds(30));
            learner.Learn("producer", ReadingsOf(30, 0.1, 0.5, 0.9), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(31)); // claims ten times what the wait saw
        }

        Assert.Null(learner.For("producer"));

        for (var model = 0; model < 300; model++)
        {
            for (var job = 0; job < ProgressCurveLearner.MinimumJobs; job++)
            {
                learner.Learn($"m{model}", ReadingsOf(30, 0.1, 0.3, 0.9), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
            }
        }

        Assert.NotNull(learner.For("m0"));
        Assert.Null(learner.For("m299")); // a lying server's endless model names do not grow it without end
    }

    [Fact]
    public void Recent_jobs_outweigh_old_ones_when_the_model_changes()
    {
        var learner = new ProgressCurveLearner();
        for (var job = 0; job < 20; job++)
        {
            learner.Learn("producer", ReadingsOf(40, 0.1, 0.3, 0.9), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40));
        }

        for (var job = 0; job < 60; job++)
        {
            learner.Learn("producer", ReadingsOf(40, 0.3, 0.5, 0.9), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40));
        }

        Assert.InRange(learner.For("producer")!.QueuedShare, 0.27, 0.31);
    }

    [Fact]
    public void With_a_curve_an_early_report_sends_the_next_poll_a_minimum_pause_before_the_earliest_end()
    {
        var (earliest, _) = Emulator.EndBoundsSeconds([new(TimeSpan.FromSeconds(17), 31)])!.Value;

        var pause = AdaptivePollingPolicy.Default.NextDelay(Context(17, Emulator, (17, 31))).TotalSeconds;

        Assert.Equal(earliest - 1 - 17, pause, 6); // about 25.8 s: the report lands about 1 s before this 44 s job ends
    }

    [Fact]
    public void With_a_curve_a_late_report_sends_the_next_poll_to_the_latest_end_it_allows()
    {
        ProgressReading[] readings = [new(TimeSpan.FromSeconds(17), 31), new(TimeSpan.FromSeconds(42.5), 94)];
        var (_, latest) = Emulator.EndBoundsSeconds(readings)!.Value;

        var pause = AdaptivePollingPolicy.Default.NextDelay(Context(42.5, Emulator, (17, 31), (42.5, 94))).TotalSeconds;

        Assert.Equal(latest - 42.5, pause, 6);
        Assert.InRange(latest, 44.4, 45.0); // 94 % at 42.5 s is a job of about 44.5 s
    }

    [Fact]
    public void Without_a_usable_curve_the_policy_aims_as_before()
    {
        var policy = AdaptivePollingPolicy.Default;
        var irregular = new ProgressCurve(0.1, 0.9, spread: 0.1, jobs: 20);
        (double, int)[] early = [(17, 31)];
        (double, int)[] contradicting = [(17, 31), (40, 50)];
        (double, int)[] overdue = [(17, 31)]; // at 60 s the job has outlived every end this report allows (about 44 s)

        Assert.Equal(policy.NextDelay(Context(17, null, early)), policy.NextDelay(Context(17, irregular, early)));
        Assert.Equal(policy.NextDelay(Context(40, null, contradicting)), policy.NextDelay(Context(40, Emulator, contradicting)));
        Assert.Equal(policy.NextDelay(Context(60, null, overdue)), policy.NextDelay(Context(60, Emulator, overdue)));
        Assert.Equal(policy.NextDelay(Context(0, null)), policy.NextDelay(Context(0, Emulator)));
    }

    /// <summary>The reports a wait would see of a job of <paramref name="duration"/> s, queued for <paramref name="queued"/> of it, at the given shares.</summary>
    private static ProgressReading[] ReadingsOf(double duration, double queued, params double[] shares)
        => shares.Select(s => new ProgressReading(TimeSpan.FromSeconds(s * duration), (int)Math.Floor(100 * Math.Max(0, s - queued) / (1 - queued)))).ToArray();
}
