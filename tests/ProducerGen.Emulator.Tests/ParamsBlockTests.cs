using System.Text.Json;
using ProducerGen.Schema.Loading;

namespace ProducerGen.Emulator.Tests;

/// <summary>
/// Issue 14, item 12: a model with a required param requires its params block. Omitting the block is the same 400 as
/// sending it empty, named by the params key (the provider's request schemas list the block in "required").
/// </summary>
public sealed class ParamsBlockTests
{
    public static TheoryData<string, string, string, string, string> OmittedBlocks => new()
    {
        { "/v2/images/edit", """{"model":"flux-fill-pro"}""", "fluxFillParams", "fluxFillParams.image, fluxFillParams.mode, fluxFillParams.prompt", """{"model":"flux-fill-pro","fluxFillParams":{"image":"https://cdn.example/a.png","mode":"inpaint","prompt":"a red door"}}""" },
        { "/v2/images/generate", """{"prompt":"me","model":"flux-lora"}""", "fluxLoraParams", "fluxLoraParams.loraId", """{"prompt":"me","model":"flux-lora","fluxLoraParams":{"loraId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}}""" },
        { "/v2/images/background-remove", """{"model":"bria-bg-remove"}""", "briaBgRemoveParams", "briaBgRemoveParams.image", """{"model":"bria-bg-remove","briaBgRemoveParams":{"image":"https://cdn.example/a.png"}}""" },
        { "/v2/videos/generate", """{"prompt":"dance","model":"kling-3.0-motion-control"}""", "klingParams", "klingParams.image, klingParams.video", """{"prompt":"dance","model":"kling-3.0-motion-control","klingParams":{"image":"https://cdn.example/a.png","video":"https://cdn.example/a.mp4"}}""" },
        { "/v2/videos/upscale", """{"model":"topaz-video-upscale"}""", "topazVideoParams", "topazVideoParams.target_fps, topazVideoParams.target_resolution, topazVideoParams.video", """{"model":"topaz-video-upscale","topazVideoParams":{"target_fps":30,"target_resolution":"1080p","video":"https://cdn.example/a.mp4"}}""" },
    };

    [Theory]
    [MemberData(nameof(OmittedBlocks))]
    public async Task Omitting_a_params_block_with_required_params_is_a_400_naming_the_params_key(string route, string omitted, string paramsKey, string needs, string valid)
    {
        await using var t = await TestEmulator.StartAsync(o => o.SchemaPath = RepoFiles.Catalog);
        var path = route.TrimStart('/');
        var model = JsonDocument.Parse(omitted).RootElement.GetProperty("model").GetString();

        var json = (await ReadResponse.ReadAsync(await t.PostAsync(omitted, path: path))).AssertError(400);
        Assert.Equal("Validation failed", json.GetProperty("error").GetString());
        var details = json.GetProperty("details");
        Assert.Equal([paramsKey], details.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"is required ({model} needs {needs})", details.GetProperty(paramsKey).EnumerateArray().Single().GetString());
        OpenApi.AssertDocumentedResponse("POST", route, 400, json);

        // The empty block was already refused; it still is, member by member.
        var empty = omitted.TrimEnd('}') + $",\"{paramsKey}\":{{}}}}";
        var emptyJson = (await ReadResponse.ReadAsync(await t.PostAsync(empty, path: path))).AssertError(400);
        foreach (var member in needs.Split(", "))
        {
            Assert.Equal("is required", emptyJson.GetProperty("details").GetProperty(member)[0].GetString());
        }

        await t.SubmitAsync(valid, path: path);
        Assert.Equal(1, t.Stats.JobsCreated);
    }

    [Fact]
    public void Across_the_catalog_exactly_the_models_with_a_required_param_or_paramsRequired_require_their_block()
    {
        var loaded = SchemaLoader.Load(File.ReadAllText(RepoFiles.Catalog));
        Assert.False(loaded.HasErrors);
        var schema = loaded.Document!;
        var validator = new SchemaRequestValidator(schema);
        var requiring = new List<string>();
        foreach (var model in schema.Models)
        {
            var endpoint = schema.Endpoints.Single(e => e.Name == model.Endpoint);
            using var body = JsonDocument.Parse(JsonSerializer.Serialize(new { model = model.Id, prompt = "x" }));
            var result = validator.Validate(endpoint, body.RootElement);
            var needsBlock = model.ParamsRequired || model.Params.Any(p => p.Required);
            Assert.True(needsBlock == result.Errors.ContainsKey(model.ParamsKey), $"{model.Id}: {string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(", ", e.Value)))}");
            if (needsBlock)
            {
                requiring.Add(model.Id);
            }
        }

        // flux-fill-pro is the issue's example; kling-3.0-omni's required members are inside multi_prompt items, so its
        // block (shared with kling-3.0-motion-control, which does require it) stays optional.
        Assert.Contains("flux-fill-pro", requiring);
        Assert.Contains("kling-3.0-motion-control", requiring);
        Assert.Contains("wan-2.7-r2v", requiring); // paramsRequired: every member optional, the block still required
        Assert.DoesNotContain("kling-3.0-omni", requiring);
    }

    [Theory]
    [InlineData("producer")]
    [InlineData("suno")]
    [InlineData("udio")]
    [InlineData("lyria-3-clip")]
    [InlineData("lyria-3-pro")]
    [InlineData("elevenlabs-music")]
    [InlineData("mureka")]
    public async Task Music_models_have_no_required_params_so_their_block_may_be_omitted(string model)
    {
        await using var t = await TestEmulator.StartAsync();
        Assert.DoesNotContain(t.Emulator.Schema.Models.Single(m => m.Id == model).Params, p => p.Required);
        await t.SubmitAsync(JsonSerializer.Serialize(new { prompt = "a calm piano piece", model }));
    }
}
