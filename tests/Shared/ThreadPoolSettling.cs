// Linked into the test projects that drive a fake clock.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.Tests.Shared;

/// <summary>
/// Lets queued thread-pool work run before a test moves its fake clock on. On a loaded machine continuations queue behind other
/// tests' work, and a clock advanced meanwhile reads later than the moment the code under test reacted (CI once read 3.3 s for a
/// 2 s timeout).
/// </summary>
public static class ThreadPoolSettling
{
    /// <summary>Bounded: a test that keeps the pool busy must slow the clock down, not stop it.</summary>
    public const int MaxWaitMilliseconds = 20;

    /// <summary>Waits until the thread pool's queue is empty, or <see cref="MaxWaitMilliseconds"/> have passed.</summary>
    public static async Task SettleAsync()
    {
        var until = Environment.TickCount64 + MaxWaitMilliseconds;
        while (ThreadPool.PendingWorkItemCount > 0 && Environment.TickCount64 < until)
        {
            await Task.Delay(1);
        }
    }
}
