using System.Linq;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary>Issue 16, item 1: a model overrides its endpoint's shared fields (limits, requiredness, default, description).</summary>
public class FieldOverrideTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Demo
          baseUrl: https://api.example.com
          auth: { header: X-API-Key }
          jobs: { get: "GET /v1/jobs/{id}" }
        endpoints:
          music:
            request: POST /v1/music
            fields:
              prompt: { type: string, required: true, minLength: 1, maxLength: 5000, description: What to make. }
              seconds: { type: integer, min: 5, max: 300, default: 30 }
              tags: { type: array, items: { type: string }, maxItems: 10 }
        models:
          producer:
            endpoint: music
            paramsKey: producerParams
          mureka:
            endpoint: music
            paramsKey: murekaParams
            fields:
              prompt: { maxLength: 1024, description: What to make (at most 1024 characters for this model). }
              seconds: { max: 120, required: true }
        """;

    [Fact]
    public void A_models_overrides_merge_into_its_own_fields_and_leave_the_others_alone()
    {
        var result = SchemaLoader.Load(Schema);

        Assert.Empty(result.Diagnostics);
        var document = result.Document!;
        var endpoint = document.Endpoints.Single();
        var producer = document.Models.Single(m => m.Id == "producer");
        var mureka = document.Models.Single(m => m.Id == "mureka");
        Assert.Empty(producer.Fields);
        Assert.Equal(5000, producer.FieldsOf(endpoint)[0].Type.MaxLength);

        var fields = mureka.FieldsOf(endpoint);
        Assert.Equal(new[] { "prompt", "seconds", "tags" }, fields.Select(f => f.Name));
        Assert.Equal((1, 1024), (fields[0].Type.MinLength, fields[0].Type.MaxLength)); // minLength inherited
        Assert.Equal("What to make (at most 1024 characters for this model).", fields[0].Description);
        Assert.Equal((5.0, 120.0, true, "30"), (fields[1].Type.Minimum!.Value, fields[1].Type.Maximum!.Value, fields[1].Required, fields[1].Default));
        Assert.Same(endpoint.Fields[2], fields[2]); // not overridden: the endpoint's own
    }

    [Theory]
    [InlineData("      prompt: { maxLength: 1024, description: What to make (at most 1024 characters for this model). }", "      promt: { maxLength: 1024 }", "PG0016", 22, 7, "Did you mean 'prompt'?")]
    [InlineData("      seconds: { max: 120, required: true }", "      seconds: { type: number }", "PG0003", 23, 18, "'type'")]
    [InlineData("      seconds: { max: 120, required: true }", "      seconds: { max: 4 }", "PG0007", 23, 23, "once the endpoint's field is merged")]
    [InlineData("      seconds: { max: 120, required: true }", "      seconds: { max: 20 }", "PG0009", 23, 16, "breaks this model's override")]
    [InlineData("      seconds: { max: 120, required: true }", "      seconds: { max: 120, default: 200 }", "PG0009", 23, 37, "outside the allowed range")]
    [InlineData("      seconds: { max: 120, required: true }", "      seconds: { step: 0 }", "PG0008", 23, 24, "greater than zero")]
    [InlineData("      seconds: { max: 120, required: true }", "      seconds: { maxLength: 3 }", "PG0006", 23, 18, "'maxLength' does not apply")]
    [InlineData("      seconds: { max: 120, required: true }", "      seconds: 120", "PG0015", 23, 16, "must be a mapping")]
    public void Each_misuse_is_located(string find, string replace, string id, int line, int column, string phrase)
    {
        var result = SchemaLoader.Load(Schema.Replace(find, replace, System.StringComparison.Ordinal));

        var error = result.Diagnostics.First(d => d.Id == id);
        Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Range.StartLine, error.Range.StartColumn));
        Assert.Null(result.Document);
    }
}
