using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Emulator.Tests;

/// <summary>
/// Issue 14, item 11: no request body makes the emulator answer an empty 500. Text System.Text.Json cannot decode, deep
/// nesting and out-of-range numbers are 400s in the provider's validation shape, with an x-request-id; an exception that
/// still escapes a route is a JSON 500 with an x-request-id.
/// </summary>
public sealed class RobustnessTests
{
    /// <summary>Bodies (JSON text, so <c>\ud800</c> is the six-character escape) and the path the 400 names.</summary>
    public static TheoryData<string, string, string> UndecodableText => new()
    {
        { """{"prompt":"a \ud800 b","model":"producer"}""", "prompt", "\\ud800 is a lone surrogate" },
        { """{"prompt":"\udc00","model":"producer"}""", "prompt", "\\udc00 is a lone surrogate" },
        { """{"prompt":"ends high \ud83c","model":"producer"}""", "prompt", "\\ud83c is a lone surrogate" },
        { """{"prompt":"\udfb5\ud83c","model":"producer"}""", "prompt", "\\udfb5 is a lone surrogate" },
        { """{"prompt":"\ud83c\n","model":"producer"}""", "prompt", "\\ud83c is a lone surrogate" },
        { """{"prompt":"x","model":"producer","producerParams":{"lyrics":"la \ud800 la"}}""", "producerParams.lyrics", "\\ud800 is a lone surrogate" },
        { """{"prompt":"x","model":"producer","producerParams":{"seed":"\udbff"}}""", "producerParams.seed", "\\udbff is a lone surrogate" },
        { """{"prompt":"x","model":"producer","producerParams":{"model_version":"FUZZ_2\ud800"}}""", "producerParams.model_version", "\\ud800 is a lone surrogate" },
        { """{"prompt":"x","model":"producer\ud800"}""", "model", "\\ud800 is a lone surrogate" },
        { """{"prompt":"x","model":"producer","webhookUrl":"https://hooks.example/\ud800"}""", "webhookUrl", "\\ud800 is a lone surrogate" },
        { """{"prompt":"x","model":"producer","webhookUrl":"https://\udc00.example/"}""", "webhookUrl", "\\udc00 is a lone surrogate" },
        { """{"prompt":"x","model":"producer","webhookEvents":["completed","\udfff"]}""", "webhookEvents[1]", "\\udfff is a lone surrogate" },
        { """{"\ud800":1,"prompt":"x","model":"producer"}""", "\\ud800", "is a member name that is not valid Unicode text (\\ud800 is a lone surrogate" },
        { """{"prompt":"x","model":"producer","producerParams":{"ti\udc00tle":"t"}}""", "producerParams.ti\\udc00tle", "is a member name that is not valid Unicode text" },
        { """{"prompt":"x","model":"producer","producerParams":{"\ud800":{"\udc01":"\ud802"}}}""", "producerParams.\\ud800.\\udc01", "is a member name that is not valid Unicode text" },
        { "\"\\ud800\"", "", "must be valid Unicode text (\\ud800 is a lone surrogate" },
    };

