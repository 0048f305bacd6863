using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;

namespace ProducerGen.Reliability.Tests.Support;

/// <summary>Listens to the runtime's <c>ProducerGen</c> Meter and ActivitySource: sums each counter and keeps every tag and activity seen.</summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);
    private long _activityCount;

    public TelemetryCapture()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ProducerGenTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, (long)value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();

        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProducerGenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                Interlocked.Increment(ref _activityCount);
                Texts.Add($"activity {activity.OperationName} {activity.DisplayName} {activity.StatusDescription}");
                foreach (var tag in activity.TagObjects)
                {
                    Texts.Add($"activity tag {tag.Key}={tag.Value}");
                }

                foreach (var e in activity.Events)
                {
                    Texts.Add($"activity event {e.Name}");
                    foreach (var tag in e.Tags)
                    {
                        Texts.Add($"activity event tag {tag.Key}={tag.Value}");
                    }
                }

                foreach (var baggage in activity.Baggage)
                {
                    Texts.Add($"activity baggage {baggage.Key}={baggage.Value}");
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
    }

    /// <summary>Every tag key=value and activity name seen, as text to scan.</summary>
    public ConcurrentBag<string> Texts { get; } = [];

    public long ActivityCount => Interlocked.Read(ref _activityCount);

    public long Sum(string instrument) => _sums.TryGetValue(instrument, out var v) ? v : 0;

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _sums.AddOrUpdate(instrument.Name, value, (_, old) => old + value);
        foreach (var tag in tags)
        {
            Texts.Add($"metric {instrument.Name} tag {tag.Key}={tag.Value}");
        }
    }
}
