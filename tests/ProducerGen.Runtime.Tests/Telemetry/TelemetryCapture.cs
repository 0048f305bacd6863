using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// OpenTelemetry SDK providers registered with only <c>AddProducerGenInstrumentation()</c> (plus the test's own source), exporting
/// in memory. Other tests use the same static source in parallel: <see cref="SpansOf"/> keeps only the spans of one trace.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    public static readonly ActivitySource TestSource = new("ProducerGen.Runtime.Tests.Telemetry");

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metering;

    public TelemetryCapture(bool withTestSource = true)
    {
        var tracing = Sdk.CreateTracerProviderBuilder().AddProducerGenInstrumentation();
        if (withTestSource)
        {
            tracing.AddSource(TestSource.Name);
        }

        _tracing = tracing.AddInMemoryExporter(_spans).Build()!;
        _metering = Sdk.CreateMeterProviderBuilder().AddProducerGenInstrumentation().AddInMemoryExporter(_metrics).Build()!;
    }

    /// <summary>The exported spans of <paramref name="traceId"/>.</summary>
    public IReadOnlyList<Activity> SpansOf(ActivityTraceId traceId)
    {
        _tracing.ForceFlush();
        lock (_spans)
        {
            return _spans.Where(s => s.TraceId == traceId).ToList();
        }
    }

    /// <summary>Every exported span, of any test.</summary>
    public IReadOnlyList<Activity> AllSpans()
    {
        _tracing.ForceFlush();
        lock (_spans)
        {
            return _spans.ToList();
        }
    }

    /// <summary>The points of instrument <paramref name="name"/> whose <c>producergen.model</c> is <paramref name="model"/>, with their attributes.</summary>
    public IReadOnlyList<(Dictionary<string, object?> Tags, long Sum, double HistogramSum, long Count)> Points(string name, string model)
    {
        _metering.ForceFlush();
        var points = new List<(Dictionary<string, object?>, long, double, long)>();
        lock (_metrics)
        {
            // Cumulative temporality: the last export of an instrument holds its totals.
            foreach (var metric in _metrics.Where(m => m.Name == name).TakeLast(1))
            {
                foreach (var point in metric.MetricPoints)
                {
                    var tags = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    if (!Equals(tags.GetValueOrDefault("producergen.model"), model))
                    {
                        continue;
                    }

                    var isHistogram = metric.MetricType == MetricType.Histogram;
                    points.Add((tags, isHistogram ? 0 : point.GetSumLong(), isHistogram ? point.GetHistogramSum() : 0, isHistogram ? point.GetHistogramCount() : 0));
                }
            }
        }

        return points;
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metering.Dispose();
    }
}
