using System.Net;
using System.Text.Json;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Tests;

public sealed class ValidationTests
{
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { """{"prompt":"x","model":"producer","producerParams":{"weirdness":1.5}}""", "producerParams.weirdness", "must be between 0 and 1 (was 1.5)" },
        { """{"prompt":"x","model":"producer","producerParams":{"weirdness":0.33}}""", "producerParams.weirdness", "must be on the 0.05 grid starting at 0, e.g. 0.3 or 0.35 (was 0.33)" },
        { """{"prompt":"x","model":"producer","producerParams":{"sound_strength":0.1}}""", "producerParams.sound_strength", "must be between 0.2 and 1 (was 0.1)" },
        { $$$"""{"prompt":"x","model":"producer","producerParams":{"title":"{{{new string('t', 81)}}}"}}""", "producerParams.title", "must be at most 80 characters (was 81)" },
        { """{"prompt":"x","model":"producer","producerParams":{"tempo":120}}""", "producerParams.tempo", "is not a known member" },
        { """{"prompt":"x","model":"producer","extra":true}""", "extra", "is not a known member" },
        { """{"prompt":"x","model":"producer","sunoParams":{}}""", "sunoParams", "is not a known member" },
        { """{"prompt":"x","model":"beethoven"}""", "model", "must be one of producer, suno, udio, lyria-3-clip, lyria-3-pro, elevenlabs-music, mureka (was \"beethoven\")" },
        { """{"model":"producer"}""", "prompt", "is required" },
        { """{"prompt":"x"}""", "model", "is required" },
        { """{"prompt":"","model":"producer"}""", "prompt", "must be at least 1 character (was 0)" },
        { """{"prompt":42,"model":"producer"}""", "prompt", "must be a string (was 42)" },
        { """{"prompt":"x","model":"producer","producerParams":{"instrumental":"yes"}}""", "producerParams.instrumental", "must be a boolean (was \"yes\")" },
        { """{"prompt":"x","model":"producer","producerParams":{"model_version":"FUZZ_9"}}""", "producerParams.model_version", "must be one of FUZZ_2_PRO, FUZZ_2, FUZZ_2_RAW, FUZZ_1_1_PRO, FUZZ_1_PRO, FUZZ_1 (was \"FUZZ_9\")" },
        { """{"prompt":"x","model":"producer","producerParams":[]}""", "producerParams", "must be an object (was an array)" },
        { """{"prompt":"x","model":"producer","webhookUrl":"ftp://example.com/hook"}""", "webhookUrl", "must be an absolute http or https URL (was \"ftp://example.com/hook\")" },
        { """{"prompt":"x","model":"producer","webhookUrl":"/relative"}""", "webhookUrl", "must be an absolute http or https URL" },
        { """{"prompt":"x","model":"producer","webhookEvents":[]}""", "webhookEvents", "must have at least 1 item (had 0)" },
        { """{"prompt":"x","model":"producer","webhookEvents":["completed","done"]}""", "webhookEvents[1]", "must be one of progress, completed, failed (was \"done\")" },
        { """{"prompt":"x","model":"udio","udioParams":{"seed":1.5}}""", "udioParams.seed", "must be an integer (was 1.5)" },
        { """{"prompt":"x","model":"mureka","murekaParams":{"n":4}}""", "murekaParams.n", "must be between 1 and 3 (was 4)" },
        { """{"prompt":"x","model":"lyria-3-pro","lyriaParams":{"reference_images":["https://a.example/1.png","nope"]}}""", "lyriaParams.reference_images[1]", "must be an absolute http or https URL (was \"nope\")" },
        { """["not","an","object"]""", "", "must be a JSON object (was an array)" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_bodies_answer_400_with_details_keyed_by_json_path(string body, string path, string message)
    {
        await using var t = await TestEmulator.StartAsync();
        using var response = await t.PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Validation failed", json.GetProperty("error").GetString());
        var details = json.GetProperty("details");
        Assert.True(details.TryGetProperty(path, out var messages), $"no details for '{path}' in {details}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(0, t.Stats.JobsCreated);
    }

    [Fact]
    public async Task Several_errors_are_reported_together()
    {
        await using var t = await TestEmulator.StartAsync();
        using var response = await t.PostAsync("""{"model":"producer","producerParams":{"weirdness":2,"lyrics_strength":0.01,"bogus":1}}""");
        var details = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("details");
        var paths = details.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "producerParams.bogus", "producerParams.lyrics_strength", "producerParams.weirdness", "prompt" }, paths);
    }

