using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace ProducerGen.Runtime.Tests;

/// <summary>Activity tags carry server text (a job's status, an accepted id): a hostile server echoing the key must not put it there.</summary>
[Collection(nameof(TelemetryTagRedactionTests))] // an ActivityListener sees every test's activities: keep this one alone
public class TelemetryTagRedactionTests
{
    [Fact]
    public async Task A_status_echoing_the_key_is_redacted_in_the_poll_activitys_tags()
    {
        var tags = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProducerGenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var tag in activity.TagObjects)
                {
                    tags.Add(tag.Value?.ToString() ?? string.Empty);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("j-1", "RUNNING " + TestApi.Key, progress: 50), () => Responses.JobJson("j-1", "COMPLETED"));
        using var client = TestApi.Client(handler, time);

        var job = await time.DriveAsync(client.Jobs.WaitAsync("j-1"));

        Assert.True(job.IsSucceeded);
        Assert.Contains(tags, t => t.StartsWith("RUNNING ", System.StringComparison.Ordinal)); // the tag is there, redacted
        Assert.DoesNotContain(tags, t => t.Contains(TestApi.Key.Substring(0, 12), System.StringComparison.Ordinal));
    }
}
