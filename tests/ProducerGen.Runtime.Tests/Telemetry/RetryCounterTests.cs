using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 19, item 4: <c>producergen.retries</c> says which API retried, so two clients in one app are told apart.</summary>
public sealed class RetryCounterTests
{
    [Fact]
    public async Task A_retried_submission_is_counted_with_its_api_and_reason()
    {
        // A name of this test's own: the counter is process-wide and other tests retry in parallel.
        var apiName = "Retries-" + Guid.NewGuid().ToString("N")[..8];
        var api = new ApiDescription(apiName, TestApi.Api.DefaultBaseAddress, "X-API-Key", null, "Idempotency-Key", 255, "/v2/jobs/{id}", "id",
            ["QUEUED", "PROCESSING"], ["COMPLETED"], ["FAILED"], null, null);
        var measurements = new ConcurrentQueue<(long Value, string? Api, object? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProducerGenTelemetry.Name && instrument.Name == "producergen.retries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? tagApi = null;
            object? reason = null;
            foreach (var tag in tags)
            {
                tagApi = tag.Key == "producergen.api" ? tag.Value as string : tagApi;
                reason = tag.Key == "reason" ? tag.Value : reason;
            }

            if (tagApi == apiName)
            {
                measurements.Enqueue((value, tagApi, reason));
            }
        });
        listener.Start();

        var handler = FakeHttpHandler.Sequence(null, () => Responses.Status(503), () => Responses.Status(503), () => Responses.Accepted());
        var options = TestApi.Options(TimeProvider.System, o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        });
        using var client = new ProducerGenClient(api, options, new HttpClient(handler));

        var handle = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));

        Assert.Equal("job-1", handle.Id);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal([(1L, apiName, (object?)503), (1L, apiName, 503)], measurements.ToArray());
    }
}
