using System;
using System.Linq;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>Quoting, and the overlay mechanism.</summary>
public class WriterAndOverlayTests
{
    [Theory]
    [InlineData("16:9", "'16:9'")]
    [InlineData("yes", "'yes'")]
    [InlineData("no", "'no'")]
    [InlineData("n", "'n'")]
    [InlineData("On", "'On'")]
    [InlineData("null", "'null'")]
    [InlineData("~", "'~'")]
    [InlineData("1.0", "'1.0'")]
    [InlineData("5", "'5'")]
    [InlineData("1024x1024", "1024x1024")]
    [InlineData("45s", "45s")]
    [InlineData("720p", "720p")]
    [InlineData("1e5", "'1e5'")]
    [InlineData("0x1F", "'0x1F'")]
    [InlineData("0o17", "'0o17'")]
    [InlineData("1_000", "'1_000'")]
    [InlineData("0.5MP", "'0.5MP'")]
    [InlineData("2024-01-01", "'2024-01-01'")]
    [InlineData("-x", "'-x'")]
    [InlineData("a # b", "'a # b'")]
    [InlineData("key: value", "'key: value'")]
    [InlineData("it's", "it's")]
    [InlineData("'quoted'", "'''quoted'''")]
    [InlineData("a, b", "'a, b'")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("", "''")]
    [InlineData("FUZZ_2_PRO", "FUZZ_2_PRO")]
    [InlineData("https://api.apiframe.ai", "https://api.apiframe.ai")]
    [InlineData("Zoom out 1.5x", "Zoom out 1.5x")]
    public void Strings_are_quoted_only_where_plain_yaml_would_read_something_else(string value, string expected)
    {
        Assert.Equal(expected, SchemaYamlWriter.Quote(value));

        // And the loader reads it back unchanged, as an enum value.
        var yaml = "producergen: 1\napi:\n  name: Demo\n  baseUrl: https://a.example\n  auth: { header: K }\n  jobs:\n    get: GET /j/{id}\n"
            + "endpoints:\n  gen: { request: POST /g }\nmodels:\n  m:\n    endpoint: gen\n    paramsKey: p\n    params:\n"
            + "      x: { type: string, enum: [" + SchemaYamlWriter.Quote(value) + "] }\n";
        var loaded = SchemaLoader.Load(yaml);
        if (value.Length > 0)
        {
            Assert.True(loaded.Diagnostics.Count == 0, string.Join("; ", loaded.Diagnostics.Select(d => d.Format("x"))));
            Assert.Equal(value, loaded.Document!.Models[0].Params[0].Type.EnumValues[0]);
        }
    }

    private static YMap Tree()
    {
        var root = new YMap();
        var models = new YMap();
        var flux = new YMap().Add("endpoint", "images").Add("paramsKey", "fluxParams");
        var fluxParams = new YMap();
        fluxParams.Add("guidance", new YMap(flow: true).Add("type", "number").Add("min", new YScalar("1.5", ScalarKind.Number)).Add("max", new YScalar("10", ScalarKind.Number)).Add("description", "Guidance"));
        flux.Add("params", fluxParams);
        models.Add("flux-1.1-pro", flux);
        root.Add("models", models);
        return root;
    }

    [Fact]
    public void Overlay_sets_and_adds_keys_in_the_formats_order_and_matches_dotted_ids()
    {
        var overlay = SchemaOverlay.Parse(
            """
            models.flux-1.1-pro.params.guidance.step: 0.5
            models.[flux-1.1-pro].summary: 'Fast: 1.1'
            models.flux-1.1-pro.averageCompletion: 10s
            models.flux-1.1-pro.params.guidance.max: 9
            """);
        var tree = Tree();
        overlay.ApplyTo(tree);
        Assert.Equal(
            "models:\n  flux-1.1-pro:\n    endpoint: images\n    paramsKey: fluxParams\n    summary: 'Fast: 1.1'\n    averageCompletion: 10s\n    params:\n      guidance: { type: number, min: 1.5, max: 9, step: 0.5, description: Guidance }\n",
            SchemaYamlWriter.Write(tree));
    }

    [Fact]
    public void Overlay_path_naming_nothing_fails_loudly()
    {
        var overlay = SchemaOverlay.Parse("models.flux-9.summary: gone\n");
        var error = Assert.Throws<OverlayException>(() => overlay.ApplyTo(Tree(), "apiframe.overlay.yaml"));
        Assert.StartsWith("apiframe.overlay.yaml(1,1): the overlay path 'models.flux-9.summary' cannot be applied: 'models.flux-9' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_overlay_keeps_the_seed_page_facts()
    {
        var document = SchemaLoader.Load(TestFiles.ImportReference()).Document!;
        var producer = document.Models.Single(m => m.Id == "producer");
        Assert.Equal(0.05, producer.Params.Single(p => p.Name == "weirdness").Type.Step);
        Assert.Equal(45_000, producer.AverageCompletionMilliseconds);
        Assert.NotNull(producer.Summary);
        Assert.Equal("tracks", document.FindEndpoint("music")!.Result.Single().Name);
        Assert.All(document.Endpoints.Where(e => e.Name != "music"), e => Assert.Empty(e.Result));
        Assert.Equal("X-Webhook-Signature", document.Api.Webhooks!.SignatureHeader);
    }
}
