using System.Linq;
using System.Net;
using System.Net.Http.Headers;

namespace ProducerGen.Runtime.Tests;

public class ErrorMappingTests
{
    private static async Task<T> SubmitExpecting<T>(Func<HttpResponseMessage> response)
        where T : ProducerGenException
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, response);
        using var client = TestApi.Client(handler, time, o => o.Retry.MaxRetries = 0);
        return await Assert.ThrowsAnyAsync<T>(() => client.SubmitAsync(TestApi.Producer, new TestRequest("x")));
    }

    private static Action<HttpResponseMessage> RequestId(string id) => r => r.Headers.Add("x-request-id", id);

    [Fact]
    public async Task Bad_request_carries_the_servers_details()
    {
        var e = await SubmitExpecting<ApiValidationException>(() => Responses.Status(400, """{"error":"Validation failed","details":{"producerParams.weirdness":["Number must be less than or equal to 1"],"prompt":["Required","Too short"]}}""", RequestId("req-400")));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal("req-400", e.RequestId);
        Assert.Equal("Validation failed", e.ServerMessage);
        Assert.Equal(["Number must be less than or equal to 1"], e.Details["producerParams.weirdness"]);
        Assert.Equal(["Required", "Too short"], e.Details["prompt"]);
        Assert.Contains("producerParams.weirdness: Number must be less than or equal to 1", e.Message);
        Assert.Contains("req-400", e.Message);
    }

    [Fact]
    public async Task Unauthorized_and_forbidden_say_which()
    {
        var unauthorized = await SubmitExpecting<AuthenticationException>(() => Responses.Status(401, """{"error":"Invalid API key"}"""));
        var forbidden = await SubmitExpecting<AuthenticationException>(() => Responses.Status(403, """{"error":"Key disabled"}"""));

        Assert.Equal(401, unauthorized.StatusCode);
        Assert.Contains("missing or invalid (HTTP 401)", unauthorized.Message);
        Assert.Equal("Invalid API key", unauthorized.ServerMessage);
        Assert.Equal(403, forbidden.StatusCode);
        Assert.Contains("inactive or lacks permission", forbidden.Message);
    }

    [Fact]
    public async Task Payment_required_carries_the_credit_figures()
    {
        var e = await SubmitExpecting<InsufficientCreditsException>(() => Responses.Status(402, """{"error":"Insufficient credits","creditsRequired":120,"creditsAvailable":15}"""));

        Assert.Equal(120, e.CreditsRequired);
        Assert.Equal(15, e.CreditsAvailable);
        Assert.Contains("needs 120 credits; 15 are available", e.Message);
    }

    [Fact]
    public async Task Not_found_conflict_and_rate_limit_are_typed()
    {
        var notFound = await SubmitExpecting<NotFoundException>(() => Responses.Status(404, """{"error":"Job not found"}"""));
        var conflict = await SubmitExpecting<ConflictException>(() => Responses.Status(409, """{"error":"Idempotency key reused"}"""));
        var limited = await SubmitExpecting<RateLimitedException>(() => Responses.Status(429, """{"error":"Too many"}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30))));

        Assert.Equal("Job not found", notFound.ServerMessage);
        Assert.Equal(409, conflict.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.RetryAfter);
        Assert.Contains("Retry after 30 s", limited.Message);
    }

    [Theory]
    [InlineData(500, typeof(ServerErrorException))]
    [InlineData(502, typeof(ServerErrorException))]
    [InlineData(503, typeof(ServiceUnavailableException))]
    [InlineData(418, typeof(UnexpectedResponseException))]
    public async Task Other_statuses_are_typed(int status, Type expected)
    {
        var e = await SubmitExpecting<ProducerGenException>(() => Responses.Status(status));
        Assert.IsType(expected, e, exactMatch: true);
        Assert.Equal(status, e.StatusCode);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("""{"error":"trunc""")]
    [InlineData("not json at all")]
    public async Task Non_json_and_truncated_error_bodies_still_give_typed_exceptions_with_raw_text(string body)
    {
        var e = await SubmitExpecting<AuthenticationException>(() => Responses.Json((HttpStatusCode)401, body, RequestId("req-raw")));

        Assert.Null(e.ServerMessage);
        Assert.Equal(body, e.ResponseBody);
        Assert.Equal("req-raw", e.RequestId);
        Assert.Contains(body[..10], e.Message);
    }

    [Fact]
    public async Task Huge_error_bodies_are_bounded()
    {
        var body = "{\"error\":\"" + new string('x', 100_000) + "\"}";
        var e = await SubmitExpecting<ServerErrorException>(() => Responses.Status(500, body));

        Assert.True(e.ResponseBody!.Length <= 4097);
        Assert.True(e.Message.Length < 1000 || e.ServerMessage!.Length > 1000);
    }

    [Fact]
    public async Task Failed_job_carries_the_job_error()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted("j-f"), () => Responses.JobJson("j-f", "FAILED", 30, error: "Provider rejected the prompt"));
        using var client = TestApi.Client(handler, time);

        var e = await Assert.ThrowsAsync<JobFailedException>(() => time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromSeconds(1)));

        Assert.Equal("Provider rejected the prompt", e.JobError);
        Assert.Equal("FAILED", e.Job.Status);
        Assert.Contains("Provider rejected the prompt", e.Message);
    }

    [Fact]
    public async Task Cancelled_job_is_a_failure()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted("j-c"), () => Responses.JobJson("j-c", "CANCELLED"));
        using var client = TestApi.Client(handler, time);

        var e = await Assert.ThrowsAsync<JobFailedException>(() => time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")), TimeSpan.FromSeconds(1)));
        Assert.Null(e.JobError);
        Assert.Contains("CANCELLED", e.Message);
    }

    [Fact]
    public async Task Malformed_job_bodies_are_typed()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.OK, """{"id":"j","stat"""));
        using var client = TestApi.Client(handler, time);

        var e = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Jobs.GetAsync("j"));
        Assert.Equal(200, e.StatusCode);
        Assert.Contains("not a job object", e.Message);
    }

    [Fact]
    public void All_exceptions_share_one_base()
    {
        var types = typeof(ProducerGenException).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(Exception))).ToArray();
        Assert.All(types, t => Assert.True(t == typeof(ProducerGenException) || t.IsSubclassOf(typeof(ProducerGenException)), t.Name));
        Assert.True(types.Length >= 14);
    }
}
