using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Runtime.Tests;

public class SubmitTests
{
    [Fact]
    public async Task Submit_sends_json_post_with_auth_user_agent_and_idempotency_key()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted("b2c3", "QUEUED"));
        using var client = TestApi.Client(handler, time);

        var handle = await client.SubmitAsync(TestApi.Producer, new TestRequest("synthwave") { Weirdness = 0.35 });

        var request = Assert.Single(handler.RequestList);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.apiframe.test/v2/music/generate", request.Uri.ToString());
        Assert.Equal(TestApi.Key, request.Header("X-API-Key"));
        Assert.Matches(@"^ProducerGen/\d+\.\d+\.\d+\S*$", request.Header("User-Agent")); // sent as text, read back as the product token
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        var key = request.Header("Idempotency-Key");
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal(key, handle.IdempotencyKey);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("producer", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(0.35, body.RootElement.GetProperty("producerParams").GetProperty("weirdness").GetDouble());
        Assert.Equal("b2c3", handle.Id);
        Assert.Equal("QUEUED", handle.Status);
        Assert.Equal("producer", handle.ModelId);
        Assert.Equal(TimeSpan.FromSeconds(45), handle.AverageCompletion);
        Assert.Equal(time.GetUtcNow(), handle.SubmittedAt);
    }

    [Fact]
    public async Task Invalid_request_throws_before_any_byte_is_sent()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted());
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(
            () => client.SubmitAsync(TestApi.Producer, new TestRequest("") { Weirdness = 1.5 }));

        Assert.Empty(handler.Requests);
        Assert.Equal(["prompt", "producerParams.weirdness"], exception.Errors.Select(e => e.Path));
        Assert.Contains("must be between 0 and 1 (was 1.5)", exception.Message);
    }

    [Fact]
    public async Task Caller_idempotency_key_is_sent_and_validated()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted());
        using var client = TestApi.Client(handler, time);

        var handle = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { IdempotencyKey = "order-42" });
        Assert.Equal("order-42", handler.RequestList.Single().Header("Idempotency-Key"));
        Assert.Equal("order-42", handle.IdempotencyKey);

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { IdempotencyKey = new string('k', 256) }));
        Assert.Contains("at most 255 characters (was 256)", tooLong.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x"), new RequestOptions { IdempotencyKey = "has space" }));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Each_submission_gets_its_own_generated_key()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted());
        using var client = TestApi.Client(handler, time);

        var first = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));
        var second = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));

        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
        Assert.Equal(32, first.IdempotencyKey!.Length);
    }

    [Theory]
    [InlineData(202, """{"jobId":"j-1","status":"QUEUED"}""", "j-1", "QUEUED")]
    [InlineData(200, """{"jobId":"j-2","status":"COMPLETED"}""", "j-2", "COMPLETED")] // idempotent replay of a finished job
    [InlineData(200, """{"id":"j-3","status":"PROCESSING"}""", "j-3", "PROCESSING")] // the job object's id member
    [InlineData(201, """{"jobId":"j-4"}""", "j-4", "QUEUED")]
    [InlineData(202, """/* queued */ {"jobId":"j-5","status":"QUEUED"}""", "j-5", "QUEUED")] // comments are skipped
    [InlineData(202, """{"jobId":"j-6","status":"QUEUED"} and text after""", "j-6", "QUEUED")] // text after the object is ignored, as it always was
    public async Task Accepted_and_replayed_submissions_are_success(int status, string json, string id, string jobStatus)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json((HttpStatusCode)status, json));
        using var client = TestApi.Client(handler, time);

        var handle = await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));

        Assert.Equal(id, handle.Id);
        Assert.Equal(jobStatus, handle.Status);
    }

    [Theory]
    [InlineData("<html>502 bad gateway</html>")]
    [InlineData("""{"jobId":"j-1","sta""")]
    [InlineData("""{"status":"QUEUED"}""")]
    [InlineData("")]
    public async Task Malformed_success_bodies_give_a_typed_exception_with_the_raw_text(string body)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.Accepted, body, r => r.Headers.Add("x-request-id", "req-9")));
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));

        Assert.Equal(202, exception.StatusCode);
        Assert.Equal("req-9", exception.RequestId);
        Assert.Equal(body.Length == 0 ? null : body, exception.ResponseBody);
    }

    [Fact]
    public async Task Oversized_bodies_are_refused()
    {
        var time = TestApi.NewTime();
        var big = "{\"jobId\":\"" + new string('a', 2000) + "\"}";
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.Accepted, big));
        using var client = TestApi.Client(handler, time, o => o.MaxResponseBodyBytes = 1000);

        var exception = await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));
        Assert.Equal(1000, exception.Limit);
        Assert.Single(handler.Requests); // not retried
    }

    [Fact]
    public async Task Redirects_are_not_followed_and_say_so()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
            response.Headers.Location = new Uri("https://evil.example/collect");
            return response;
        });
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));
        Assert.Equal(307, exception.StatusCode);
        Assert.Contains("redirect to https://evil.example/collect was not followed", exception.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Base_address_path_prefix_is_kept()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted());
        using var client = TestApi.Client(handler, time, o => o.BaseAddress = new Uri("https://proxy.test/apiframe/"));

        await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));

        Assert.Equal("https://proxy.test/apiframe/v2/music/generate", handler.RequestList.Single().Uri.ToString());
    }

    [Fact]
    public async Task Job_ids_are_escaped_in_the_path()
    {
        // Ids holding '/' are refused now (JobIdTests); what is left is percent-escaped as one segment.
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("a b%2F..", "QUEUED"));
        using var client = TestApi.Client(handler, time);

        await client.Jobs.GetAsync("a b%2F..");

        Assert.Equal("/v2/jobs/a%20b%252F..", handler.RequestList.Single().Uri.AbsolutePath);
        Assert.Null(handler.RequestList.Single().Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Dispose_only_disposes_an_owned_http_client()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.JobJson("j", "QUEUED"));
        var http = new HttpClient(handler);
        var client = new ProducerGenClient(TestApi.Api, TestApi.Options(time), http);
        client.Dispose();

        using var response = await http.GetAsync(new Uri("https://api.apiframe.test/v2/jobs/j")); // still usable
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));
    }
}
