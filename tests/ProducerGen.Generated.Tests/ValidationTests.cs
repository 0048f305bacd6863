using System;
using System.Linq;
using Apiframe;
using Awkward.Client;
using Xunit;

namespace ProducerGen.Generated.Tests;

/// <summary>Validate() catches each constraint kind exactly at its boundary, with the JSON path and the allowed range.</summary>
public class ValidationTests
{
    private static string[] PathsOf(ProducerGen.ValidationResult result) => result.Errors.Select(e => e.Path).ToArray();

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(0.35, true)]
    [InlineData(0.1 + 0.2, true)]
    [InlineData(0.7000000000000001, true)]
    [InlineData(0.33, false)]
    [InlineData(1.05, false)]
    [InlineData(-0.05, false)]
    public void Weirdness_range_and_step(double weirdness, bool valid)
    {
        var result = new ProducerRequest("x") { Params = new ProducerParams { Weirdness = weirdness } }.Validate();

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("producerParams.weirdness", error.Path);
        }
    }

    [Fact]
    public void Sound_strength_minimum_is_its_grid_origin()
    {
        Assert.True(new ProducerRequest("x") { Params = new ProducerParams { SoundStrength = 0.25 } }.Validate().IsValid);
        Assert.False(new ProducerRequest("x") { Params = new ProducerParams { SoundStrength = 0.15 } }.Validate().IsValid);
    }

    [Fact]
    public void Messages_name_the_allowed_range_and_the_value()
    {
        var error = Assert.Single(new ProducerRequest("x") { Params = new ProducerParams { Weirdness = 1.5 } }.Validate().Errors);

        Assert.Contains("0", error.Message, StringComparison.Ordinal);
        Assert.Contains("1", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var request = new ProducerRequest(string.Empty)
        {
            WebhookUrl = new Uri("ftp://example.com/x"),
            WebhookEvents = Array.Empty<MusicWebhookEvent>(),
            Params = new ProducerParams { Title = new string('t', 81), LyricsStrength = 2, ModelVersion = (ProducerModelVersion)99 },
        };

        var paths = PathsOf(request.Validate());

        Assert.Equal(
            new[] { "prompt", "webhookUrl", "webhookEvents", "producerParams.model_version", "producerParams.title", "producerParams.lyrics_strength" }.OrderBy(p => p),
            paths.OrderBy(p => p));
    }

    [Theory]
    [InlineData(80, true)]
    [InlineData(81, false)]
    public void Title_max_length(int length, bool valid) =>
        Assert.Equal(valid, new ProducerRequest("x") { Params = new ProducerParams { Title = new string('a', length) } }.Validate().IsValid);

    [Fact]
    public void Required_members_null_from_unannotated_callers_are_caught()
    {
        var result = new ProducerRequest(null!).Validate();

        Assert.Equal(new[] { "prompt" }, PathsOf(result));
    }

    [Fact]
    public void Awkward_constraints_each_fire_at_their_boundary()
    {
        Flux1_1ProRequest Valid() => new("ok") { Tags = new[] { "abc" }, Params = new Flux1_1ProParams { Steps = 1, Duration = 5, Guidance = 2.5, ReferenceImages = new[] { new Uri("https://x.test/1") } } };
        Assert.True(Valid().Validate().IsValid, string.Join("; ", Valid().Validate().Errors));

        Assert.Equal(new[] { "fluxParams.steps" }, PathsOf((Valid() with { Params = Valid().Params! with { Steps = 51 } }).Validate()));
        Assert.Equal(new[] { "fluxParams.steps" }, PathsOf((Valid() with { Params = Valid().Params! with { Steps = 0 } }).Validate()));
        Assert.Equal(new[] { "fluxParams.duration" }, PathsOf((Valid() with { Params = Valid().Params! with { Duration = 7 } }).Validate()));
        Assert.Equal(new[] { "fluxParams.guidance" }, PathsOf((Valid() with { Params = Valid().Params! with { Guidance = 0.3 } }).Validate()));
        Assert.Equal(new[] { "fluxParams.guidance" }, PathsOf((Valid() with { Params = Valid().Params! with { Guidance = -2.75 } }).Validate()));
        Assert.Equal(new[] { "fluxParams.reference_images" }, PathsOf((Valid() with { Params = Valid().Params! with { ReferenceImages = Array.Empty<Uri>() } }).Validate()));
        Assert.Equal(new[] { "fluxParams.reference_images[1]" }, PathsOf((Valid() with { Params = Valid().Params! with { ReferenceImages = new[] { new Uri("https://x.test/1"), new Uri("file:///etc/passwd") } } }).Validate()));
        Assert.Equal(new[] { "tags[1]" }, PathsOf((Valid() with { Tags = new[] { "ok", "NOT-OK" } }).Validate()));
        Assert.Equal(new[] { "tags" }, PathsOf((Valid() with { Tags = new[] { "a", "b", "c", "d" } }).Validate()));
        Assert.Equal(new[] { "prompt" }, PathsOf((Valid() with { Prompt = new string('p', 101) }).Validate()));
        Assert.Equal(new[] { "fluxParams.loras[0].scale" }, PathsOf((Valid() with { Params = Valid().Params! with { Loras = new[] { new Flux1_1ProLora(new Uri("https://x.test/l")) { Scale = 3 } } } }).Validate()));
        Assert.Equal(new[] { "fluxParams.output.size.width" }, PathsOf((Valid() with { Params = Valid().Params! with { Output = new Flux1_1ProOutput { Size = new Flux1_1ProOutputSize { Width = 100 } } } }).Validate()));
        Assert.Equal(new[] { "bgParams.image_url" }, PathsOf(new _851BgRemoveRequest("p", new _851BgRemoveParams(null!)).Validate()));
    }
}