    [Theory]
    [InlineData(0.35)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.7000000000000001)]
    public async Task Values_on_the_grid_are_accepted(double weirdness)
    {
        await using var t = await TestEmulator.StartAsync();
        var body = TestEmulator.ProducerBody(producerParams: new { weirdness, sound_strength = 0.2, lyrics_strength = 0.95, model_version = "FUZZ_1", instrumental = true, seed = "s" });
        await t.SubmitAsync(body);
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        await using var t = await TestEmulator.StartAsync();
        using var response = await t.PostAsync("{\"prompt\": ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Validation failed", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_idempotency_key_over_its_max_length_is_a_400()
    {
        await using var t = await TestEmulator.StartAsync();
        using var response = await t.PostAsync(TestEmulator.ProducerBody(), idempotencyKey: new string('k', 256));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string ConstraintSchema = """
        producergen: 1
        api:
          name: Test
          baseUrl: https://api.example.com
          auth: { header: X-API-Key }
          jobs:
            get: GET /jobs/{id}
        endpoints:
          things:
            request: POST /things
            fields:
              code: { type: string, pattern: '^[A-Z]{3}$' }
              size: { type: integer, enum: [256, 512, 1024] }
              count: { type: integer, min: 2, max: 20, step: 2 }
              ratio: { type: number, step: 0.25 }
              tags: { type: array, minItems: 1, maxItems: 2, items: { type: string, maxLength: 3 } }
              box:
                type: object
                properties:
                  width: { type: integer, min: 1, required: true }
                  label: { type: string, minLength: 2 }
        models:
          m1: { endpoint: things, paramsKey: m1Params }
        """;

    public static TheoryData<string, string, string> ConstraintCases => new()
    {
        { """{"model":"m1","code":"abc"}""", "code", "must match the pattern ^[A-Z]{3}$ (was \"abc\")" },
        { """{"model":"m1","size":300}""", "size", "must be one of 256, 512, 1024 (was 300)" },
        { """{"model":"m1","size":"256"}""", "size", "must be an integer (was \"256\")" },
        { """{"model":"m1","count":5}""", "count", "must be on the 2 grid starting at 2, e.g. 4 or 6 (was 5)" },
        { """{"model":"m1","count":22}""", "count", "must be between 2 and 20 (was 22)" },
        { """{"model":"m1","ratio":0.3}""", "ratio", "must be a multiple of 0.25, e.g. 0.25 or 0.5 (was 0.3)" },
        { """{"model":"m1","tags":["a","b","c"]}""", "tags", "must have at most 2 items (had 3)" },
        { """{"model":"m1","tags":["abcd"]}""", "tags[0]", "must be at most 3 characters (was 4)" },
        { """{"model":"m1","tags":[1]}""", "tags[0]", "must be a string (was 1)" },
        { """{"model":"m1","box":{}}""", "box.width", "is required" },
        { """{"model":"m1","box":{"width":1,"depth":2}}""", "box.depth", "is not a known member" },
        { """{"model":"m1","box":{"width":0,"label":"x"}}""", "box.width", "must be at least 1 (was 0)" },
        { """{"model":"m1","box":{"width":1,"label":"x"}}""", "box.label", "must be at least 2 characters (was 1)" },
        { """{"model":"m1","box":null}""", "box", "must be an object (was null)" },
        { """{"model":"m1","m1Params":{"anything":1}}""", "m1Params.anything", "is not a known member" },
    };

    [Theory]
    [MemberData(nameof(ConstraintCases))]
    public void Validator_checks_every_constraint_kind(string body, string path, string message)
    {
        var (validator, endpoint) = Load(ConstraintSchema);
        using var document = JsonDocument.Parse(body);
        var result = validator.Validate(endpoint, document.RootElement);
        Assert.False(result.IsValid);
        Assert.True(result.Errors.TryGetValue(path, out var messages), $"no error at '{path}': {string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(", ", e.Value)))}");
        Assert.Contains(messages, m => m.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_accepts_a_body_meeting_every_constraint()
    {
        var (validator, endpoint) = Load(ConstraintSchema);
        using var document = JsonDocument.Parse("""{"model":"m1","code":"ABC","size":512,"count":20,"ratio":-0.75,"tags":["a","bcd"],"box":{"width":3,"label":"ok"},"m1Params":{}}""");
        var result = validator.Validate(endpoint, document.RootElement);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(", ", e.Value))));
        Assert.Equal("m1", result.Model?.Id);
    }

    private static (SchemaRequestValidator Validator, EndpointSpec Endpoint) Load(string yaml)
    {
        var loaded = SchemaLoader.Load(yaml);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics.Select(d => d.Message)));
        var schema = loaded.Document!;
        return (new SchemaRequestValidator(schema), schema.Endpoints[0]);
    }
}
