using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ProducerGen.Tests.Shared;

namespace ProducerGen.Runtime.Tests;

/// <summary>Drives a <see cref="FakeTimeProvider"/> while an async operation runs: lets continuations run, then advances time by a step, until the task completes.</summary>
public static class TimeDriver
{
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        await DriveCoreAsync(time, task, step, limit);
        return await task;
    }

    public static async Task DriveAsync(this FakeTimeProvider time, Task task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        await DriveCoreAsync(time, task, step, limit);
        await task;
    }

    private static async Task DriveCoreAsync(FakeTimeProvider time, Task task, TimeSpan? step, TimeSpan? limit)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        var max = limit ?? TimeSpan.FromHours(2);
        var advanced = TimeSpan.Zero;
        var counting = time as TimerCountingTimeProvider;
        var firedBefore = counting?.FiredTimers ?? 0;
        while (!task.IsCompleted)
        {
            // Give thread-pool continuations a chance to run and register their next timer before time moves; after an advance that
            // fired a timer, also the reaction already running (a first exception on a loaded machine takes tens of milliseconds).
            await Task.Delay(1);
            await Task.Yield();
            var fired = counting?.FiredTimers ?? 0;
            await ThreadPoolSettling.SettleAsync(untilWorkersIdle: fired != firedBefore);
            firedBefore = fired;

            if (task.IsCompleted)
            {
                break;
            }

            if (advanced >= max)
            {
                throw new TimeoutException($"The operation did not complete within {max} of fake time.");
            }

            time.Advance(increment);
            advanced += increment;
        }
    }
}
