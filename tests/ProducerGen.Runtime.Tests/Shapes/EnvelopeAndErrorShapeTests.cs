using System;
using System.Net;
using System.Threading.Tasks;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 15, item 7 and the error shape: an envelope's code decides success even inside HTTP 200, and error bodies are read where the API puts them.</summary>
public class EnvelopeAndErrorShapeTests
{
    private static readonly ModelDescription Model = new("m", "POST", "/api/v1/jobs/createTask", null);

    private static readonly ResponseEnvelope KieEnvelope = new() { CodePath = "code", SuccessCodes = ["200"], MessagePaths = ["msg", "message"] };

    private static ApiDescription Enveloped() => ShapedApis.Create(
        new JobShape { IdPath = "data.taskId", StatusPath = "data.state" }, jobPath: "/api/v1/jobs/recordInfo?taskId={id}", pending: ["waiting"], succeeded: ["success"], failed: ["fail"], envelope: KieEnvelope);

    [Theory]
    [InlineData(401, typeof(AuthenticationException))]
    [InlineData(402, typeof(InsufficientCreditsException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(429, typeof(RateLimitedException))]
    [InlineData(500, typeof(ServerErrorException))]
    [InlineData(455, typeof(UnexpectedResponseException))]
    public async Task A_failure_code_in_an_http_200_becomes_the_typed_error_for_that_code(int code, Type expected)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, $$"""{"code":{{code}},"msg":"told you so","data":null}"""));
        using var client = ShapedApis.Client(Enveloped(), handler, time);

        var error = await Assert.ThrowsAsync(expected, () => client.SubmitAsync(Model, new TestRequest("x")));
        var typed = Assert.IsAssignableFrom<ProducerGenException>(error);
        Assert.Contains("told you so", typed.Message);
        Assert.Contains($"failure code {code}", typed.Message);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), typed.ErrorCode);
    }

    [Fact]
    public async Task A_poll_whose_envelope_fails_is_a_typed_error_not_a_malformed_job()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, """{"code":404,"message":"task not found"}"""));
        using var client = ShapedApis.Client(Enveloped(), handler, time);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetAsync("t-9"));
        Assert.Contains("task not found", error.Message);
    }

    [Fact]
    public async Task A_successful_envelope_reads_as_usual()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, """{"code":200,"msg":"success","data":{"taskId":"t-1"}}"""));
        using var client = ShapedApis.Client(Enveloped(), handler, time);

        Assert.Equal("t-1", (await client.SubmitAsync(Model, new TestRequest("x"))).Id);
    }

    [Fact]
    public async Task An_error_body_is_read_at_the_apis_message_and_code_paths()
    {
        var api = ShapedApis.Create(new JobShape(), errors: new ErrorShape { MessagePaths = ["error.message"], CodePath = "error.code" });
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.BadRequest, """{"error":{"message":"Invalid size","type":"invalid_request_error","param":"size","code":"invalid_value"}}"""));
        using var client = ShapedApis.Client(api, handler, time);

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => client.SubmitAsync(Model, new TestRequest("x")));
        Assert.Equal("Invalid size", error.ServerMessage);
        Assert.Equal("invalid_value", error.ErrorCode);
    }

    [Fact]
    public async Task The_default_error_shape_reads_a_problem_detail_only_when_told()
    {
        var time = TestApi.NewTime();
        var plain = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.UnprocessableEntity, """{"title":"Input validation failed","detail":"prompt is required","status":422}"""));
        using (var client = ShapedApis.Client(ShapedApis.Create(new JobShape()), plain, time))
        {
            var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAsync(Model, new TestRequest("x")));
            Assert.Null(error.ServerMessage);
        }

        var told = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.UnprocessableEntity, """{"title":"Input validation failed","detail":"prompt is required","status":422}"""));
        using (var client = ShapedApis.Client(ShapedApis.Create(new JobShape(), errors: new ErrorShape { MessagePaths = ["detail"] }), told, time))
        {
            var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.SubmitAsync(Model, new TestRequest("x")));
            Assert.Equal("prompt is required", error.ServerMessage);
        }
    }
}
