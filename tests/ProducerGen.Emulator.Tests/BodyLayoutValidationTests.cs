using System.Text.Json;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Tests;

/// <summary>Issue 15, item 5: the validator reads flat bodies, a renamed model member, and the model from the route.</summary>
public sealed class BodyLayoutValidationTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Studio
          baseUrl: https://api.studio.test
          auth: { header: X-API-Key }
          jobs: { get: "GET /v1/jobs/{id}" }
        endpoints:
          queue:
            request: POST /{+model}
            bodyLayout: flat
            modelMember: none
            fields:
              prompt: { type: string, required: true }
          renamed:
            request: POST /v1/run
            bodyLayout: flat
            modelMember: model_name
        models:
          fal-ai/flux/dev:
            endpoint: queue
            params:
              steps: { type: integer, min: 1, max: 50, required: true }
          fal-ai/flux/schnell:
            endpoint: queue
            params:
              seed: { type: integer }
          runner:
            endpoint: renamed
            params:
              speed: { type: number, max: 2 }
        """;

    private static readonly SchemaDocument Document = SchemaLoader.Load(Schema).Document!;
    private static readonly SchemaRequestValidator Validator = new(Document);

    private static RequestValidationResult Validate(string endpoint, string json, string? routeModel)
    {
        using var body = JsonDocument.Parse(json);
        return Validator.Validate(Document.FindEndpoint(endpoint)!, body.RootElement, routeModel is null ? null : Document.Models.Single(m => m.Id == routeModel));
    }

    [Fact]
    public void A_flat_body_is_checked_member_by_member_at_the_top_level_for_the_routes_model()
    {
        var valid = Validate("queue", """{"prompt":"a fox","steps":4}""", "fal-ai/flux/dev");
        Assert.True(valid.IsValid);
        Assert.Equal("fal-ai/flux/dev", valid.Model!.Id);

        var invalid = Validate("queue", """{"prompt":"a fox","steps":99,"seed":1}""", "fal-ai/flux/dev");
        Assert.Equal("must be between 1 and 50 (was 99)", Assert.Single(invalid.Errors["steps"]));
        Assert.Contains("is not a known member", Assert.Single(invalid.Errors["seed"]), StringComparison.Ordinal); // schnell's param, not dev's

        Assert.Equal("is required", Assert.Single(Validate("queue", """{"prompt":"a fox"}""", "fal-ai/flux/dev").Errors["steps"]));
    }

    [Fact]
    public void A_body_that_names_no_model_needs_the_route_to()
    {
        var result = Validate("queue", """{"prompt":"a fox"}""", routeModel: null);

        Assert.Contains("names no model", Assert.Single(result.Errors[string.Empty]), StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Fact]
    public void A_renamed_model_member_carries_the_model_id_and_model_is_then_unknown()
    {
        Assert.True(Validate("renamed", """{"model_name":"runner","speed":1.5}""", routeModel: null).IsValid);

        var missing = Validate("renamed", """{"model":"runner"}""", routeModel: null);
        Assert.Equal("is required", Assert.Single(missing.Errors["model_name"]));
        Assert.Contains("is not a known member", Assert.Single(missing.Errors["model"]), StringComparison.Ordinal);
    }
}
