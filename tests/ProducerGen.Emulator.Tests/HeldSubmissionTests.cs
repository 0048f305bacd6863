using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Emulator.Tests;

/// <summary>The emulator holds a submission that carries the schema's <c>api.jobs.hold</c> header (issue 20, target 3).</summary>
public sealed class HeldSubmissionTests
{
    private const string JobsGet = "    get: GET /v2/jobs/{id}";

    private static string Schema()
    {
        var yaml = ApiEmulator.DefaultSchemaYaml().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(JobsGet, yaml, StringComparison.Ordinal);
        return yaml.Replace(JobsGet, JobsGet + "\n    hold: { header: Prefer, value: \"wait={seconds}\", max: 60s }", StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostHeldAsync(TestEmulator t, string? prefer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v2/music/generate") { Content = new StringContent(TestEmulator.ProducerBody(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-API-Key", TestEmulator.Key);
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        return t.Http.SendAsync(request);
    }

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> AnswerAsync(TestEmulator t, Task<HttpResponseMessage> sending)
    {
        await t.AdvanceUntilAsync(() => sending.IsCompleted, TimeSpan.FromMilliseconds(250));
        var response = await sending;
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response, document.RootElement.Clone());
    }

    [Fact]
    public async Task A_job_done_within_the_hold_is_answered_with_its_terminal_body()
    {
        await using var t = await TestEmulator.StartAsync(o => { o.SchemaYaml = Schema(); o.JobDuration = TimeSpan.FromSeconds(4); });

        var sending = PostHeldAsync(t, "wait=10");
        await Task.Delay(50);
        Assert.False(sending.IsCompleted); // held: nothing answers before the emulator's clock moves

        var (response, body) = await AnswerAsync(t, sending);

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal("COMPLETED", body.GetProperty("status").GetString());
        Assert.Equal(1, t.Stats.HeldSubmissions);
        Assert.True(body.TryGetProperty("id", out _)); // the job as a poll answers it, not the short accepted answer
    }

    [Fact]
    public async Task A_timer_waking_before_the_jobs_end_does_not_answer_it_pending()
    {
        // The system timer runs at millisecond grain on another clock than GetUtcNow and can wake just before the end: the held
        // answer must still be the finished job (a loaded run of the Replicate end-to-end test counted a poll after its hold).
        await using var t = await TestEmulator.StartAsync(o => { o.SchemaYaml = Schema(); o.JobDuration = TimeSpan.FromSeconds(4); }, time => new EarlyTimers(time));

        var (_, body) = await AnswerAsync(t, PostHeldAsync(t, "wait=10"));

        Assert.Equal("COMPLETED", body.GetProperty("status").GetString());
        Assert.Equal(1, t.Stats.HeldSubmissions);
    }

    [Fact]
    public async Task A_job_longer_than_the_hold_is_answered_pending_when_the_hold_ends()
    {
        await using var t = await TestEmulator.StartAsync(o => { o.SchemaYaml = Schema(); o.JobDuration = TimeSpan.FromSeconds(30); });

        var (_, body) = await AnswerAsync(t, PostHeldAsync(t, "wait=2"));

        Assert.NotEqual("COMPLETED", body.GetProperty("status").GetString());
        Assert.True(t.Time.GetUtcNow() - TestEmulator.Start < TimeSpan.FromSeconds(10)); // answered at the hold's end, long before the job's
        Assert.Equal(1, t.Stats.HeldSubmissions);
    }

    [Fact]
    public async Task A_hold_longer_than_the_schemas_maximum_is_cut_to_it()
    {
        await using var t = await TestEmulator.StartAsync(o => { o.SchemaYaml = Schema(); o.JobDuration = TimeSpan.FromSeconds(600); });

        var (_, body) = await AnswerAsync(t, PostHeldAsync(t, "wait=500"));

        Assert.Equal("PROCESSING", body.GetProperty("status").GetString());
        Assert.InRange(t.Time.GetUtcNow() - TestEmulator.Start, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(61));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("respond-async")]
    [InlineData("wait=soon")]
    public async Task A_submission_without_the_hold_in_the_schemas_form_is_answered_at_once(string? prefer)
    {
        await using var t = await TestEmulator.StartAsync(o => { o.SchemaYaml = Schema(); o.JobDuration = TimeSpan.FromSeconds(4); });

        var response = await PostHeldAsync(t, prefer);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("QUEUED", document.RootElement.GetProperty("status").GetString());
        Assert.True(document.RootElement.TryGetProperty("jobId", out _));
        Assert.Equal(0, t.Stats.HeldSubmissions);
    }

    /// <summary>
    /// The fake clock, with every timer longer than <see cref="Early"/> waking that much early: a millisecond in life, 300 ms here so
    /// the test's 250 ms clock steps show it.
    /// </summary>
    private sealed class EarlyTimers(FakeTimeProvider time) : TimeProvider
    {
        private static readonly TimeSpan Early = TimeSpan.FromMilliseconds(300);

        public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

        public override long GetTimestamp() => time.GetTimestamp();

        public override long TimestampFrequency => time.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
            => time.CreateTimer(callback, state, dueTime > Early ? dueTime - Early : dueTime, period);
    }
}
