using System;
using System.Threading;

namespace ProducerGen;

/// <summary>
/// Bounds each poll of one wait by what is left of <see cref="JobWaitOptions.MaxWait"/>, but never by less than
/// <see cref="JobsClient.LastLookAllowance"/>, so the last look at the deadline can answer. Every poll that starts with more than the
/// allowance left ends at the same instant, the wait's deadline, so those polls share one timed token source, linked to the caller's
/// token once; only a poll closer to the deadline gets sources of its own. (Two token sources and a timer per poll were a good part of
/// what a waiting job allocates: issue 20 target 4.)
/// </summary>
internal sealed class WaitBudget(TimeProvider time, long started, TimeSpan maxWait, CancellationToken caller) : IDisposable
{
    private CancellationTokenSource? _deadline;
    private CancellationTokenSource? _linked;

    /// <summary>The bound of the poll starting now; dispose it when the poll has ended.</summary>
    public PollBudget ForPoll()
    {
        var remaining = maxWait - time.GetElapsedTime(started);
        if (remaining <= JobsClient.LastLookAllowance)
        {
            var own = new CancellationTokenSource(JobsClient.LastLookAllowance, time);
            return new PollBudget(own, CancellationTokenSource.CreateLinkedTokenSource(caller, own.Token), owned: true);
        }

        // A source whose timer ran out before the deadline (the longest timer is ~24.8 days) is replaced, as each poll's was before.
        if (_deadline is null || _deadline.IsCancellationRequested)
        {
            Dispose();
            _deadline = new CancellationTokenSource(remaining < JobsClient.MaxTimerDelay ? remaining : JobsClient.MaxTimerDelay, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _deadline.Token);
        }

        return new PollBudget(_deadline, _linked!, owned: false);
    }

    public void Dispose()
    {
        _linked?.Dispose();
        _deadline?.Dispose();
        (_linked, _deadline) = (null, null);
    }
}

/// <summary>One poll's bound: its token (the caller's or the budget's), and whether the budget ran out.</summary>
internal readonly struct PollBudget(CancellationTokenSource deadline, CancellationTokenSource linked, bool owned) : IDisposable
{
    public CancellationToken Token => linked.Token;

    /// <summary>Whether the wait's budget (not the caller) ended the poll.</summary>
    public bool RanOut => deadline.IsCancellationRequested;

    public void Dispose()
    {
        if (owned)
        {
            linked.Dispose();
            deadline.Dispose();
        }
    }
}
