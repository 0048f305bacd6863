using System.Linq;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ProducerGen.Runtime.Tests;

public class SecretTests
{
    [Fact]
    public void Options_to_string_redacts_the_key()
    {
        var options = TestApi.Options(TimeProvider.System);
        var text = options.ToString();
        Assert.DoesNotContain(TestApi.Key, text);
        Assert.Contains("ApiKey = ***", text);
        Assert.Contains("ApiKey = (not set)", new ProducerGenClientOptions().ToString());
    }

    [Theory]
    [InlineData("http://api.apiframe.ai")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("ftp://api.apiframe.ai")]
    public void Plain_http_is_refused_unless_loopback(string address)
    {
        var exception = Assert.Throws<ArgumentException>(() => new ProducerGenClient(TestApi.Api, TestApi.Options(TimeProvider.System, o => o.BaseAddress = new Uri(address))));
        Assert.Contains("https://", exception.Message);
        Assert.DoesNotContain(TestApi.Key, exception.Message);
    }

    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://api.apiframe.ai")]
    public void Loopback_http_and_https_are_allowed(string address)
    {
        using var client = new ProducerGenClient(TestApi.Api, TestApi.Options(TimeProvider.System, o => o.BaseAddress = new Uri(address)));
        Assert.Equal(new Uri(address), client.BaseAddress);
    }

    [Fact]
    public void Missing_key_names_the_option_and_the_environment_variable()
    {
        Environment.SetEnvironmentVariable("PRODUCERGEN_TEST_API_KEY", null);
        var exception = Assert.Throws<InvalidOperationException>(() => new ProducerGenClient(TestApi.Api, new ProducerGenClientOptions()));
        Assert.Contains("ApiKey", exception.Message);
        Assert.Contains("PRODUCERGEN_TEST_API_KEY", exception.Message);
    }

    [Fact]
    public async Task Key_is_read_from_the_environment_variable()
    {
        var handler = FakeHttpHandler.Sequence(null, () => Responses.JobJson("j", "QUEUED"));
        var api = new ApiDescription("Env", new Uri("https://env.test"), "X-API-Key", "PRODUCERGEN_ENV_ONLY_KEY", "Idempotency-Key", null, "/jobs/{id}", "id", ["QUEUED"], ["COMPLETED"], ["FAILED"], null, null);
        Environment.SetEnvironmentVariable("PRODUCERGEN_ENV_ONLY_KEY", "afk_from_env");
        try
        {
            using var client = new ProducerGenClient(api, new ProducerGenClientOptions(), new HttpClient(handler));
            await client.Jobs.GetAsync("j");
            Assert.Equal("afk_from_env", handler.RequestList.Single().Header("X-API-Key"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PRODUCERGEN_ENV_ONLY_KEY", null);
        }
    }

    [Fact]
    public async Task The_key_never_appears_in_logs_exceptions_or_to_string()
    {
        var time = TestApi.NewTime();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));
        // A hostile server echoes the key back in its error bodies.
        var handler = FakeHttpHandler.Sequence(
            time,
            () => Responses.Status(503, $$"""{"error":"overloaded for key {{TestApi.Key}}"}"""),
            () => Responses.Accepted("j-1"),
            () => Responses.JobJson("j-1", "PROCESSING", 50),
            () => Responses.JobJson("j-1", "COMPLETED", 100, "\"https://cdn.test/a.mp3\""),
            () => Responses.Status(401, $$$"""{"error":"Invalid API key {{{TestApi.Key}}}","details":{"key":["{{{TestApi.Key}}}"]}}"""));
        using var client = TestApi.Client(handler, time, o => o.LoggerFactory = loggerFactory);

        var job = await time.DriveAsync(client.SubmitAndWaitAsync(TestApi.Producer, new TestRequest("x")));
        var exception = await Assert.ThrowsAsync<AuthenticationException>(() => client.Jobs.GetAsync("j-1"));

        Assert.True(job.IsSucceeded);
        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("Retrying", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains("finished with status COMPLETED", StringComparison.Ordinal));
        Assert.All(records, r =>
        {
            Assert.DoesNotContain(TestApi.Key, r.Message);
            Assert.DoesNotContain(TestApi.Key, string.Join(";", r.StructuredState?.Select(s => s.Value) ?? []));
        });
        Assert.DoesNotContain(TestApi.Key, exception.Message);
        Assert.DoesNotContain(TestApi.Key, exception.ServerMessage);
        Assert.DoesNotContain(TestApi.Key, exception.ResponseBody);
        Assert.DoesNotContain(TestApi.Key, exception.ToString());
        Assert.DoesNotContain(TestApi.Key, client.ToString());
        Assert.Contains("***", exception.ServerMessage);
        var validation = await Assert.ThrowsAsync<AuthenticationException>(() => client.Jobs.GetAsync("j-1"));
        Assert.DoesNotContain(TestApi.Key, validation.Message);
    }
}
