namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 14, item 8: a key that cannot travel in a header is refused at construction, not reported as a network error.</summary>
public class ApiKeyCharacterTests
{
    [Theory]
    [InlineData("afk_SECRET_kéy_0123456789", "non-ASCII", 13)]
    [InlineData("afk_SECRET\u00a0key_0123456789", "non-ASCII", 11)]     // a non-breaking space from a web page
    [InlineData("\u201cafk_SECRET_key_0123456789\u201d", "non-ASCII", 1)] // typographic quotes
    [InlineData("afk_SECRET_key\r\nX-Evil: 1", "control character", 15)]
    [InlineData("afk_SECRET_key\u0000tail", "control character", 15)]
    [InlineData("afk_SECRET_key\u007ftail", "control character", 15)]
    public void A_key_that_cannot_be_sent_in_a_header_is_refused_without_echoing_it(string key, string kind, int position)
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Accepted());

        var exception = Assert.Throws<ArgumentException>(() => TestApi.Client(handler, time, o => o.ApiKey = key));

        Assert.Contains(kind, exception.Message);
        Assert.Contains($"position {position}", exception.Message);
        Assert.DoesNotContain("SECRET", exception.ToString());
        Assert.DoesNotContain("tail", exception.ToString());
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void A_key_from_the_environment_variable_is_checked_too()
    {
        const string Variable = "PRODUCERGEN_TEST_API_KEY_CHARS"; // its own variable: SecretTests clears the shared one in parallel
        var api = new ApiDescription("Apiframe", new Uri("https://api.apiframe.test"), "X-API-Key", Variable, "Idempotency-Key", 255, "/v2/jobs/{id}", "id", ["QUEUED"], ["COMPLETED"], ["FAILED"], null, null);
        try
        {
            Environment.SetEnvironmentVariable(Variable, "afk_SECRET_ключ");
            var exception = Assert.Throws<ArgumentException>(() => new ProducerGenClient(api, new ProducerGenClientOptions()));
            Assert.Contains("non-ASCII", exception.Message);
            Assert.DoesNotContain("SECRET", exception.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Fact]
    public void Surrounding_white_space_is_trimmed_and_inner_spaces_and_visible_ascii_are_kept()
    {
        using var client = TestApi.Client(FakeHttpHandler.Sequence(null, () => Responses.Accepted()), TestApi.NewTime(), o => o.ApiKey = "  afk_~!key with space\n");
        Assert.NotNull(client);
    }
}
