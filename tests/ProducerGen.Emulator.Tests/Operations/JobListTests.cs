using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>GET /v2/jobs: the caller's jobs newest first, filtered, across cursor pages.</summary>
public sealed class JobListTests
{
    private static async Task<List<string>> SubmitMixAsync(TestEmulator t)
    {
        // Oldest first: producer, suno, producer, suno, producer, one second apart.
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var model = i % 2 == 0 ? "producer" : "suno";
            ids.Add(await t.SubmitAsync(JsonSerializer.Serialize(new { prompt = $"track number {i} with a warm bassline", model })));
            t.Time.Advance(TimeSpan.FromSeconds(1));
        }

        return ids;
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first_across_pages_without_their_input()
    {
        await using var t = await Ops.StartAsync();
        var ids = await SubmitMixAsync(t);
        t.Emulator.SetApiKey(new EmulatorApiKey("afk_someone_else_entirely"));
        var other = await t.SubmitAsync(TestEmulator.ProducerBody(), key: "afk_someone_else_entirely");

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (status, page) = await t.SendAsync(HttpMethod.Get, "v2/jobs?limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(200, status);
            pages++;
            var jobs = page.GetProperty("jobs").EnumerateArray().ToList();
            Assert.All(jobs, j => Assert.False(j.TryGetProperty("input", out _)));
            Assert.All(jobs, j => Assert.True(j.TryGetProperty("creditCost", out _)));
            seen.AddRange(jobs.Select(j => j.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            Assert.Equal(cursor is not null, page.GetProperty("hasMore").GetBoolean());
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.DoesNotContain(other, seen);
    }

    [Fact]
    public async Task Status_model_and_search_filter_the_listing()
    {
        await using var t = await Ops.StartAsync();
        var ids = await SubmitMixAsync(t);
        var (_, suno) = await t.SendAsync(HttpMethod.Get, "v2/jobs?model=suno");
        Assert.Equal(new[] { ids[3], ids[1] }, suno.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()));

        t.Time.Advance(TimeSpan.FromSeconds(40)); // the producer jobs (45 s) are done only for the oldest; suno has no averageCompletion (30 s)
        var completed = ids.Where(id => t.Emulator.GetJobStatus(Guid.Parse(id)) == "COMPLETED").ToList();
        Assert.NotEmpty(completed);
        Assert.NotEqual(ids.Count, completed.Count);
        var (_, done) = await t.SendAsync(HttpMethod.Get, "v2/jobs?status=COMPLETED");
        var listed = done.GetProperty("jobs").EnumerateArray().ToList();
        Assert.All(listed, j => Assert.Equal("COMPLETED", j.GetProperty("status").GetString()));
        Assert.Equal(completed.OrderBy(x => x), listed.Select(j => j.GetProperty("id").GetString()).OrderBy(x => x));

        var (_, found) = await t.SendAsync(HttpMethod.Get, $"v2/jobs?search={ids[2]}&scope=team");
        Assert.Equal(ids[2], Assert.Single(found.GetProperty("jobs").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, found.GetProperty("nextCursor").ValueKind);
        Assert.False(found.GetProperty("hasMore").GetBoolean());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=bm9wZQ", "cursor")]
    [InlineData("status=DONE", "status")]
    [InlineData("search=42", "search")]
    [InlineData("scope=everyone", "scope")]
    public async Task A_bad_query_is_400_naming_the_parameter(string query, string name)
    {
        await using var t = await Ops.StartAsync();
        await SubmitMixAsync(t);
        var (status, body) = await t.SendAsync(HttpMethod.Get, "v2/jobs?" + query);
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("details").TryGetProperty(name, out _), body.ToString());
    }
}