    [Theory]
    [MemberData(nameof(UndecodableText))]
    public async Task Lone_surrogates_anywhere_are_a_400_in_the_validation_shape_with_a_request_id(string body, string path, string message)
    {
        await using var t = await TestEmulator.StartAsync();
        var response = await ReadResponse.ReadAsync(await t.PostAsync(body));
        var json = response.AssertError(400);
        Assert.Equal("Validation failed", json.GetProperty("error").GetString());
        var details = json.GetProperty("details");
        Assert.True(details.TryGetProperty(path, out var messages), $"no details for '{path}' in {details}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
        OpenApi.AssertDocumentedResponse("POST", "/v2/music/generate", 400, json);
        Assert.Equal(0, t.Stats.JobsCreated);
        Assert.Equal(0, t.Stats.Responses(500));
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_nested_value_is_reported_there_and_other_errors_wait()
    {
        await using var t = await TestEmulator.StartAsync();
        var json = (await ReadResponse.ReadAsync(await t.PostAsync("""{"model":"producer","producerParams":{"lyrics":"\ud800","weirdness":9}}"""))).AssertError(400);
        var paths = json.GetProperty("details").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["producerParams.lyrics"], paths);
    }

    [Fact]
    public async Task Surrogate_pairs_escaped_or_raw_are_valid_text()
    {
        await using var t = await TestEmulator.StartAsync();
        await t.SubmitAsync("""{"prompt":"a song about \ud83c\udfb5 notes","model":"producer","producerParams":{"title":"🎵 \uD83C\uDFB6"}}""");
        Assert.Equal(1, t.Stats.JobsCreated);
    }

    public static TheoryData<byte[], string, string> InvalidUtf8 => new()
    {
        { Bytes("{\"prompt\":\"caf", [0xE9], "\",\"model\":\"producer\"}"), "prompt", "must be valid Unicode text (it is not valid UTF-8)" },
        { Bytes("{\"prompt\":\"x\",\"model\":\"producer\",\"producerParams\":{\"lyrics\":\"", [0xFF, 0xFE], "\"}}"), "producerParams.lyrics", "must be valid Unicode text (it is not valid UTF-8)" },
        { Bytes("{\"prompt\":\"x\",\"model\":\"producer\",\"producerParams\":{\"title\":\"", [0xED, 0xA0, 0x80], "\"}}"), "producerParams.title", "must be valid Unicode text (it is not valid UTF-8)" },
        { Bytes("{\"prompt\":\"x\",\"model\":\"producer\",\"", [0xC3], "\":1}"), "\uFFFD", "is a member name that is not valid Unicode text (it is not valid UTF-8)" },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task Invalid_utf8_bytes_are_a_400_in_the_validation_shape(byte[] body, string path, string message)
    {
        await using var t = await TestEmulator.StartAsync();
        var json = (await ReadResponse.ReadAsync(await t.PostRawAsync(body, "application/json"))).AssertError(400);
        Assert.Equal("Validation failed", json.GetProperty("error").GetString());
        Assert.True(json.GetProperty("details").TryGetProperty(path, out var messages), $"no details for '{path}' in {json}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.StartsWith(message, StringComparison.Ordinal));
        OpenApi.AssertDocumentedResponse("POST", "/v2/music/generate", 400, json);
        Assert.Equal(0, t.Stats.Responses(500));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public async Task Deeply_nested_json_is_a_400_not_a_crash(int depth)
    {
        await using var t = await TestEmulator.StartAsync();
        var body = """{"prompt":"x","model":"producer","producerParams":{"lyrics":""" + new string('[', depth) + new string(']', depth) + "}}";
        var json = (await ReadResponse.ReadAsync(await t.PostAsync(body))).AssertError(400);
        Assert.Equal("Validation failed", json.GetProperty("error").GetString());
        Assert.StartsWith("must be valid JSON", json.GetProperty("details").GetProperty("").EnumerateArray().Single().GetString(), StringComparison.Ordinal);
        OpenApi.AssertDocumentedResponse("POST", "/v2/music/generate", 400, json);
    }

    [Fact]
    public async Task Nesting_within_the_depth_limit_is_validated_normally()
    {
        await using var t = await TestEmulator.StartAsync();
        var body = """{"prompt":"x","model":"producer","producerParams":{"lyrics":""" + new string('[', 60) + new string(']', 60) + "}}";
        var json = (await ReadResponse.ReadAsync(await t.PostAsync(body))).AssertError(400);
        Assert.Equal("must be a string (was an array)", json.GetProperty("details").GetProperty("producerParams.lyrics")[0].GetString());
    }

    public static TheoryData<string, string, string> HugeNumbers => new()
    {
        { """{"prompt":"x","model":"producer","producerParams":{"weirdness":1e400}}""", "producerParams.weirdness", "must be a finite number (was 1e400)" },
        { """{"prompt":"x","model":"producer","producerParams":{"weirdness":-1E+400}}""", "producerParams.weirdness", "must be a finite number (was -1E+400)" },
        { """{"prompt":"x","model":"udio","udioParams":{"seed":1e400}}""", "udioParams.seed", "must be an integer (was 1e400)" },
        { """{"prompt":"x","model":"udio","udioParams":{"seed":9223372036854775808}}""", "udioParams.seed", "must be an integer (was 9223372036854775808)" },
        { """{"prompt":"x","model":"udio","udioParams":{"seed":9.3e18}}""", "udioParams.seed", "must be an integer (was 9.3e18)" },
        { """{"prompt":"x","model":"mureka","murekaParams":{"n":1e400}}""", "murekaParams.n", "must be an integer (was 1e400)" },
        { """{"prompt":1e400,"model":"producer"}""", "prompt", "must be a string (was 1e400)" },
    };

    [Theory]
    [MemberData(nameof(HugeNumbers))]
    public async Task Numbers_beyond_double_or_long_are_a_400(string body, string path, string message)
    {
        await using var t = await TestEmulator.StartAsync();
        var json = (await ReadResponse.ReadAsync(await t.PostAsync(body))).AssertError(400);
        Assert.Equal(message, json.GetProperty("details").GetProperty(path)[0].GetString());
        OpenApi.AssertDocumentedResponse("POST", "/v2/music/generate", 400, json);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_json_error_with_a_request_id()
    {
        await using var t = await TestEmulator.StartAsync();
        var body = TestEmulator.ProducerBody(producerParams: new { lyrics = new string('l', 1024 * 1024) });
        var response = await ReadResponse.ReadAsync(await t.PostAsync(body));
        var json = response.AssertError(413);
        Assert.Equal("Request body too large", json.GetProperty("error").GetString());
        OpenApi.AssertFitsComponent("ErrorResponse", json);
        Assert.Equal(0, t.Stats.Responses(500));
    }

    [Fact]
    public async Task An_exception_escaping_a_route_is_a_json_500_with_a_request_id()
    {
        var time = new ThrowingTimeProvider(TestEmulator.Start);
        await using var t = await TestEmulator.StartAsync(o => o.TimeProvider = time);
        var id = await t.SubmitAsync(TestEmulator.ProducerBody());
        time.Armed = true;
        ReadResponse submit, poll;
        try
        {
            submit = await ReadResponse.ReadAsync(await t.PostAsync(TestEmulator.ProducerBody()));
            poll = await ReadResponse.ReadAsync(await t.Http.SendAsync(Get($"v2/jobs/{id}")));
        }
        finally
        {
            time.Armed = false;
        }

        foreach (var response in new[] { submit, poll })
        {
            var json = response.AssertError(500);
            Assert.Equal("Internal server error", json.GetProperty("error").GetString());
            OpenApi.AssertFitsComponent("ErrorResponse", json);
        }

        Assert.NotEqual(submit.RequestId, poll.RequestId);
        Assert.Equal(2, t.Stats.Responses(500));

        // The emulator keeps serving.
        await t.SubmitAsync(TestEmulator.ProducerBody());
        Assert.Equal("QUEUED", (await t.GetJobAsync(id)).GetProperty("status").GetString());
    }

    private static HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-API-Key", TestEmulator.Key);
        return request;
    }

    private static byte[] Bytes(string before, byte[] raw, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];

    /// <summary>A fake clock whose reads throw while armed: an emulator bug on demand (its timers fire only on Advance).</summary>
    private sealed class ThrowingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public volatile bool Armed;

        public override DateTimeOffset GetUtcNow() => Armed ? throw new InvalidOperationException("clock exploded (test)") : base.GetUtcNow();
    }
}
