using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ProducerGen.Emulator;
using Studio.EndToEnd;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>
/// Issue 15, item 5, end to end: a flat body sent to a route that names the model, a nested body under a route built
/// from route params, and a multipart body with a file — each generated into this project and accepted, validated and
/// run by the emulator of the same schema.
/// </summary>
public sealed class BodyLayoutTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Schemas", "studio.producergen.yaml");

    private static Task<ApiEmulator> StartAsync() => ApiEmulator.StartAsync(new EmulatorOptions { SchemaPath = SchemaPath, TimeScale = 0.01 });

    private static StudioClient Client(ApiEmulator emulator)
    {
        var options = new StudioClientOptions { ApiKey = EmulatorOptions.DefaultApiKey, BaseAddress = emulator.BaseAddress };
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(20);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(100);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(30);
        return new StudioClient(options);
    }

    [Fact]
    public async Task A_flat_request_to_the_models_own_route_runs_and_the_route_tells_the_emulator_which_model_it_is()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        var result = await client.FalAiFluxDev.GenerateAsync(new FalAiFluxDevRequest("a fox in the snow") { NumInferenceSteps = 4, GuidanceScale = 3.5 });
        await client.FalAiFluxSchnell.SubmitAsync(new FalAiFluxSchnellRequest("a fox") { Seed = 7 });

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(2, emulator.Stats.JobsCreated);

        // The body names no model, so the path does: schnell's route does not take dev's params, and the body's members are top-level.
        using var http = Raw(emulator);
        var refused = await http.PostAsync("fal-ai/flux/schnell", Json("""{"prompt":"a fox","num_inference_steps":4}"""));
        var details = await Details(refused);
        Assert.Equal(["num_inference_steps"], details.EnumerateObject().Select(p => p.Name));
        var outOfRange = await Details(await http.PostAsync("fal-ai/flux/dev", Json("""{"prompt":"a fox","guidance_scale":0.5}""")));
        Assert.Contains("between 1 and 20", outOfRange.GetProperty("guidance_scale")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("fal-ai/flux/pro", Json("""{"prompt":"a fox"}"""))).StatusCode);
    }

    [Fact]
    public async Task A_nested_request_under_the_endpoints_params_key_runs_at_the_route_its_route_params_build()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        Assert.Equal("/v1/models/black-forest-labs/flux-schnell/predictions", FluxSchnellOperations.Description.Path);
        var result = await client.FluxSchnell.GenerateAsync(new FluxSchnellRequest(new FluxSchnellParams("a fox")));

        Assert.True(result.Job.IsSucceeded);
        using var http = Raw(emulator);
        var missing = await Details(await http.PostAsync("v1/models/black-forest-labs/flux-schnell/predictions", Json("""{"input":{}}""")));
        Assert.Equal("is required", missing.GetProperty("input.prompt")[0].GetString());
    }

    [Fact]
    public async Task A_multipart_request_with_a_file_runs_and_its_retry_with_the_same_key_replays_the_same_job()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        var image = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();
        Sora2Request Request() => new("waves at dusk")
        {
            InputReference = FileUpload.FromBytes(image, "start.png", "image/png"),
            Seconds = 8,
            Strength = 0.35,
            Tags = ["sea", "calm"],
        };

        var result = await client.Sora2.GenerateAsync(Request());
        var first = await client.Sora2.SubmitAsync(Request(), new RequestOptions { IdempotencyKey = "video-42" });
        var replay = await client.Sora2.SubmitAsync(Request(), new RequestOptions { IdempotencyKey = "video-42" });

        Assert.True(result.Job.IsSucceeded);
        Assert.Equal(first.Id, replay.Id);
        Assert.Equal(2, emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task The_emulator_validates_each_form_part_by_its_schema_type_and_refuses_json_on_a_multipart_endpoint()
    {
        await using var emulator = await StartAsync();
        using var http = Raw(emulator);

        using var form = new MultipartFormDataContent
        {
            { new StringContent("sora-2"), "model" },
            { new StringContent("waves"), "prompt" },
            { new StringContent("1.5"), "strength" },
            { new StringContent("5"), "seconds" },
            { new StringContent("a picture"), "input_reference" },
            { new StringContent("x"), "colour" },
        };
        var details = await Details(await http.PostAsync("v1/videos", form));

        Assert.Equal(["colour", "input_reference", "seconds", "strength"], details.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("between 0 and 1", details.GetProperty("strength")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("must be a file part", details.GetProperty("input_reference")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PostAsync("v1/videos", Json("""{"model":"sora-2","prompt":"waves"}"""))).StatusCode);
        Assert.Equal(0, emulator.Stats.JobsCreated);
    }

    private static HttpClient Raw(ApiEmulator emulator)
    {
        var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Key " + EmulatorOptions.DefaultApiKey);
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static async Task<JsonElement> Details(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.GetProperty("details").Clone();
        }
    }
}
