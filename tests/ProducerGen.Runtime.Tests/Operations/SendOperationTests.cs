using System;
using System.Linq;
using System.Net;
using System.Text.Json;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 17: plain operations — path, auth, body by method, query, statuses, typed errors, retries, idempotency.</summary>
public sealed class SendOperationTests
{
    private static (ProducerGenClient Client, FakeHttpHandler Handler, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time) Start(params Func<HttpResponseMessage>[] responses)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, responses);
        return (TestApi.Client(handler, time), handler, time);
    }

    [Theory]
    [InlineData("a b", "/v2/loras/a%20b")]
    [InlineData("a/b", "/v2/loras/a%2Fb")]
    [InlineData("x?y#z", "/v2/loras/x%3Fy%23z")]
    public async Task A_path_value_is_escaped_as_one_segment(string id, string path)
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await client.SendOperationAsync(Ops.Get, [id], null);
        }

        Assert.Equal(path, Assert.Single(handler.RequestList).Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_reserved_path_value_keeps_its_slashes_and_escapes_each_segment()
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await client.SendOperationAsync(Ops.Files, ["dir one/a?.png"], null);
        }

        Assert.Equal("/v2/files/dir%20one/a%3F.png", Assert.Single(handler.RequestList).Uri.AbsolutePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(null)]
    public async Task An_empty_or_dot_path_value_is_refused_before_anything_is_sent(string? id)
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => client.SendOperationAsync(Ops.Get, [id!], null));
            await Assert.ThrowsAsync<ArgumentException>(() => client.SendOperationAsync(Ops.Files, ["a/../b"], null));
            await Assert.ThrowsAsync<ArgumentException>(() => client.SendOperationAsync(Ops.Get, ["a", "b"], null));
            await Assert.ThrowsAsync<ArgumentException>(() => client.SendOperationAsync(Ops.Get, [], null));
        }

        Assert.Empty(handler.RequestList);
    }

    [Fact]
    public async Task An_unauthenticated_operation_sends_no_key_header_and_an_authenticated_one_does()
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await client.SendOperationAsync(Ops.Catalog, [], null);
            await client.SendOperationAsync(Ops.Get, ["l1"], null);
        }

        Assert.Null(handler.RequestList[0].Header("X-API-Key"));
        Assert.Equal(TestApi.Key, handler.RequestList[1].Header("X-API-Key"));
    }

    [Fact]
    public async Task Get_and_delete_send_no_body_and_post_sends_the_request_as_json()
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await client.SendOperationAsync(Ops.Get, ["l1"], new TestRequest("ignored"));
            await client.SendOperationAsync(Ops.Delete, ["l1"], new TestRequest("ignored"));
            await client.SendOperationAsync(Ops.Rename, ["l1"], new TestRequest("new name"));
            await client.SendOperationAsync(Ops.Rename, ["l1"], null);
        }

        var requests = handler.RequestList;
        Assert.Null(requests[0].Body);
        Assert.Equal(HttpMethod.Delete, requests[1].Method);
        Assert.Null(requests[1].Body);
        Assert.Equal("""{"model":"producer","prompt":"new name"}""", requests[2].BodyText);
        Assert.StartsWith("application/json", requests[2].Header("Content-Type"), StringComparison.Ordinal);
        Assert.Null(requests[3].Body);
    }

    [Fact]
    public async Task A_multipart_request_is_sent_as_multipart()
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.Accepted, """{"id":"l1","status":"PENDING"}"""));
        using (client)
        {
            var request = new UploadRequest();
            request.Images.Add(FileUpload.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2 }, "a.png"));
            await client.SendOperationAsync(Ops.Train, [], request);
        }

        var sent = Assert.Single(handler.RequestList);
        Assert.StartsWith("multipart/form-data; boundary=", sent.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("name=\"images\"; filename=\"a.png\"", sent.BodyText, StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/png", sent.BodyText, StringComparison.Ordinal); // sniffed: the upload declared octet-stream
    }

    [Fact]
    public async Task Query_members_of_the_request_are_sent()
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await client.SendOperationAsync(Ops.List, [], new FilterRequest { Status = "READY & done" });
        }

        Assert.Equal("?status=READY%20%26%20done", Assert.Single(handler.RequestList).Uri.Query);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_anything_is_sent()
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.SendOperationAsync(Ops.List, [], new FilterRequest { Limit = 500 }));
            Assert.Equal("limit", Assert.Single(error.Errors).Path);
        }

        Assert.Empty(handler.RequestList);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    public async Task Any_2xx_is_an_answer_when_none_is_listed(int status)
    {
        var (client, _, _) = Start(() => Responses.Json((HttpStatusCode)status, """{"id":"l1"}""", r => r.Headers.Add("x-request-id", "req-9")));
        using (client)
        {
            var answer = await client.SendOperationAsync(Ops.Get, ["l1"], null);
            Assert.Equal(status, answer.StatusCode);
            Assert.Equal("l1", answer.Body!.Value.GetProperty("id").GetString());
            Assert.Equal("req-9", answer.RequestId);
        }
    }

    [Fact]
    public async Task A_204_has_no_body()
    {
        var (client, _, _) = Start(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        using (client)
        {
            var answer = await client.SendOperationAsync(Ops.Delete, ["l1"], null);
            Assert.Equal(204, answer.StatusCode);
            Assert.Null(answer.Body);
        }
    }

    [Fact]
    public async Task A_2xx_the_operation_does_not_list_is_unexpected()
    {
        var (client, _, _) = Start(() => Responses.Json(HttpStatusCode.OK, """{"id":"l1"}"""));
        using (client)
        {
            var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SendOperationAsync(Ops.Train, [], null));
            Assert.Contains("lorasTrain", error.Message, StringComparison.Ordinal);
            Assert.Contains("202", error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.IdempotencyKey);
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unexpected()
    {
        var (client, _, _) = Start(() => Responses.Text(HttpStatusCode.OK, "<html>hello</html>"));
        using (client)
        {
            await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SendOperationAsync(Ops.Get, ["l1"], null));
        }
    }

    [Theory]
    [InlineData(401, typeof(AuthenticationException))]
    [InlineData(402, typeof(InsufficientCreditsException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(409, typeof(ConflictException))]
    [InlineData(400, typeof(ApiValidationException))]
    public async Task Error_statuses_are_typed(int status, Type expected)
    {
        var (client, handler, _) = Start(() => Responses.Status(status));
        using (client)
        {
            var error = await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.SendOperationAsync(Ops.Get, ["l1"], null));
            Assert.IsType(expected, error);
            Assert.Equal(status, error.StatusCode);
            Assert.Contains("lorasGet", error.Message, StringComparison.Ordinal);
        }

        Assert.Single(handler.RequestList); // never retried
    }

    [Fact]
    public async Task A_delete_is_retried_after_a_503()
    {
        var (client, handler, time) = Start(() => Responses.Status(503), () => new HttpResponseMessage(HttpStatusCode.NoContent));
        using (client)
        {
            var answer = await time.DriveAsync(client.SendOperationAsync(Ops.Delete, ["l1"], null));
            Assert.Equal(204, answer.StatusCode);
        }

        Assert.Equal(2, handler.RequestList.Count);
    }

    [Fact]
    public async Task A_delete_is_retried_after_a_500_but_a_keyless_post_is_not()
    {
        var (client, handler, time) = Start(() => Responses.Status(500), () => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await time.DriveAsync(client.SendOperationAsync(Ops.Delete, ["l1"], null));
            Assert.Equal(2, handler.RequestList.Count);
        }

        var (post, postHandler, postTime) = Start(() => Responses.Status(500), () => Responses.Json(HttpStatusCode.OK, "{}"));
        using (post)
        {
            await Assert.ThrowsAsync<ServerErrorException>(() => postTime.DriveAsync(post.SendOperationAsync(Ops.Rename, ["l1"], new TestRequest("x"))));
        }

        var only = Assert.Single(postHandler.RequestList);
        Assert.Null(only.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_post_with_an_idempotency_key_is_retried_with_the_same_key()
    {
        var (client, handler, time) = Start(() => Responses.Status(500), () => Responses.Json(HttpStatusCode.Accepted, "{}"));
        using (client)
        {
            await time.DriveAsync(client.SendOperationAsync(Ops.Train, [], null, new RequestOptions { IdempotencyKey = "train-1" }));
        }

        Assert.Equal(["train-1", "train-1"], handler.RequestList.Select(r => r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task Retry_rules_can_be_given_by_the_schema()
    {
        var idempotent = new OperationDescription("upsert", "POST", "/v2/things", retry: OperationRetry.Idempotent);
        var safeOnly = new OperationDescription("purge", "DELETE", "/v2/things", retry: OperationRetry.SafeOnly);

        var (client, handler, time) = Start(() => Responses.Status(500), () => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await time.DriveAsync(client.SendOperationAsync(idempotent, [], new TestRequest("x")));
        }

        Assert.Equal(2, handler.RequestList.Count);

        var (other, otherHandler, otherTime) = Start(() => Responses.Status(500), () => Responses.Json(HttpStatusCode.OK, "{}"));
        using (other)
        {
            await Assert.ThrowsAsync<ServerErrorException>(() => otherTime.DriveAsync(other.SendOperationAsync(safeOnly, [], null)));
        }

        Assert.Single(otherHandler.RequestList);
    }

    [Fact]
    public async Task An_idempotency_key_for_an_operation_that_sends_none_is_refused()
    {
        var (client, handler, _) = Start(() => Responses.Json(HttpStatusCode.Accepted, "{}"));
        using (client)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => client.SendOperationAsync(Ops.Rename, ["l1"], null, new RequestOptions { IdempotencyKey = "k" }));
            await client.SendOperationAsync(Ops.Train, [], null);
        }

        var sent = Assert.Single(handler.RequestList);
        Assert.False(string.IsNullOrEmpty(sent.Header("Idempotency-Key"))); // generated
    }

    [Fact]
    public async Task A_failed_operation_carries_its_idempotency_key()
    {
        var (client, _, _) = Start(() => Responses.Status(409));
        using (client)
        {
            var error = await Assert.ThrowsAsync<ConflictException>(() => client.SendOperationAsync(Ops.Train, [], null, new RequestOptions { IdempotencyKey = "train-2" }));
            Assert.Equal("train-2", error.IdempotencyKey);
        }
    }

    [Fact]
    public async Task An_activity_names_the_api_and_the_operation()
    {
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == ProducerGenTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
        };
        var seen = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        listener.ActivityStopped = seen.Add;
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        var (client, _, _) = Start(() => Responses.Json(HttpStatusCode.OK, "{}"));
        using (client)
        {
            await client.SendOperationAsync(Ops.Get, ["activity-test"], null);
        }

        Assert.Contains(seen, a => a.OperationName == "ProducerGen.Operation" && (string?)a.GetTagItem("producergen.operation") == "lorasGet" && (string?)a.GetTagItem("producergen.api") == "Apiframe");
    }
}
