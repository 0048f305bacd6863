using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 15, item 1: the job's facts are read where the API's <see cref="JobShape"/> says, not at hard-coded members.</summary>
public class JobShapeTests
{
    private static readonly ModelDescription Model = new("m", "POST", "/v1/generate", null);

    [Fact]
    public void The_default_shape_reads_v1_jobs_as_before()
    {
        var job = Job.Parse("""{"id":"a","status":"PROCESSING","progress":"42.4","error":null,"result":{"x":1}}"""u8, TestApi.Api);
        Assert.Equal(("a", "PROCESSING", 42), (job.Id, job.Status, job.Progress));
        Assert.Equal(1, job.Result!.Value.GetProperty("x").GetInt32());
        Assert.Equal("a", job.Raw.GetProperty("id").GetString());
        Assert.Same(JobShape.Default, TestApi.Api.JobShape);
    }

    [Fact]
    public void Nested_paths_give_the_id_status_progress_result_and_error()
    {
        var api = ShapedApis.Create(new JobShape
        {
            IdPath = "data.taskId",
            StatusPath = "data.state",
            ProgressPath = "data.progress",
            ResultPath = "data.resultJson",
            ResultIsJsonText = true,
            ErrorPath = "data.failMsg",
            ErrorCodePath = "data.failCode",
        }, failed: ["fail"], succeeded: ["success"], pending: ["waiting"]);

        var failed = Job.Parse("""{"code":200,"data":{"taskId":"t1","state":"fail","failMsg":"nsfw","failCode":"422","progress":0.6}}"""u8, api);
        Assert.Equal(("t1", "fail", "nsfw", "422"), (failed.Id, failed.Status, failed.Error, failed.ErrorCode));
        Assert.True(failed.IsFailed);
        Assert.Equal(1, failed.Progress); // a percentage scale: 0.6 % rounds to 1

        var done = Job.Parse("""{"data":{"taskId":"t1","state":"success","resultJson":"{\"resultUrls\":[\"https://cdn.test/a.png\"]}"}}"""u8, api);
        Assert.True(done.IsSucceeded);
        Assert.Equal("https://cdn.test/a.png", done.Result!.Value.GetProperty("resultUrls")[0].GetString());
        Assert.Equal(new Uri("https://cdn.test/a.png"), Assert.Single(done.GetOutputUrls()));
    }

    [Theory]
    [InlineData(JobProgressScale.Fraction, "0.426", 43)]
    [InlineData(JobProgressScale.Fraction, "1", 100)]
    [InlineData(JobProgressScale.Fraction, "\"0.5\"", 50)]
    [InlineData(JobProgressScale.Percent, "\"42%\"", 42)]
    [InlineData(JobProgressScale.Percent, "\" 7 % \"", 7)]
    [InlineData(JobProgressScale.Percent, "250", 100)]
    [InlineData(JobProgressScale.Percent, "\"soon\"", null)]
    public void Progress_is_read_in_every_form_and_kept_within_0_to_100(JobProgressScale scale, string value, int? expected)
    {
        var api = ShapedApis.Create(new JobShape { ProgressScale = scale });
        var job = Job.Parse(Encoding.UTF8.GetBytes($$"""{"id":"a","status":"RUNNING","progress":{{value}}}"""), api);
        Assert.Equal(expected, job.Progress);
    }

    [Fact]
    public void A_progress_pattern_reads_the_last_percentage_of_a_log()
    {
        var api = ShapedApis.Create(new JobShape { ProgressPath = "logs", ProgressPattern = @"(\d+)%\|" });
        var job = Job.Parse("""{"id":"a","status":"RUNNING","logs":"Using seed 1\n 10%|█ | 1/10\n 30%|███ | 3/10\n"}"""u8, api);
        Assert.Equal(30, job.Progress);
        var none = Job.Parse("""{"id":"a","status":"RUNNING","logs":"loading weights"}"""u8, api);
        Assert.Null(none.Progress);
    }

