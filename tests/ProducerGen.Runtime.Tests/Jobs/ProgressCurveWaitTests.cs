using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;

namespace ProducerGen.Runtime.Tests;

/// <summary>Waits learn a model's progress curve from finished jobs (their <c>createdAt</c> and <c>completedAt</c>) and hand it to the policy.</summary>
public class ProgressCurveWaitTests
{
    [Fact]
    public async Task After_five_finished_jobs_the_policy_is_handed_the_curve_they_taught()
    {
        var time = TestApi.NewTime();
        var server = new CurveJobServer(time, queuedShare: 0.2);
        var policy = new RecordingPolicy(AdaptivePollingPolicy.Default);
        using var client = TestApi.Client(server.Handler, time, o => o.Waiting.PollingPolicy = policy);

        for (var job = 0; job < ProgressCurveLearner.MinimumJobs; job++)
        {
            server.NextDuration = TimeSpan.FromSeconds(40 + (3 * job));
            Assert.True((await time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromMilliseconds(50))).IsSucceeded);
        }

        Assert.All(policy.Contexts, c => Assert.Null(c.Curve));
        policy.Contexts.Clear();
        server.NextDuration = TimeSpan.FromSeconds(44);
        var polls = server.Polls;
        Assert.True((await time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromMilliseconds(50))).IsSucceeded);

        var curve = Assert.Single(policy.Contexts.Select(c => c.Curve).Distinct())!;
        Assert.Equal(5, curve.Jobs);
        Assert.InRange(curve.QueuedShare, 0.18, 0.22);
        Assert.InRange(curve.ProcessingShare, 0.76, 0.84);
        // Aimed with the curve: three polls (a first report, one just before the end, the end), noticed within half a second.
        Assert.InRange(server.Polls - polls, 2, 3);
        Assert.InRange((server.LastPollAt - server.CompletesAt).TotalSeconds, 0, 0.5);
    }

    [Fact]
    public async Task With_learning_off_or_without_completedAt_no_curve_is_handed()
    {
        foreach (var (learn, reportsCompletion) in new[] { (false, true), (true, false) })
        {
            var time = TestApi.NewTime();
            var server = new CurveJobServer(time, queuedShare: 0.2) { ReportsCompletion = reportsCompletion };
            var policy = new RecordingPolicy(AdaptivePollingPolicy.Default);
            using var client = TestApi.Client(server.Handler, time, o =>
            {
                o.Waiting.PollingPolicy = policy;
                o.Waiting.LearnProgressCurve = learn;
            });

            for (var job = 0; job < ProgressCurveLearner.MinimumJobs + 2; job++)
            {
                server.NextDuration = TimeSpan.FromSeconds(40);
                await time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromMilliseconds(50));
            }

            Assert.NotEmpty(policy.Contexts);
            Assert.All(policy.Contexts, c => Assert.Null(c.Curve));
        }
    }

    /// <summary>Jobs queued (progress 0) for <c>queuedShare</c> of their duration, then linear; each reports <c>createdAt</c> and, once done, <c>completedAt</c>.</summary>
    private sealed class CurveJobServer
    {
        private readonly TimeProvider _time;
        private readonly double _queuedShare;
        private DateTimeOffset _createdAt;
        private TimeSpan _duration;
        private int _next;

        public CurveJobServer(TimeProvider time, double queuedShare)
        {
            _time = time;
            _queuedShare = queuedShare;
            Handler = new FakeHttpHandler(Respond, time);
        }

        public FakeHttpHandler Handler { get; }

        public TimeSpan NextDuration { get; set; }

        public bool ReportsCompletion { get; init; } = true;

        public int Polls { get; private set; }

        public DateTimeOffset LastPollAt { get; private set; }

        public DateTimeOffset CompletesAt => _createdAt + _duration;

        private HttpResponseMessage Respond(RecordedRequest request)
        {
            var now = _time.GetUtcNow();
            if (request.Method == HttpMethod.Post)
            {
                (_createdAt, _duration) = (now, NextDuration);
                return Responses.Accepted($"job-{++_next}");
            }

            Polls++;
            LastPollAt = now;
            var share = (now - _createdAt) / _duration;
            var done = share >= 1;
            var progress = done ? 100 : (int)Math.Floor(100 * Math.Max(0, share - _queuedShare) / (1 - _queuedShare));
            var status = done ? "COMPLETED" : progress == 0 ? "QUEUED" : "PROCESSING";
            var completed = done && ReportsCompletion ? $"\"{CompletesAt.ToString("O", CultureInfo.InvariantCulture)}\"" : "null";
            var result = done ? """{"tracks":[{"audioUrl":"https://cdn.test/a.mp3","imageUrl":"https://cdn.test/a.jpg"}]}""" : "null";
            return Responses.Json(HttpStatusCode.OK, $$"""{"id":"job-{{_next}}","status":"{{status}}","model":"producer","progress":{{progress}},"error":null,"creditCost":5,"webhookStatus":null,"createdAt":"{{_createdAt.ToString("O", CultureInfo.InvariantCulture)}}","completedAt":{{completed}},"result":{{result}}}""");
        }
    }
}
