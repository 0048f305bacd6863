using ProducerGen.Schema.Naming;
using Xunit;

namespace ProducerGen.Schema.Tests.Naming;

public class NameMapperTests
{
    [Theory]
    [InlineData("model_version", "ModelVersion")]
    [InlineData("lyrics_strength", "LyricsStrength")]
    [InlineData("producer", "Producer")]
    [InlineData("flux-1.1-pro", "Flux1_1Pro")]
    [InlineData("flux-11-pro", "Flux11Pro")]
    [InlineData("851-bg-remove", "_851BgRemove")]
    [InlineData("gpt-image-1.5", "GptImage1_5")]
    [InlineData("lyria-3-clip", "Lyria3Clip")]
    [InlineData("elevenlabs-music", "ElevenlabsMusic")]
    [InlineData("FUZZ_2_PRO", "Fuzz2Pro")]
    [InlineData("FUZZ_1_1_PRO", "Fuzz1_1Pro")]
    [InlineData("FUZZ_1", "Fuzz1")]
    [InlineData("V4_5PLUS", "V4_5plus")]
    [InlineData("16:9", "_16_9")]
    [InlineData("9:16", "_9_16")]
    [InlineData("3d-render", "_3dRender")]
    [InlineData("1024x1024", "_1024x1024")]
    [InlineData("audioUrl", "AudioUrl")]
    [InlineData("webhookEvents", "WebhookEvents")]
    [InlineData("class", "Class")]
    [InlineData("mp3_high_quality", "Mp3HighQuality")]
    [InlineData("m", "M")]
    [InlineData("+", "_x2B")]
    [InlineData("", "_Empty")]
    public void Maps_schema_names_to_pascal_case(string name, string expected) =>
        Assert.Equal(expected, NameMapper.ToPascalCase(name));

    [Theory]
    [InlineData("prompt", "prompt")]
    [InlineData("webhook_url", "webhookUrl")]
    [InlineData("class", "@class")]
    [InlineData("string", "@string")]
    [InlineData("params", "@params")]
    [InlineData("URLPath", "urlPath")]
    [InlineData("851-bg-remove", "_851BgRemove")]
    public void Maps_schema_names_to_camel_case_escaping_keywords(string name, string expected) =>
        Assert.Equal(expected, NameMapper.ToCamelCase(name));

    [Theory]
    [InlineData("16:9", "16-9")]
    [InlineData("model_version", "model-version")]
    [InlineData("flux.1", "flux-1")]
    [InlineData("FUZZ_2", "fuzz_2")]
    public void Distinct_names_can_collide_and_the_loader_reports_them(string first, string second) =>
        Assert.Equal(NameMapper.ToPascalCase(first), NameMapper.ToPascalCase(second));

    [Theory]
    [InlineData("flux-1.1-pro")]
    [InlineData("16:9")]
    [InlineData("3d-render")]
    [InlineData("ünïcödé-name")]
    [InlineData("a b\tc")]
    [InlineData("---")]
    public void Every_mapped_name_is_a_valid_identifier(string name)
    {
        var identifier = NameMapper.ToPascalCase(name);

        Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(identifier), identifier);
    }
}
