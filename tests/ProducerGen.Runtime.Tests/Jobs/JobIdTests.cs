using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 14, item 9: a job id becomes one URL path segment, so ids that would change the path are refused before any request.</summary>
public class JobIdTests
{
    public static TheoryData<string> UnusableIds => new()
    {
        "..",
        ".",
        string.Empty,
        "   ",
        "a/b",
        "../v2/music/generate",
        "a\\b",
        "job?x=1",
        "job#frag",
        "job\r\nX-Injected: 1",
        "job\u0000",
        "job\u007f",
    };

    [Theory]
    [MemberData(nameof(UnusableIds))]
    public async Task Unusable_job_ids_are_refused_before_any_request(string id)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("x", "COMPLETED"));
        using var client = TestApi.Client(handler, time);

        var get = await Assert.ThrowsAsync<ArgumentException>(() => client.Jobs.GetAsync(id));
        var wait = Assert.Throws<ArgumentException>(() => { _ = client.Jobs.WaitAsync(id); }); // synchronously, at the call
        var waitHandle = Assert.Throws<ArgumentException>(() => { _ = client.Jobs.WaitAsync(new JobHandle(id, "QUEUED", "producer", "k", null)); });

        Assert.Empty(handler.Requests);
        Assert.Equal("id", get.ParamName);
        Assert.Equal("job", waitHandle.ParamName);
        Assert.Contains("URL path", wait.Message);
        Assert.DoesNotContain(wait.Message, char.IsControl);
    }

    [Fact]
    public async Task A_submission_answered_with_a_dot_segment_job_id_is_an_unexpected_response_not_a_poll_of_another_path()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted(".."));
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")));

        Assert.Single(handler.Requests); // the POST only: no GET /v2/
        Assert.Contains("URL path", exception.Message);
        Assert.Equal(handler.RequestList.Single().Header("Idempotency-Key"), exception.IdempotencyKey);
    }

    [Fact]
    public async Task Dots_inside_an_id_are_kept_in_its_own_segment()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("...", "COMPLETED"));
        using var client = TestApi.Client(handler, time);

        await client.Jobs.GetAsync("...");

        Assert.Equal("/v2/jobs/...", handler.RequestList.Single().Uri.AbsolutePath);
    }
}
