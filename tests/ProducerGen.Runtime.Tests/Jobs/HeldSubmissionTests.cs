using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProducerGen.Reliability.Tests;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 20, target 3: a submission the provider holds until the job is done (<c>api.jobs.hold</c>, Replicate's <c>Prefer: wait=n</c>),
/// over real loopback HTTP against a server that holds the submission as Replicate does and answers 201 with the job.
/// </summary>
public sealed class HeldSubmissionTests
{
    private static readonly ApiDescription Held = new(
        name: "Held",
        defaultBaseAddress: new Uri("https://api.held.test"),
        authHeader: "Authorization",
        authEnvironmentVariable: null,
        idempotencyHeader: null,
        idempotencyKeyMaxLength: null,
        jobGetPath: "/v1/predictions/{id}",
        jobIdField: "id",
        pendingStatuses: ["starting", "processing"],
        succeededStatuses: ["succeeded"],
        failedStatuses: ["failed", "canceled"],
        webhookSignatureHeader: null,
        webhookEventHeader: null,
        authPrefix: "Bearer ",
        submissionHold: new SubmissionHold("Prefer", "wait={seconds}", 60));

    [Fact]
    public async Task A_job_done_within_the_hold_is_returned_from_the_submission_with_no_poll()
    {
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(150));
        using var client = server.Client();

        var job = await client.SubmitAndWaitAsync(server.Model, new TestRequest("x"));

        Assert.Equal("succeeded", job.Status);
        Assert.Equal("https://files.test/out.png", job.Result?.GetProperty("url").GetString());
        Assert.Equal(0, server.Polls);
        Assert.Equal("wait=60", Assert.Single(server.Prefer)); // the provider's maximum: MaxWait (15 min) is longer
    }

    [Fact]
    public async Task A_job_still_running_when_the_hold_ends_is_polled_to_completion()
    {
        // The server holds 60 "seconds" as 200 ms, the job takes 600 ms: the held answer is 'processing'.
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(600), heldSecond: TimeSpan.FromMilliseconds(200.0 / 60));
        using var client = server.Client();
        var reports = new ListProgress<JobProgress>();

        var job = await client.SubmitAndWaitAsync(server.Model, new TestRequest("x"), reports);

        Assert.Equal("succeeded", job.Status);
        Assert.Equal(1, server.HeldAnswers);
        Assert.Equal("processing", server.FirstAnswerStatus);
        Assert.True(server.Polls >= 1);
        Assert.Equal("succeeded", reports.Items.Last().Status);
    }

    [Fact]
    public async Task A_pending_held_answers_progress_is_the_policys_first_reading()
    {
        // 200 ms hold of a 600 ms job: the held answer says 'processing' at 33 %; the wait's first pause is planned from it.
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(600), heldSecond: TimeSpan.FromMilliseconds(200.0 / 60), reportsProgress: true);
        var policy = new RecordingPolicy(new FixedIntervalPolicy(TimeSpan.FromMilliseconds(20)));
        using var client = server.Client(o => o.Waiting.PollingPolicy = policy);

        var job = await client.SubmitAndWaitAsync(server.Model, new TestRequest("x"));

        Assert.Equal("succeeded", job.Status);
        var first = policy.Contexts.First();
        Assert.Equal(0, first.PollCount);
        Assert.Equal(33, first.Progress);
        var reading = Assert.Single(first.Readings!);
        Assert.Equal(33, reading.Progress);
        Assert.True(reading.Elapsed >= TimeSpan.FromMilliseconds(150), $"read at {reading.Elapsed.TotalMilliseconds} ms of the job's age");
    }

    [Fact]
    public async Task A_job_that_fails_within_the_hold_throws_as_a_polled_one_does()
    {
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(50), finalStatus: "failed");
        using var client = server.Client();

        var error = await Assert.ThrowsAsync<JobFailedException>(() => client.SubmitAndWaitAsync(server.Model, new TestRequest("x")));

        Assert.Equal("failed", error.Job.Status);
        Assert.Equal(0, server.Polls);
    }

    [Theory]
    [InlineData(10.7, "wait=10")] // whole seconds, never past the wait's end
    [InlineData(1.0, "wait=1")]
    [InlineData(600.0, "wait=60")] // never past the provider's maximum
    public async Task The_hold_asked_for_is_the_providers_maximum_capped_by_MaxWait(double maxWaitSeconds, string expected)
    {
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(20));
        using var client = server.Client(o => o.Waiting.MaxWait = TimeSpan.FromSeconds(maxWaitSeconds));

        await client.SubmitAndWaitAsync(server.Model, new TestRequest("x"));

        Assert.Equal(expected, Assert.Single(server.Prefer));
    }

    [Fact]
    public async Task Less_than_a_second_of_MaxWait_asks_for_no_hold()
    {
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(20));
        using var client = server.Client(o => o.Waiting.MaxWait = TimeSpan.FromMilliseconds(900));

        await client.SubmitAndWaitAsync(server.Model, new TestRequest("x"));

        Assert.Null(Assert.Single(server.Prefer));
        Assert.True(server.Polls >= 1);
    }

    [Fact]
    public async Task A_callers_own_header_of_the_same_name_wins()
    {
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(20));
        using var client = server.Client();

        await client.SubmitAndWaitAsync(server.Model, new TestRequest("x"), new RequestOptions { Headers = new Dictionary<string, string> { ["prefer"] = "wait=5", ["X-Trace"] = "t1" } });

        Assert.Equal("wait=5", Assert.Single(server.Prefer));
        Assert.Equal("t1", Assert.Single(server.Trace));
    }

    [Fact]
    public async Task Plain_SubmitAsync_never_holds()
    {
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(20));
        using var client = server.Client();

        var handle = await client.SubmitAsync(server.Model, new TestRequest("x"));

        Assert.Equal("processing", handle.Status);
        Assert.Null(Assert.Single(server.Prefer));
        Assert.Equal(0, server.HeldAnswers);
    }

    [Fact]
    public async Task The_attempt_timeout_does_not_cut_a_held_submission_short()
    {
        // Each attempt may take 100 ms, the server holds 400 ms: the held attempt gets the hold on top of its timeout.
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(400));
        using var client = server.Client(o => o.RequestTimeout = TimeSpan.FromMilliseconds(100));

        var job = await client.SubmitAndWaitAsync(server.Model, new TestRequest("x"));

        Assert.Equal("succeeded", job.Status);
        Assert.Equal(0, server.Polls);
    }

    [Fact]
    public async Task The_wait_span_says_the_submission_was_held_and_counts_no_poll()
    {
        await using var server = await HoldingServer.StartAsync(jobTakes: TimeSpan.FromMilliseconds(20));
        using var client = server.Client();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProducerGenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("producergen.model"), server.Model.ModelId))
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await client.SubmitAndWaitAsync(server.Model, new TestRequest("x"));

        var wait = Assert.Single(spans, s => s.OperationName == "ProducerGen.Wait");
        Assert.Equal(true, wait.GetTagItem("producergen.wait.held"));
        Assert.Equal(0, wait.GetTagItem("producergen.wait.polls"));
        Assert.Equal(60, Assert.Single(spans, s => s.OperationName == "ProducerGen.Submit").GetTagItem("producergen.submit.hold_seconds"));
        Assert.DoesNotContain(spans, s => s.OperationName == "ProducerGen.Poll");
    }

    /// <summary>Replicate-like: <c>POST /v1/predictions</c> answers 201 once the job is done or the held seconds have passed.</summary>
    private sealed class HoldingServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, DateTimeOffset> _created = new();
        private int _polls;
        private int _held;

        private HoldingServer(WebApplication app) => _app = app;

        public required TimeSpan JobTakes { get; init; }

        public required TimeSpan HeldSecond { get; init; }

        public required string FinalStatus { get; init; }

        public bool ReportsProgress { get; init; }

        public ModelDescription Model { get; } = new("held-" + Guid.NewGuid().ToString("N")[..10], "POST", "/v1/predictions", TimeSpan.FromSeconds(2));

        public ConcurrentQueue<string?> Prefer { get; } = new();

        public ConcurrentQueue<string?> Trace { get; } = new();

        public int Polls => Volatile.Read(ref _polls);

        public int HeldAnswers => Volatile.Read(ref _held);

        public string? FirstAnswerStatus { get; private set; }

        public static async Task<HoldingServer> StartAsync(TimeSpan jobTakes, TimeSpan? heldSecond = null, string finalStatus = "succeeded", bool reportsProgress = false)
        {
            HoldingServer? server = null;
            var app = await LoopbackServer.StartAsync(context => server!.HandleAsync(context));
            server = new HoldingServer(app) { JobTakes = jobTakes, HeldSecond = heldSecond ?? TimeSpan.FromSeconds(1), FinalStatus = finalStatus, ReportsProgress = reportsProgress };
            return server;
        }

        public ProducerGenClient Client(Action<ProducerGenClientOptions>? configure = null)
        {
            var options = TestApi.Options(TimeProvider.System, o =>
            {
                o.BaseAddress = new Uri(_app.Urls.First());
                o.Retry.MaxRetries = 0;
                o.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(5);
                o.Waiting.PollingPolicy = new FixedIntervalPolicy(TimeSpan.FromMilliseconds(20));
                configure?.Invoke(o);
            });
            return new ProducerGenClient(Held, options);
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        private async Task HandleAsync(HttpContext context)
        {
            context.Response.ContentType = "application/json";
            if (HttpMethods.IsPost(context.Request.Method))
            {
                var prefer = context.Request.Headers["Prefer"].FirstOrDefault();
                Prefer.Enqueue(prefer);
                Trace.Enqueue(context.Request.Headers["X-Trace"].FirstOrDefault());
                var id = "p-" + Guid.NewGuid().ToString("N")[..8];
                var created = DateTimeOffset.UtcNow;
                _created[id] = created;
                var answeredAt = created;
                if (prefer is not null && prefer.StartsWith("wait=", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _held);
                    var hold = HeldSecond * int.Parse(prefer["wait=".Length..], System.Globalization.CultureInfo.InvariantCulture);
                    // Until the job is done or the hold ends, by the clock the status is read from (a timer may fire a little early).
                    var until = created + (JobTakes < hold ? JobTakes : hold);
                    while (DateTimeOffset.UtcNow < until)
                    {
                        await Task.Delay(until - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(1), context.RequestAborted);
                    }

                    // The answer is the job as of the moment the hold ended: on a loaded machine this continuation can run hundreds of
                    // milliseconds later (CI once saw a 200 ms hold of a 600 ms job answer 'succeeded'), which is not what the server chose.
                    answeredAt = until;
                }

                var status = StatusOf(id, answeredAt);
                FirstAnswerStatus ??= status;
                context.Response.StatusCode = StatusCodes.Status201Created;
                await context.Response.WriteAsync(Body(id, status, ProgressOf(id, answeredAt)));
                return;
            }

            Interlocked.Increment(ref _polls);
            var polled = context.Request.Path.Value!.Split('/').Last();
            var now = DateTimeOffset.UtcNow;
            await context.Response.WriteAsync(Body(polled, StatusOf(polled, now), ProgressOf(polled, now)));
        }

        private string StatusOf(string id, DateTimeOffset at) => at - _created[id] >= JobTakes ? FinalStatus : "processing";

        private int? ProgressOf(string id, DateTimeOffset at)
            => ReportsProgress ? (int)Math.Min(100, Math.Floor(100 * (at - _created[id]) / JobTakes)) : null;

        private static string Body(string id, string status, int? progress)
        {
            var result = status == "succeeded" ? """{"url":"https://files.test/out.png"}""" : "null";
            var error = status == "failed" ? "\"the model refused\"" : "null";
            var reported = progress is { } p ? $",\"progress\":{p}" : string.Empty;
            return $$"""{"id":"{{id}}","status":"{{status}}","result":{{result}},"error":{{error}}{{reported}}}""";
        }
    }
}
