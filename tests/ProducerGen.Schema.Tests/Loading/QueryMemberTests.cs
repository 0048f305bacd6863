using System.Linq;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary>Members sent in the submit URL's query string (<c>in: query</c>): fal.ai's <c>fal_webhook</c>.</summary>
public class QueryMemberTests
{
    private const string Field = "      prompt: { type: string, required: true }";

    [Fact]
    public void A_top_level_field_may_go_in_the_query_and_body_is_the_default()
    {
        var result = SchemaLoader.Load(SchemaText.With(Field, Field + "\n      fal_webhook: { type: url, in: query }\n      seed: { type: integer, in: body }"));

        Assert.Empty(result.Diagnostics);
        var fields = result.Document!.Endpoints[0].Fields;
        Assert.Equal(new[] { false, true, false }, fields.Select(f => f.InQuery));
    }

    [Theory]
    [InlineData(Field, Field + "\n      tags: { type: array, items: { type: string }, in: query }", "one text value")]
    [InlineData(Field, Field + "\n      hook: { type: url, in: query, nullable: true }", "nullable")]
    [InlineData(Field, Field + "\n      hook: { type: url, in: header }", "not one of body, query")]
    [InlineData("      weirdness: { type: number, min: 0, max: 1, step: 0.05 }", "      weirdness: { type: number, min: 0, max: 1, step: 0.05, in: query }", "only a top-level member")]
    [InlineData(Field, Field + "\n      meta: { type: object, properties: { hook: { type: url, in: query } } }", "only a top-level member")]
    public void Each_misuse_is_PG0016_where_in_is_written(string find, string replace, string phrase)
    {
        var result = SchemaLoader.Load(SchemaText.With(find, replace));

        var error = result.Diagnostics.First(d => d.Id == "PG0016");
        Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
        Assert.Null(result.Document);
    }
}
