using System;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// How a submit's accepted answer is read: the id, status and links come out the same whatever the member order, escapes,
/// duplicates (the last one wins, as <see cref="System.Text.Json.JsonElement.TryGetProperty(string, out System.Text.Json.JsonElement)"/>
/// has it) or other members around them, and a body that is not JSON, not an object or without an id is refused as before.
/// </summary>
public class AcceptedAnswerTests
{
    private static readonly ModelDescription Model = new("m", "POST", "/v1/generate", null);

    [Theory]
    [InlineData("""{"status":"PROCESSING","jobId":"j-1"}""", "j-1", "PROCESSING")] // members in any order
    [InlineData("""{"job\u0049d":"j-2","st\u0061tus":"QUEUED"}""", "j-2", "QUEUED")] // escaped names
    [InlineData("""{"jobId":"j\u002D3","status":"QUEUED"}""", "j-3", "QUEUED")] // an escaped value
    [InlineData("""{"jobId":"first","jobId":"last","status":"QUEUED","status":"PROCESSING"}""", "last", "PROCESSING")] // the last duplicate wins
    [InlineData("""{"jobId":"a","jobId":null,"id":"b"}""", "b", "QUEUED")] // a later null hides the earlier value
    [InlineData("""{"jobId":null,"id":"j-6"}""", "j-6", "QUEUED")] // the next id member, the first pending status
    [InlineData("""{"jobId":123,"status":3}""", "123", "3")] // numbers as their JSON text
    [InlineData("""{"jobId":1.50e3,"status":true}""", "1.50e3", "true")]
    [InlineData("""{"jobId":{"v":1},"id":"j-9","status":["x"]}""", "j-9", "QUEUED")] // an object or array is no text
    [InlineData("""{"meta":{"jobId":"inner","list":[{"status":"x"}]},"jobId":"outer","status":"QUEUED","tail":[[],{}]}""", "outer", "QUEUED")] // nested members of the same name are not the root's
    [InlineData(" \n{ \"jobId\" : \"j-11\" , /* c */ \"status\" : \"QUEUED\" }\n ", "j-11", "QUEUED")] // whitespace and comments
    [InlineData("""{"jobId":"j-12"}{"jobId":"second"}""", "j-12", "QUEUED")] // only the first value counts, as before
    public async Task Accepted_answers_are_read_whatever_their_layout(string json, string id, string status)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.Accepted, json));
        using var client = TestApi.Client(handler, time);

        var handle = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));

        Assert.Equal((id, status), (handle.Id, handle.Status));
    }

    [Theory]
    [InlineData("{\"jobId\":\"j-1\",\"status\":\"QUEU", "not valid JSON")] // truncated
    [InlineData("{\"jobId\":\"j-1\",\"status\":\"QUEUED\"", "not valid JSON")] // truncated after a value
    [InlineData("""{"jobId":"j-1","extra":[1,2}""", "not valid JSON")] // broken after the id
    [InlineData("""{"jobId":"j-1",}""", "not valid JSON")]
    [InlineData("""{"extra":{"a":1,"b":}, "jobId":"j-1"}""", "not valid JSON")] // broken before the id
    [InlineData("""[{"jobId":"j-1"}]""", "has no 'jobId'")] // not an object
    [InlineData("\"j-1\"", "has no 'jobId'")]
    [InlineData("""{"jobId":"   ","status":"QUEUED"}""", "has no 'jobId'")] // blank
    [InlineData("""{"data":{"jobId":"j-1"}}""", "has no 'jobId'")] // not at the root
    [InlineData("""{"jobId":"..","status":"QUEUED"}""", "cannot name a job")]
    public async Task Unreadable_accepted_answers_are_refused_with_the_raw_text(string json, string reason)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.Accepted, json));
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Equal(json, exception.ResponseBody);
    }

    [Theory]
    [InlineData("""{"code":200,"data":{"state":"running","taskId":"t1"}}""", "t1", "running")]
    [InlineData("""{"data":{"taskId":"old"},"data":{"taskId":"new","state":"running"}}""", "new", "running")] // the last "data" wins
    [InlineData("""{"taskId":"root","data":{"inner":{"taskId":"deep"},"taskId":"t3"},"state":"x"}""", "t3", "waiting")] // only data.taskId, data.state
    [InlineData("""{"data":{"taskId":"t4","state":null}}""", "t4", "waiting")] // a null status is the first pending one
    [InlineData("""{"d\u0061ta":{"task\u0049d":"t5"}}""", "t5", "waiting")]
    public async Task Nested_paths_are_read_whatever_the_layout(string json, string id, string status)
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "data.taskId", StatusPath = "data.state" }, pending: ["waiting"], succeeded: ["success"], failed: ["fail"]);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, json));
        using var client = ShapedApis.Client(api, handler, time);

        var handle = await client.SubmitAsync(Model, new TestRequest("x"));

        Assert.Equal((id, status), (handle.Id, handle.Status));
    }

    [Theory]
    [InlineData("""{"data":{"taskId":"old"},"data":{"other":1}}""")] // the last "data" has no id
    [InlineData("""{"data":{"taskId":"old"},"data":null}""")]
    [InlineData("""{"data":{"taskId":"old"},"data":"text"}""")]
    [InlineData("""{"data":[{"taskId":"t"}]}""")]
    public async Task A_nested_id_hidden_by_a_later_member_is_missing(string json)
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "data.taskId", StatusPath = "data.state" }, pending: ["waiting"], succeeded: ["success"], failed: ["fail"]);
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, json));
        using var client = ShapedApis.Client(api, handler, time);

        var exception = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAsync(Model, new TestRequest("x")));

        Assert.Contains("has no 'data.taskId'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indexed_paths_and_links_are_read_from_the_answer()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "data[1].id", StatusPath = "state", StatusUrlPath = "links.status", ResultUrlPath = "links.result" });
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, """{"links":{"result":"https://api.shaped.test/r/b","status":"https://api.shaped.test/s/b"},"data":[{"id":"a"},{"id":"b"}],"state":"RUNNING"}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var handle = await client.SubmitAsync(Model, new TestRequest("x"));

        Assert.Equal(("b", "RUNNING"), (handle.Id, handle.Status));
        Assert.Equal(new Uri("https://api.shaped.test/s/b"), handle.StatusUrl);
        Assert.Equal(new Uri("https://api.shaped.test/r/b"), handle.ResultUrl);
    }

    [Theory]
    [InlineData("""{"id":"b","links":{"status":"https://api.shaped.test/s/b"},"links":{"result":"https://api.shaped.test/r/b"}}""", null, "https://api.shaped.test/r/b")] // the last "links" wins
    [InlineData("""{"links":{"status":"https://api.shaped.test/s/b","status":"ftp://api.shaped.test/s/b"},"id":"b"}""", null, null)] // not http(s): no link
    [InlineData("""{"id":"b","links":{"st\u0061tus":"https://api.shaped.test/s/b"}}""", "https://api.shaped.test/s/b", null)]
    public async Task Links_follow_the_same_rules(string json, string? statusUrl, string? resultUrl)
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "id", StatusUrlPath = "links.status", ResultUrlPath = "links.result" });
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, json));
        using var client = ShapedApis.Client(api, handler, time);

        var handle = await client.SubmitAsync(Model, new TestRequest("x"));

        Assert.Equal(statusUrl, handle.StatusUrl?.ToString());
        Assert.Equal(resultUrl, handle.ResultUrl?.ToString());
    }

    [Fact]
    public async Task A_link_to_another_host_is_refused()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "id", StatusUrlPath = "links.status" });
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, """{"id":"b","links":{"status":"https://elsewhere.test/s/b"}}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var exception = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAsync(Model, new TestRequest("x")));

        Assert.Contains("another host", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"QUEUED","jobId":"j-1"}""", true)]
    [InlineData("""{"data":{"jobId":"j-1"}}""", true)] // read off the bytes, found missing: the caller then parses for the error
    [InlineData("""{"jobId":"j-1","status":"QUEUED"} and text after""", true)]
    [InlineData("""{"jobId":"j-1","status":"QUEU""", false)]
    [InlineData("""{"jobId":"j-1","extra":[1,2}""", false)]
    [InlineData("""[{"jobId":"j-1"}]""", false)]
    [InlineData("", false)]
    public void The_usual_answer_is_read_off_its_bytes_and_anything_doubtful_is_left_to_the_document(string json, bool scanned)
    {
        Assert.Equal(scanned, TestApi.Api.JobReader.TryReadAccepted(System.Text.Encoding.UTF8.GetBytes(json), out _, out _, out _, out _));
    }

    [Fact]
    public void A_shape_with_an_indexed_path_is_left_to_the_document()
    {
        var api = ShapedApis.Create(new JobShape { IdPath = "data[1].id" });
        Assert.False(api.JobReader.TryReadAccepted("""{"data":[{"id":"a"},{"id":"b"}]}"""u8, out _, out _, out _, out _));
        var nested = ShapedApis.Create(new JobShape { IdPath = "data.taskId", StatusPath = "data.state", StatusUrlPath = "links.status" });
        Assert.True(nested.JobReader.TryReadAccepted("""{"links":{"status":"https://a.test/s"},"data":{"state":"s","taskId":"t"}}"""u8, out var id, out var status, out var statusUrl, out var resultUrl));
        Assert.Equal(("t", "s", "https://a.test/s", (string?)null), (id, status, statusUrl, resultUrl));
    }
}
