using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ProducerGen;

/// <summary>
/// Learns each model's <see cref="ProgressCurve"/> from the waits that saw a job finish: every processing report (progress 1–99)
/// becomes a point (progress, share of the duration used), with the duration the service reports (<c>completedAt − createdAt</c>).
/// A least-squares line through the points, recent jobs weighing more, is the curve; the scatter beyond integer rounding is its
/// spread. One learner serves every client built from one <see cref="JobWaitOptions"/> (a typed client is transient; its options are not).
/// </summary>
internal sealed class ProgressCurveLearner
{
    /// <summary>A curve is offered once this many jobs taught it.</summary>
    internal const int MinimumJobs = 5;

    private const int MaxModels = 256;        // models are the schema's, but a lying server's model text must not grow this without end
    private const double Forgetting = 0.95;  // each finished job weighs the earlier ones down by this: about the last 20 jobs count
    private const double Tolerance = 0.05;   // a report's share may exceed 1 by this much (client and service clocks differ)

    private readonly ConcurrentDictionary<string, Model> _models = new(StringComparer.Ordinal);

    /// <summary>The curve learned for <paramref name="model"/>, or <see langword="null"/> before <see cref="MinimumJobs"/> jobs taught one.</summary>
    public ProgressCurve? For(string? model) => model is not null && _models.TryGetValue(model, out var learned) ? learned.Curve : null;

    /// <summary>Learns from one finished job of <paramref name="model"/>: its reports during the wait and its duration.</summary>
    /// <param name="model">The model (the schema's id).</param>
    /// <param name="readings">The wait's reports, ages measured from the job's creation.</param>
    /// <param name="duration">The job's duration as the service reports it.</param>
    /// <param name="observedAge">The job's age when the wait saw it finished: a service claiming a longer duration is not believed.</param>
    public void Learn(string? model, IReadOnlyList<ProgressReading> readings, TimeSpan duration, TimeSpan observedAge)
    {
        if (model is null || duration <= TimeSpan.Zero || readings.Count == 0 || duration.TotalSeconds > (observedAge.TotalSeconds * (1 + Tolerance)) + 1)
        {
            return;
        }

        var seconds = duration.TotalSeconds;
        var any = false;
        foreach (var reading in readings)
        {
            var share = reading.Elapsed.TotalSeconds / seconds;
            if (reading.Progress is > 0 and < 100)
            {
                if (share > 1 + Tolerance)
                {
                    return; // a report after the end the service gives: its times are not the job's, learn nothing from it
                }

                any = true;
            }
        }

        if (!any || (!_models.ContainsKey(model) && _models.Count >= MaxModels))
        {
            return;
        }

        _models.GetOrAdd(model, _ => new Model()).Add(readings, seconds);
    }

    /// <summary>One model's weighted sums; the published curve is rebuilt after each job.</summary>
    private sealed class Model
    {
        private readonly object _gate = new();
        private double _w, _x, _y, _xx, _xy, _yy;
        private int _jobs;
        private volatile ProgressCurve? _curve;

        public ProgressCurve? Curve => _curve;

        public void Add(IReadOnlyList<ProgressReading> readings, double duration)
        {
            lock (_gate)
            {
                _w *= Forgetting;
                _x *= Forgetting;
                _y *= Forgetting;
                _xx *= Forgetting;
                _xy *= Forgetting;
                _yy *= Forgetting;
                foreach (var reading in readings)
                {
                    if (reading.Progress is <= 0 or >= 100)
                    {
                        continue;
                    }

                    var x = (reading.Progress + 0.5) / 100; // a report p stands for [p, p + 1)
                    var y = Math.Min(1.0, reading.Elapsed.TotalSeconds / duration);
                    _w += 1;
                    _x += x;
                    _y += y;
                    _xx += x * x;
                    _xy += x * y;
                    _yy += y * y;
                }

                _jobs++;
                _curve = Fit();
            }
        }

        private ProgressCurve? Fit()
        {
            var spreadX = (_w * _xx) - (_x * _x);
            if (_jobs < MinimumJobs || _w < 2 || spreadX <= 1e-9 * _w * _w)
            {
                return null; // too few jobs, or every report at one progress: no line yet
            }

            var slope = ((_w * _xy) - (_x * _y)) / spreadX;
            var intercept = (_y - (slope * _x)) / _w;
            if (!double.IsFinite(slope) || slope <= 0 || !double.IsFinite(intercept))
            {
                return null;
            }

            // Mean square residual of the weighted fit, less what integer rounding of the reports alone explains (uniform over one point).
            var residual = Math.Max(0.0, ((_yy - (intercept * _y) - (slope * _xy)) / _w) - (slope * slope / 120000));
            return new ProgressCurve(intercept, slope, Math.Sqrt(residual), _jobs);
        }
    }
}
