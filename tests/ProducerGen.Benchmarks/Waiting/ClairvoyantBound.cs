using System;
using System.Collections.Generic;
using System.Linq;

namespace ProducerGen.Benchmarks.Waiting;

/// <summary>
/// What three polls per job could achieve on the 45 s workload with knowledge no policy has: each job's duration. The first poll
/// comes just after processing starts (progress 1), the second <c>lead</c> seconds before the end, and the third at the latest end
/// both integer readings allow (so it is never early and no fourth poll is needed). Its mean delay is the price of the integer
/// progress alone; a real policy must also place the second poll without knowing the end (issue 20, target 3).
/// </summary>
internal static class ClairvoyantBound
{
    /// <summary>The mean detection delay, in seconds, of the clairvoyant three-poll schedule over <paramref name="durations"/>.</summary>
    public static double MeanDelay(IReadOnlyList<double> durations, double lead)
        => durations.Average(duration => Delay(duration, lead));

    private static double Delay(double duration, double lead)
    {
        var queued = WaitingSimulation.EmulatorQueuedFraction * duration;
        var processing = duration - queued;
        var first = queued + (0.015 * processing);
        var second = duration - lead;
        var p1 = Progress(first, queued, processing);
        var p2 = Progress(second, queued, processing);

        // Readings p stand for [p, p + 1): the flattest line through both intervals reaches 100 latest.
        var slowest = (p2 - (p1 + 1)) / (second - first);
        var latestEnd = second + ((100 - p2) / slowest);
        return latestEnd - duration;
    }

    private static int Progress(double t, double queued, double processing)
        => Math.Clamp((int)Math.Floor(100 * (t - queued) / processing), 0, 99);
}
