using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>Catalog ids map to readable, valid, collision-free C# names.</summary>
public class NamingTests
{
    [Theory]
    [InlineData("flux-1.1-pro", "Flux1_1Pro")]
    [InlineData("flux-1.1-pro-ultra", "Flux1_1ProUltra")]
    [InlineData("851-bg-remove", "_851BgRemove")]
    [InlineData("gpt-image-1.5", "GptImage1_5")]
    [InlineData("gpt-image-2", "GptImage2")]
    [InlineData("seedream-3", "Seedream3")]
    [InlineData("seedream-3.1", "Seedream3_1")]
    [InlineData("kling-3.0-omni", "Kling3_0Omni")]
    [InlineData("wan-2.7-r2v", "Wan2_7R2v")]
    [InlineData("runway-gen4.5", "RunwayGen4_5")]
    [InlineData("dall-e-3", "DallE3")]
    [InlineData("stable-diffusion-3.5-large-turbo", "StableDiffusion3_5LargeTurbo")]
    public void Model_ids_map_to_readable_names(string id, string expected)
    {
        var document = SchemaLoader.Load(File.ReadAllText(TestFiles.SchemaPath)).Document!;
        Assert.Equal(expected, document.Models.Single(m => m.Id == id).CSharpName);
    }

    [Fact]
    public void Every_generated_name_is_a_valid_identifier_and_unique()
    {
        var document = SchemaLoader.Load(File.ReadAllText(TestFiles.SchemaPath)).Document!;
        var models = document.Models.Select(m => m.CSharpName).ToList();
        Assert.Equal(models.Count, models.Distinct(StringComparer.Ordinal).Count());
        Assert.All(models, name => Assert.True(SyntaxFacts.IsValidIdentifier(name), name));

        // Types derived from model names (Request, Params, Result, Operations) must not meet another model's.
        var derived = models.SelectMany(m => new[] { m + "Request", m + "Params", m + "Result", m + "Operations" }).ToList();
        Assert.Equal(derived.Count, derived.Distinct(StringComparer.Ordinal).Count());
        var endpoints = document.Endpoints.Select(e => e.CSharpName + "Result").ToList();
        Assert.Empty(endpoints.Intersect(derived, StringComparer.Ordinal));

        foreach (var model in document.Models)
        {
            var names = model.Params.Select(p => p.CSharpName).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            Assert.All(names, name => Assert.True(SyntaxFacts.IsValidIdentifier(name), model.Id + ": " + name));
        }
    }

    [Theory]
    [InlineData("/v2/images/generate", "images")]
    [InlineData("/v2/videos/generate", "videos")]
    [InlineData("/v2/music/generate", "music")]
    [InlineData("/v2/images/edit", "imageEdit")]
    [InlineData("/v2/images/upscale", "imageUpscale")]
    [InlineData("/v2/images/background-remove", "imageBackgroundRemove")]
    [InlineData("/v2/videos/edit", "videoEdit")]
    [InlineData("/v2/videos/upscale", "videoUpscale")]
    public void Endpoint_names_are_readable(string path, string expected) => Assert.Equal(expected, OpenApiImporter.EndpointName(path));
}
