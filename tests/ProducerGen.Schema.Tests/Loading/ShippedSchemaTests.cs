using System.IO;
using System.Linq;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

public class ShippedSchemaTests
{
    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, "Shipped"), "*.producergen.yaml").OrderBy(p => p, System.StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Shipped_schema_loads_without_diagnostics(string fileName)
    {
        var result = SchemaLoader.Load(File.ReadAllText(SchemaText.Shipped(fileName)));

        Assert.Empty(result.Diagnostics.Select(d => d.Format(fileName)));
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Loading_the_same_text_twice_gives_equal_models()
    {
        var text = File.ReadAllText(SchemaText.Shipped("apiframe-music.producergen.yaml"));

        var first = SchemaLoader.Load(text);
        var second = SchemaLoader.Load(text);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotSame(first.Document, second.Document);
    }

    [Fact]
    public void Music_schema_describes_producer_as_the_contract_says()
    {
        var document = SchemaLoader.Load(File.ReadAllText(SchemaText.Shipped("apiframe-music.producergen.yaml"))).Document!;

        Assert.Equal("ApiframeClient", document.Api.CSharpName + "Client");
        Assert.Equal(new[] { "producer", "suno", "udio", "lyria-3-clip", "lyria-3-pro", "elevenlabs-music", "mureka" }, document.Models.Select(m => m.Id));
        var producer = document.Models[0];
        Assert.Equal(("Producer", "music", "producerParams", 45_000L), (producer.CSharpName, producer.Endpoint, producer.ParamsKey, producer.AverageCompletionMilliseconds));
        var weirdness = producer.Params.Single(p => p.Name == "weirdness");
        Assert.Equal(new TypeSpec(MemberType.Number, Minimum: 0, Maximum: 1, Step: 0.05), weirdness.Type);
        var version = producer.Params.Single(p => p.Name == "model_version");
        Assert.Equal(("ModelVersion", "FUZZ_2_PRO"), (version.CSharpName, version.Default));
        Assert.Equal(new[] { "FUZZ_2_PRO", "FUZZ_2", "FUZZ_2_RAW", "FUZZ_1_1_PRO", "FUZZ_1_PRO", "FUZZ_1" }, version.Type.EnumValues);
        Assert.Equal(80, producer.Params.Single(p => p.Name == "title").Type.MaxLength);
        var music = document.FindEndpoint("music")!;
        Assert.Equal(new Route("POST", "/v2/music/generate"), music.Request);
        Assert.True(music.Fields.Single(f => f.Name == "prompt").Required);
        Assert.Equal(MemberType.Object, music.Result.Single(r => r.Name == "tracks").Type.Items!.Kind);
        Assert.Equal(new Route("GET", "/v2/jobs/{id}"), document.Api.Jobs.Get);
    }
}
