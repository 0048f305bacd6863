using System.Collections.Generic;
using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Runs a polling policy against simulated jobs without HTTP: polls per job and detection delay.</summary>
public static class PollingSimulation
{
    public sealed record Stats(double MeanPolls, double MeanDelay, double MaxDelay);

    /// <summary>Log-normal durations around <paramref name="median"/> seconds, clamped to [20, 120].</summary>
    public static double[] Durations(int count, double median = 45, double sigma = 0.45, int seed = 42)
    {
        var random = new Random(seed);
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            result[i] = Math.Clamp(median * Math.Exp(sigma * normal), 20, 120);
        }

        return result;
    }

    public static Stats Run(IPollingPolicy policy, IEnumerable<double> durations, bool reportProgress, double progressNoise = 3, int seed = 1, double average = 45)
    {
        var random = new Random(seed);
        var polls = new List<int>();
        var delays = new List<double>();
        foreach (var duration in durations)
        {
            var t = 0.0;
            var count = 0;
            int? progress = null;
            var readings = new List<ProgressReading>();
            while (true)
            {
                var context = new PollContext("j", "PROCESSING", progress, TimeSpan.FromSeconds(t), count, TimeSpan.FromSeconds(average), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), readings);
                var delay = Math.Clamp(policy.NextDelay(context).TotalSeconds, 1, 30);
                t += delay;
                count++;
                if (t >= duration)
                {
                    polls.Add(count);
                    delays.Add(t - duration);
                    break;
                }

                progress = reportProgress
                    ? (int)Math.Clamp(Math.Floor((100 * t / duration) + ((random.NextDouble() * 2) - 1) * progressNoise), 0, 99)
                    : null;
                if (progress is { } reported)
                {
                    readings.Add(new ProgressReading(TimeSpan.FromSeconds(t), reported));
                }
            }
        }

        return new Stats(polls.Average(), delays.Average(), delays.Max());
    }
}