    [Fact]
    public void A_boolean_status_is_read_as_its_text()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "name", StatusPath = "done", ResultPath = "response", ErrorPath = "error" }, jobPath: "/v1/{+id}", pending: ["false"], succeeded: ["true"], failed: []);
        var running = Job.Parse("""{"name":"operations/op-1","done":false}"""u8, api);
        Assert.True(running.IsPending);
        var done = Job.Parse("""{"name":"operations/op-1","done":true,"response":{"videos":[]}}"""u8, api);
        Assert.True(done.IsSucceeded);
    }

    [Fact]
    public void An_error_object_gives_its_message_and_code_and_fails_a_completed_job_where_the_api_says_so()
    {
        var api = ShapedApis.Create(new JobShape { ErrorFailsJob = true }, succeeded: ["COMPLETED"]);
        var job = Job.Parse("""{"id":"a","status":"COMPLETED","error":{"code":"moderation_blocked","message":"Blocked by moderation"}}"""u8, api);
        Assert.Equal(("Blocked by moderation", "moderation_blocked"), (job.Error, job.ErrorCode));
        Assert.True(job.IsFailed);
        Assert.False(job.IsSucceeded);
        Assert.False(job.IsPending);

        var clean = Job.Parse("""{"id":"a","status":"COMPLETED","error":null}"""u8, api);
        Assert.True(clean.IsSucceeded);
    }

    [Fact]
    public void Bad_paths_are_refused_when_the_description_is_built()
    {
        Assert.Throws<ArgumentException>(() => ShapedApis.Create(new JobShape { StatusPath = "data..state" }));
        Assert.Throws<ArgumentException>(() => ShapedApis.Create(new JobShape { ResultPath = "images[x]" }));
        Assert.Throws<ArgumentException>(() => ShapedApis.Create(new JobShape { ProgressPattern = "(unclosed" }));
        Assert.Throws<ArgumentException>(() => ShapedApis.Create(new JobShape { ResultRoute = "/v1/results" }));
    }

    [Fact]
    public async Task Submit_reads_a_nested_id_and_the_poll_reads_a_nested_status_through_the_shape()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "data.taskId", StatusPath = "data.state" }, jobPath: "/api/v1/jobs/recordInfo?taskId={id}", pending: ["waiting"], succeeded: ["success"], failed: ["fail"]);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.OK, """{"code":200,"msg":"success","data":{"taskId":"task 1/2"}}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"code":200,"data":{"taskId":"task 1/2","state":"success"}}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var handle = await client.SubmitAsync(Model, new TestRequest("x"));
        Assert.Equal(("task 1/2", "waiting"), (handle.Id, handle.Status));
        var job = await client.Jobs.GetAsync(handle.Id);
        Assert.True(job.IsSucceeded);
        Assert.Equal("/api/v1/jobs/recordInfo?taskId=task%201%2F2", handler.RequestList[1].Uri.PathAndQuery);
    }

    [Fact]
    public async Task A_poll_body_without_the_id_is_the_job_asked_for_but_another_id_is_refused()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "request_id" }, pending: ["IN_QUEUE"], succeeded: ["COMPLETED"]);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.OK, """{"status":"IN_QUEUE","queue_position":0}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"request_id":"other","status":"COMPLETED"}"""));
        using var client = ShapedApis.Client(api, handler, time);

        Assert.Equal("r1", (await client.Jobs.GetAsync("r1")).Id);
        await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Jobs.GetAsync("r1"));
    }

    [Fact]
    public async Task Links_from_the_submit_answer_are_polled_and_the_result_is_read_from_the_result_link()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "request_id", StatusUrlPath = "status_url", ResultUrlPath = "response_url", ResultPath = "$" }, jobPath: "/fal-ai/flux/requests/{id}/status", pending: ["IN_QUEUE", "IN_PROGRESS"], succeeded: ["COMPLETED"]);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.OK, """{"request_id":"r1","status_url":"https://api.shaped.test/fal-ai/flux/requests/r1/status","response_url":"https://api.shaped.test/fal-ai/flux/requests/r1"}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"status":"COMPLETED"}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"images":[{"url":"https://cdn.test/1.jpg"}],"seed":7}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var handle = await client.SubmitAsync(Model, new TestRequest("x"));
        var job = await time.DriveAsync(client.Jobs.WaitAsync(handle), limit: TimeSpan.FromMinutes(5));

        Assert.Equal(["/v1/generate", "/fal-ai/flux/requests/r1/status", "/fal-ai/flux/requests/r1"], handler.RequestList.Select(r => r.Uri.AbsolutePath));
        Assert.Equal(7, job.Result!.Value.GetProperty("seed").GetInt32());
        Assert.Equal(new Uri("https://cdn.test/1.jpg"), Assert.Single(job.GetOutputUrls()));
    }

    [Fact]
    public async Task A_link_to_another_host_is_refused_so_the_key_never_goes_there()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "request_id", StatusUrlPath = "status_url" });
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, """{"request_id":"r1","status_url":"https://evil.test/steal"}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAsync(Model, new TestRequest("x")));
        Assert.Contains("another host", error.Message);
        Assert.Single(handler.RequestList);
    }

    [Fact]
    public async Task A_content_endpoint_gives_one_output_url_per_variant_once_the_job_succeeded()
    {
        var api = ShapedApis.Create(new JobShape { ResultPath = null, ContentRoute = "/v1/videos/{id}/content", ContentVariantParameter = "variant", ContentVariants = ["video", "thumbnail"] }, jobPath: "/v1/videos/{id}", pending: ["queued", "in_progress"], succeeded: ["completed"], failed: ["failed"]);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.OK, """{"id":"video_1","status":"in_progress","progress":40}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"id":"video_1","status":"completed","progress":100}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var running = await client.Jobs.GetAsync("video_1");
        Assert.Empty(running.GetOutputUrls());
        var done = await client.Jobs.GetAsync("video_1");
        Assert.Equal(
            ["https://api.shaped.test/v1/videos/video_1/content?variant=video", "https://api.shaped.test/v1/videos/video_1/content?variant=thumbnail"],
            done.GetOutputUrls().Select(u => u.AbsoluteUri));
    }

    [Fact]
    public async Task The_status_may_be_the_polls_http_status()
    {
        var api = ShapedApis.Create(new JobShape { StatusSource = JobStatusSource.HttpStatus, ResultPath = "$" }, pending: ["202"], succeeded: ["200"], failed: []);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.Accepted, """{"id":"g1","status":"in-progress"}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"id":"g1","image":"https://cdn.test/g1.png"}"""));
        using var client = ShapedApis.Client(api, handler, time);

        Assert.True((await client.Jobs.GetAsync("g1")).IsPending);
        var done = await client.Jobs.GetAsync("g1");
        Assert.Equal("200", done.Status);
        Assert.True(done.IsSucceeded);
    }

    [Fact]
    public async Task An_id_with_slashes_is_kept_in_a_reserved_placeholder_but_dot_segments_are_refused()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "name", StatusPath = "done" }, jobPath: "/v1beta/{+id}", pending: ["false"], succeeded: ["true"], failed: []);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, """{"name":"models/veo/operations/a b","done":true}"""));
        using var client = ShapedApis.Client(api, handler, time);

        await client.Jobs.GetAsync("models/veo/operations/a b");
        Assert.Equal("/v1beta/models/veo/operations/a%20b", handler.RequestList[0].Uri.AbsolutePath);
        Assert.Throws<ArgumentException>(() => { _ = client.Jobs.GetAsync("models/../admin"); });
        Assert.Throws<ArgumentException>(() => { _ = client.Jobs.GetAsync("models//x"); });
        Assert.Single(handler.RequestList);
    }
    [Theory]
    [InlineData("1712697600", 1712697600000L)]
    [InlineData("1698765400000", 1698765400000L)]
    [InlineData("\"2023-11-16T11:46:16Z\"", 1700135176000L)]
    [InlineData("\"2023-11-16 11:46:16\"", 1700135176000L)]
    [InlineData("-5", null)]
    [InlineData("1e300", null)]
    [InlineData("\"yesterday\"", null)]
    public void Times_are_read_as_iso_text_unix_seconds_or_unix_milliseconds(string value, long? expectedMilliseconds)
    {
        var api = ShapedApis.Create(new JobShape { ModelPath = "meta.model", CreatedAtPath = "meta.created" });
        var job = Job.Parse(Encoding.UTF8.GetBytes($$$"""{"id":"a","status":"RUNNING","meta":{"model":"m-1","created":{{{value}}}}}"""), api);

        Assert.Equal("m-1", job.Model);
        Assert.Equal(expectedMilliseconds, job.CreatedAt?.ToUnixTimeMilliseconds());
    }
    [Fact]
    public async Task A_link_that_echoes_the_key_never_puts_it_in_an_error_message()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "request_id", StatusUrlPath = "status_url" });
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.OK, $$"""{"request_id":"r1","status_url":"https://api.shaped.test/poll/r1?token={{TestApi.Key}}"}"""),
            () => Responses.Status(404, """{"error":"gone"}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var handle = await client.SubmitAsync(Model, new TestRequest("x"));
        var error = await Assert.ThrowsAsync<NotFoundException>(() => time.DriveAsync(client.Jobs.WaitAsync(handle), limit: TimeSpan.FromMinutes(5)));

        Assert.Contains("/poll/r1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApi.Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_at_a_handed_over_link_that_answers_another_jobs_id_is_refused()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "request_id", StatusUrlPath = "status_url" }, succeeded: ["COMPLETED"]);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Json(HttpStatusCode.OK, """{"request_id":"mine","status_url":"https://api.shaped.test/requests/mine/status"}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"request_id":"someone-elses","status":"COMPLETED"}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var handle = await client.SubmitAsync(Model, new TestRequest("x"));

        var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => time.DriveAsync(client.Jobs.WaitAsync(handle), limit: TimeSpan.FromMinutes(5)));
        Assert.Contains("another job", error.Message, StringComparison.Ordinal);
    }
}
