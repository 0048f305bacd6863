using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ProducerGen.Runtime.Tests;

/// <summary>A fake API on fake time: accepts one submission, then reports a job that progresses linearly and completes after <c>duration</c>.</summary>
public sealed class FakeJobServer
{
    private readonly TimeProvider _time;
    private DateTimeOffset _submittedAt;

    public FakeJobServer(TimeProvider time, TimeSpan duration)
    {
        _time = time;
        Duration = duration;
        _submittedAt = time.GetUtcNow();
        Handler = new FakeHttpHandler(Respond, time);
    }

    public TimeSpan Duration { get; }

    public FakeHttpHandler Handler { get; }

    public string FinalStatus { get; set; } = "COMPLETED";

    public Func<TimeSpan, string?>? StatusOverride { get; set; }

    public bool ReportProgress { get; set; } = true;

    public TimeSpan? RetryAfterOnPoll { get; set; }

    public ConcurrentQueue<DateTimeOffset> Polls { get; } = new();

    public DateTimeOffset CompletesAt => _submittedAt + Duration;

    private HttpResponseMessage Respond(RecordedRequest request)
    {
        if (request.Method == HttpMethod.Post)
        {
            _submittedAt = _time.GetUtcNow();
            return Responses.Accepted("job-1");
        }

        Polls.Enqueue(_time.GetUtcNow());
        var elapsed = _time.GetUtcNow() - _submittedAt;
        var done = elapsed >= Duration;
        var status = StatusOverride?.Invoke(elapsed) ?? (done ? FinalStatus : elapsed < TimeSpan.FromSeconds(3) ? "QUEUED" : "PROCESSING");
        int? progress = !ReportProgress ? null : done ? 100 : (int)(100 * elapsed / Duration);
        var created = _submittedAt.ToString("O", CultureInfo.InvariantCulture);
        var result = done ? """{"tracks":[{"audioUrl":"https://cdn.test/a.mp3","imageUrl":"https://cdn.test/a.jpg"}]}""" : "null";
        var json = $$"""{"id":"job-1","status":"{{status}}","model":"producer","progress":{{(progress?.ToString(CultureInfo.InvariantCulture) ?? "null")}},"error":null,"creditCost":5,"webhookStatus":null,"createdAt":"{{created}}","completedAt":null,"result":{{result}}}""";
        return Responses.Json(HttpStatusCode.OK, json, r =>
        {
            if (RetryAfterOnPoll is { } wait && !done)
            {
                r.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
            }
        });
    }
}
