using System;
using System.Linq;
using System.Text.Json;
using Apiframe;
using Awkward.Client;
using Xunit;

namespace ProducerGen.Generated.Tests;

public class JsonWritingTests
{
    [Fact]
    public void Producer_request_uses_the_schema_wire_names_and_omits_unset_members()
    {
        var request = new ProducerRequest("an upbeat synthwave track")
        {
            Params = new ProducerParams { ModelVersion = ProducerModelVersion.Fuzz1_1Pro, Weirdness = 0.35, Seed = "demo-1", Instrumental = false },
        };

        var json = JsonOf.Write(request);

        Assert.Equal(
            """{"model":"producer","prompt":"an upbeat synthwave track","producerParams":{"model_version":"FUZZ_1_1_PRO","instrumental":false,"seed":"demo-1","weirdness":0.35}}""",
            json);
    }

    [Fact]
    public void Every_member_kind_round_trips_through_json()
    {
        var request = new Flux1_1ProRequest("a cat")
        {
            WebhookUrl = new Uri("https://example.com/hook?x=1&y=%20"),
            Tags = new[] { "cats", "pets" },
            Params = new Flux1_1ProParams
            {
                AspectRatio = Flux1_1ProAspectRatio._16_9,
                Class = "kw",
                Steps = 28,
                Duration = 10,
                Guidance = -0.25,
                Raw = true,
                ReferenceImages = new[] { new Uri("https://x.test/a.png") },
                Loras = new[] { new Flux1_1ProLora(new Uri("https://x.test/l")) { Scale = 1.5 } },
                Output = new Flux1_1ProOutput { Format = Flux1_1ProOutputFormat.Jpeg, Quality = 90, Size = new Flux1_1ProOutputSize { Width = 512 } },
            },
        };

        var root = JsonOf.Parse(JsonOf.Write(request));

        Assert.Equal("flux-1.1-pro", root.GetProperty("model").GetString());
        Assert.Equal("https://example.com/hook?x=1&y=%20", root.GetProperty("webhookUrl").GetString());
        Assert.Equal(new[] { "cats", "pets" }, root.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        var p = root.GetProperty("fluxParams");
        Assert.Equal("16:9", p.GetProperty("aspect_ratio").GetString());
        Assert.Equal("kw", p.GetProperty("class").GetString());
        Assert.Equal(28, p.GetProperty("steps").GetInt64());
        Assert.Equal(10, p.GetProperty("duration").GetInt64());
        Assert.Equal(-0.25, p.GetProperty("guidance").GetDouble());
        Assert.True(p.GetProperty("raw").GetBoolean());
        Assert.Equal("https://x.test/a.png", p.GetProperty("reference_images")[0].GetString());
        Assert.Equal("https://x.test/l", p.GetProperty("loras")[0].GetProperty("path").GetString());
        Assert.Equal(1.5, p.GetProperty("loras")[0].GetProperty("scale").GetDouble());
        Assert.Equal("jpeg", p.GetProperty("output").GetProperty("format").GetString());
        Assert.Equal(512, p.GetProperty("output").GetProperty("size").GetProperty("width").GetInt64());
    }

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(1e-7)]
    [InlineData(0.35)]
    [InlineData(double.Epsilon)]
    public void Numbers_are_written_round_trippably(double value)
    {
        var json = JsonOf.Write(new ProducerRequest("x") { Params = new ProducerParams { Weirdness = value } });

        Assert.Equal(value, JsonOf.Parse(json).GetProperty("producerParams").GetProperty("weirdness").GetDouble());
    }

    [Fact]
    public void Enum_wire_values_are_sent_unchanged_and_parse_back()
    {
        foreach (var value in Enum.GetValues<Flux1_1ProAspectRatio>())
        {
            Assert.True(Flux1_1ProAspectRatioExtensions.TryParseWireValue(value.ToWireValue(), out var parsed));
            Assert.Equal(value, parsed);
        }

        Assert.Equal(new[] { "16:9", "1:1", "9:16", "3d-render", "1024x1024" }, Enum.GetValues<Flux1_1ProAspectRatio>().Select(v => v.ToWireValue()));
        Assert.False(Flux1_1ProAspectRatioExtensions.TryParseWireValue("21:9", out _));
    }

    [Fact]
    public void Enum_conversions_refuse_what_is_not_a_declared_member()
    {
        // Issue 20 made the conversions a table indexed by the value: every edge of the table must refuse as the switch did.
        var count = Enum.GetValues<Flux1_1ProAspectRatio>().Length;
        foreach (var wire in new[] { null, "", "16:9 ", "16:9\0", "3D-RENDER" })
        {
            Assert.False(Flux1_1ProAspectRatioExtensions.TryParseWireValue(wire, out var value), wire);
            Assert.Equal(default, value);
        }

        foreach (var cast in new[] { -1, count, int.MaxValue, int.MinValue })
        {
            var undefined = (Flux1_1ProAspectRatio)cast;
            Assert.False(undefined.IsDefined());
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => undefined.ToWireValue());
            Assert.Equal("value", exception.ParamName);
        }

        Assert.True(((Flux1_1ProAspectRatio)(count - 1)).IsDefined());
        Assert.True(((Flux1_1ProAspectRatio)0).IsDefined());
    }
}
