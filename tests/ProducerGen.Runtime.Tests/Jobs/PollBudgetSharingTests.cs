using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 20 target 4: a wait's polls share one budget token source (two sources and a timer per poll were a good part of what a
/// waiting job allocated), with the same bounds as before: the wait's deadline, and never less than the last look's allowance.
/// </summary>
public class PollBudgetSharingTests
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    [Fact]
    public void Polls_with_more_than_the_allowance_left_share_one_token_that_a_poll_ending_does_not_cancel()
    {
        var time = new CountingTime();
        using var budget = new WaitBudget(time, time.GetTimestamp(), MaxWait, CancellationToken.None);

        CancellationToken first;
        using (var poll = budget.ForPoll())
        {
            first = poll.Token;
        }

        time.Advance(TimeSpan.FromSeconds(30));
        using var second = budget.ForPoll();
        Assert.Equal(first, second.Token);
        Assert.False(second.Token.IsCancellationRequested);
        Assert.False(second.RanOut);
        Assert.Equal(1, time.Created); // one timer for the whole wait, not one per poll
    }

    [Fact]
    public void The_shared_token_ends_at_the_wait_deadline_and_says_the_budget_ran_out()
    {
        var time = new CountingTime();
        using var budget = new WaitBudget(time, time.GetTimestamp(), MaxWait, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        using var poll = budget.ForPoll();

        time.Advance(TimeSpan.FromSeconds(49.9));
        Assert.False(poll.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(0.1)); // 60 s after the wait began, not 60 s after this poll
        Assert.True(poll.Token.IsCancellationRequested);
        Assert.True(poll.RanOut);
    }

    [Fact]
    public void A_poll_near_the_deadline_gets_the_last_look_allowance_of_its_own()
    {
        var time = new CountingTime();
        using var budget = new WaitBudget(time, time.GetTimestamp(), MaxWait, CancellationToken.None);
        using var early = budget.ForPoll(); // the shared source, made at the first poll
        Assert.Equal(1, time.Created);
        time.Advance(MaxWait - TimeSpan.FromSeconds(1)); // 1 s left, less than the 2 s allowance
        using var poll = budget.ForPoll();
        Assert.Equal(2, time.Created);
        Assert.NotEqual(early.Token, poll.Token);

        time.Advance(JobsClient.LastLookAllowance - TimeSpan.FromMilliseconds(1));
        Assert.False(poll.Token.IsCancellationRequested); // past the deadline, still inside the allowance
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(poll.RanOut);
    }

    [Fact]
    public void The_callers_cancellation_cancels_the_shared_token_without_counting_as_the_budget()
    {
        var time = new CountingTime();
        using var caller = new CancellationTokenSource();
        using var budget = new WaitBudget(time, time.GetTimestamp(), MaxWait, caller.Token);
        using var poll = budget.ForPoll();

        caller.Cancel();
        Assert.True(poll.Token.IsCancellationRequested);
        Assert.False(poll.RanOut);
    }

    private sealed class CountingTime() : FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
        public int Created { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Created++;
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
