// Linked into the test projects that drive a fake clock.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.Tests.Shared;

/// <summary>
/// Lets thread-pool work run before a test moves its fake clock on. On a loaded machine continuations queue behind other tests'
/// work, or run slowly (a first exception, JIT), and a clock advanced meanwhile reads later than the moment the code under test
/// reacted (CI read 3.3 s for a 2 s download timeout, and 6.1 s for a 5 s pair of attempt timeouts).
/// </summary>
public static class ThreadPoolSettling
{
    /// <summary>Bounded: a test that keeps the pool busy must slow the clock down, not stop it.</summary>
    public const int MaxWaitMilliseconds = 20;

    /// <summary>
    /// Waits until the thread pool has nothing queued (and, with <paramref name="untilWorkersIdle"/>, no worker but the caller's own
    /// running), or <see cref="MaxWaitMilliseconds"/> have passed.
    /// </summary>
    /// <param name="untilWorkersIdle">
    /// Also wait for continuations already taken off the queue: right after a timer woke the code under test, its reaction may be
    /// running slowly. Costly elsewhere: idle workers spinning for work count as running, so this mostly waits the full bound.
    /// </param>
    public static async Task SettleAsync(bool untilWorkersIdle = false)
    {
        var until = Environment.TickCount64 + MaxWaitMilliseconds;
        while ((ThreadPool.PendingWorkItemCount > 0 || (untilWorkersIdle && OtherWorkersRunning())) && Environment.TickCount64 < until)
        {
            await Task.Delay(1);
        }
    }

    private static bool OtherWorkersRunning()
    {
        ThreadPool.GetMaxThreads(out var maxWorkers, out _);
        ThreadPool.GetAvailableThreads(out var availableWorkers, out _);
        var ownWorker = Thread.CurrentThread.IsThreadPoolThread ? 1 : 0;
        return maxWorkers - availableWorkers > ownWorker;
    }
}
