using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary>Issue 16, item 2: <c>format</c>, <c>nullable</c> and a model's <c>paramsRequired</c>.</summary>
public class FormatsAndNullabilityTests
{
    private const string Prompt = "{ type: string, required: true }";
    private const string Weirdness = "weirdness: { type: number, min: 0, max: 1, step: 0.05 }";

    private static void AssertSingle(string text, string id, int line, int column, string phrase)
    {
        var result = SchemaLoader.Load(text);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal((line, column), (error.Range.StartLine, error.Range.StartColumn));
        Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
        Assert.Null(result.Document);
    }

    [Theory]
    [InlineData("uuid", MemberFormat.Uuid)]
    [InlineData("date-time", MemberFormat.DateTime)]
    [InlineData("uri", MemberFormat.Uri)]
    [InlineData("email", MemberFormat.Email)]
    public void A_string_format_is_read_into_the_type(string name, MemberFormat expected)
    {
        var document = SchemaLoader.Load(SchemaText.With(Prompt, $"{{ type: string, required: true, format: {name} }}")).Document!;

        Assert.Equal(expected, Assert.Single(Assert.Single(document.Endpoints).Fields).Type.Format);
    }

    [Fact]
    public void Without_the_new_keys_nothing_is_nullable_formatted_or_required()
    {
        var document = SchemaLoader.Load(SchemaText.Minimal).Document!;

        var field = Assert.Single(Assert.Single(document.Endpoints).Fields);
        Assert.Equal(MemberFormat.None, field.Type.Format);
        Assert.False(field.Nullable);
        Assert.False(Assert.Single(document.Models).ParamsRequired);
    }

    [Fact]
    public void Nullable_and_params_required_are_read()
    {
        var text = SchemaText.With("    params:\n      " + Weirdness, "    paramsRequired: true\n    params:\n      weirdness: { type: number, nullable: true }");
        var model = Assert.Single(SchemaLoader.Load(text).Document!.Models);

        Assert.True(model.ParamsRequired);
        Assert.True(Assert.Single(model.Params).Nullable);
    }

    [Fact]
    public void An_unknown_format_is_PG0016_at_its_value_with_a_hint() =>
        AssertSingle(SchemaText.With(Prompt, "{ type: string, format: uiid }"), "PG0016", 12, 39, "use one of uuid, date-time, uri, email. Did you mean 'uuid'?");

    [Fact]
    public void A_format_on_a_number_is_PG0006_at_its_key() =>
        AssertSingle(SchemaText.With(Weirdness, "weirdness: { type: number, format: uuid }"), "PG0006", 18, 34, "'format' does not apply");

    [Fact]
    public void A_format_on_a_url_is_PG0006_because_a_url_already_has_its_shape() =>
        AssertSingle(SchemaText.With(Prompt, "{ type: url, format: uri }"), "PG0006", 12, 28, "'format' does not apply");

    [Theory]
    [InlineData("uuid", "test", "is not a UUID")]
    [InlineData("date-time", "2026-01-31T12:00:00", "RFC 3339 date-time with an offset")]
    [InlineData("email", "nobody", "e-mail address")]
    [InlineData("uri", "/relative", "absolute URI")]
    public void A_default_that_breaks_its_format_is_PG0009_at_the_default(string format, string value, string phrase) =>
        AssertSingle(SchemaText.With(Prompt, $"{{ type: string, format: {format}, default: '{value}' }}"), "PG0009", 12, 39 + format.Length + 11, phrase);

    [Fact]
    public void A_default_that_keeps_its_format_loads() =>
        Assert.Empty(SchemaLoader.Load(SchemaText.With(Prompt, "{ type: string, format: date-time, default: '2026-01-31T12:00:00+01:00' }")).Diagnostics);

    [Fact]
    public void Required_and_nullable_together_is_PG0016_at_nullable() =>
        AssertSingle(SchemaText.With(Prompt, "{ type: string, required: true, nullable: true }"), "PG0016", 12, 47, "both required and nullable");

    [Fact]
    public void Nullable_array_items_are_PG0016_at_the_items_key() =>
        AssertSingle(SchemaText.With(Prompt, "{ type: array, items: { type: string, nullable: true } }"), "PG0016", 12, 53, "not to the items");

    [Fact]
    public void A_nullable_file_is_PG0006() =>
        Assert.Contains(SchemaLoader.Load(SchemaText.With(Prompt, "{ type: file, nullable: true }")).Diagnostics, d => d.Id == "PG0006" && d.Message.Contains("'nullable'", System.StringComparison.Ordinal));

    [Fact]
    public void Params_required_on_a_flat_endpoint_is_PG0016_at_its_key()
    {
        var text = SchemaText.With("    request: POST /v1/generate", "    request: POST /v1/generate\n    bodyLayout: flat")
            .Replace("    paramsKey: alphaParams\n", "    paramsRequired: true\n", System.StringComparison.Ordinal);

        AssertSingle(text, "PG0016", 17, 5, "no params block to require");
    }

    [Fact]
    public void Params_required_must_be_a_boolean() =>
        AssertSingle(SchemaText.With("    paramsKey: alphaParams", "    paramsKey: alphaParams\n    paramsRequired: sometimes"), "PG0015", 17, 21, "paramsRequired");
}
