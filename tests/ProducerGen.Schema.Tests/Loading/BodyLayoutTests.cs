using System.Linq;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary>Issue 15, item 5: bodyLayout, paramsKey on the endpoint, modelMember, routeParams and multipart files.</summary>
public class BodyLayoutTests
{
    private const string Request = "    request: POST /v1/generate";
    private const string ModelParamsKey = "    paramsKey: alphaParams\n";
    private const string Weirdness = "      weirdness: { type: number, min: 0, max: 1, step: 0.05 }";

    /// <summary>The minimal schema with the endpoint's request line replaced and, when asked, the model's paramsKey removed.</summary>
    private static string Endpoint(string lines, bool keepModelParamsKey = false)
    {
        var text = SchemaText.With(Request, lines);
        return keepModelParamsKey ? text : text.Replace(ModelParamsKey, string.Empty, System.StringComparison.Ordinal);
    }

    private static SchemaLoadResult Load(string text) => SchemaLoader.Load(text);

    private static void AssertSingle(string text, string id, int line, int column, params string[] phrases)
    {
        var result = Load(text);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal((line, column), (error.Range.StartLine, error.Range.StartColumn));
        foreach (var phrase in phrases)
        {
            Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
        }

        Assert.Null(result.Document);
    }

    [Fact]
    public void Without_the_new_keys_every_default_is_todays_behaviour()
    {
        var document = Load(SchemaText.Minimal).Document!;

        var endpoint = Assert.Single(document.Endpoints);
        Assert.Equal(BodyLayout.Nested, endpoint.Layout);
        Assert.Equal("model", endpoint.ModelMember);
        Assert.Equal(BodyEncoding.Json, endpoint.Encoding);
        var model = Assert.Single(document.Models);
        Assert.Equal("alphaParams", model.ParamsKey);
        Assert.Null(model.SubmitPath);
    }

    [Fact]
    public void A_flat_endpoint_loads_its_models_without_a_params_key()
    {
        var document = Load(Endpoint(Request + "\n    bodyLayout: flat\n    modelMember: none")).Document!;

        var endpoint = Assert.Single(document.Endpoints);
        Assert.Equal(BodyLayout.Flat, endpoint.Layout);
        Assert.Null(endpoint.ModelMember);
        Assert.Equal(string.Empty, Assert.Single(document.Models).ParamsKey);
        Assert.Equal("weirdness", Assert.Single(document.Models).Params.Single().Name);
    }

    [Fact]
    public void The_endpoints_params_key_is_the_default_of_its_models_and_a_model_may_override_it()
    {
        var inherited = Load(Endpoint(Request + "\n    paramsKey: input")).Document!;
        Assert.Equal("input", Assert.Single(inherited.Models).ParamsKey);

        var overridden = Load(Endpoint(Request + "\n    paramsKey: input", keepModelParamsKey: true)).Document!;
        Assert.Equal("alphaParams", Assert.Single(overridden.Models).ParamsKey);
    }

    [Fact]
    public void A_renamed_model_member_is_kept()
    {
        var document = Load(Endpoint(Request + "\n    modelMember: model_name", keepModelParamsKey: true)).Document!;
        Assert.Equal("model_name", Assert.Single(document.Endpoints).ModelMember);
    }

    [Fact]
    public void A_nested_endpoints_model_without_any_params_key_is_still_PG0004() =>
        AssertSingle(Endpoint(Request), "PG0004", 15, 5, "missing the required key 'paramsKey'", "add 'paramsKey: alphaParams'", "set 'paramsKey' on endpoint 'gen'");

    [Fact]
    public void A_flat_endpoints_model_with_a_params_key_is_PG0016_at_the_key() =>
        AssertSingle(Endpoint(Request + "\n    bodyLayout: flat", keepModelParamsKey: true), "PG0016", 17, 5, "bodyLayout: flat", "remove 'paramsKey'");

    [Fact]
    public void A_flat_endpoint_with_a_params_key_is_PG0016_at_the_key() =>
        AssertSingle(Endpoint(Request + "\n    bodyLayout: flat\n    paramsKey: input"), "PG0016", 12, 5, "has no paramsKey");

    [Theory]
    [InlineData("    bodyLayout: sideways", 11, 17, "write one of nested, flat")]
    [InlineData("    encoding: xml", 11, 15, "write one of json, multipart")]
    [InlineData("    modelMember: \"\"", 11, 18, "or 'none'")]
    [InlineData("    paramsKey: \" \"", 11, 16, "paramsKey of endpoint 'gen' is empty")]
    public void A_bad_value_of_a_new_endpoint_key_is_PG0016_at_the_value(string line, int row, int column, string phrase) =>
        AssertSingle(Endpoint(Request + "\n" + line, keepModelParamsKey: true), "PG0016", row, column, phrase);

    [Fact]
    public void A_flat_param_named_like_a_field_is_PG0011_naming_both_places() =>
        AssertSingle(
            Endpoint(Request + "\n    bodyLayout: flat").Replace(Weirdness, "      prompt: { type: string }", System.StringComparison.Ordinal),
            "PG0011",
            18,
            7,
            "param 'prompt' of model 'alpha'",
            "field 'prompt' of endpoint 'gen' (line 13)");

    [Fact]
    public void A_flat_param_named_like_the_model_member_is_PG0011() =>
        AssertSingle(
            Endpoint(Request + "\n    bodyLayout: flat").Replace(Weirdness, "      model: { type: string }", System.StringComparison.Ordinal),
            "PG0011",
            18,
            7,
            "uses for the model id");

    [Fact]
    public void A_field_named_like_the_model_member_is_PG0011_at_the_field() =>
        AssertSingle(
            Endpoint(Request + "\n    modelMember: prompt", keepModelParamsKey: true),
            "PG0011",
            13,
            7,
            "field 'prompt'",
            "set on line 11");

    [Fact]
    public void Route_placeholders_are_expanded_per_model_at_load_time()
    {
        var replicate = Load(Endpoint("    request: POST /v1/models/{owner}/{name}/predictions\n    paramsKey: input\n    modelMember: none")
            .Replace("    endpoint: gen\n", "    endpoint: gen\n    routeParams: { owner: black-forest-labs, name: flux schnell }\n", System.StringComparison.Ordinal)).Document!;
        Assert.Equal("/v1/models/black-forest-labs/flux%20schnell/predictions", Assert.Single(replicate.Models).SubmitPath);

        var fal = Load(Endpoint("    request: POST /{+model}\n    bodyLayout: flat\n    modelMember: none").Replace("  alpha:", "  fal-ai/flux/dev:", System.StringComparison.Ordinal)).Document!;
        Assert.Equal("/fal-ai/flux/dev", Assert.Single(fal.Models).SubmitPath);

        var escaped = Load(Endpoint("    request: POST /v1/{model}/run", keepModelParamsKey: true).Replace("  alpha:", "  fal-ai/flux:", System.StringComparison.Ordinal)).Document!;
        Assert.Equal("/v1/fal-ai%2Fflux/run", Assert.Single(escaped.Models).SubmitPath);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_PG0016_at_the_model() =>
        AssertSingle(Endpoint("    request: POST /v1/{owner}/run", keepModelParamsKey: true), "PG0016", 14, 3, "needs a value for '{owner}'", "routeParams: { owner: <value> }");

    [Fact]
    public void An_unused_route_param_is_PG0016_at_its_key() =>
        AssertSingle(
            Endpoint("    request: POST /v1/{owner}/run", keepModelParamsKey: true).Replace("    endpoint: gen\n", "    endpoint: gen\n    routeParams: { owner: me, onwer: me }\n", System.StringComparison.Ordinal),
            "PG0016",
            16,
            31,
            "route param 'onwer'",
            "Did you mean 'owner'?");

    [Fact]
    public void A_route_param_named_model_is_PG0016() =>
        AssertSingle(
            Endpoint("    request: POST /v1/{model}", keepModelParamsKey: true).Replace("    endpoint: gen\n", "    endpoint: gen\n    routeParams: { model: x }\n", System.StringComparison.Ordinal),
            "PG0016",
            16,
            20,
            "always the model id");

    [Theory]
    [InlineData("/v1/{owner}", "\"\"", "it is empty")]
    [InlineData("/v1/{owner}", "\"a?b\"", "holds '?'")]
    [InlineData("/v1/{owner}", "\"a#b\"", "holds '#'")]
    [InlineData("/v1/{owner}", "\"..\"", "segment '..'")]
    [InlineData("/v1/{+owner}", "\"a/../b\"", "segment '..'")]
    [InlineData("/v1/{owner}", "\"a\\tb\"", "control character")]
    public void A_route_param_value_that_cannot_be_a_path_is_PG0016_at_the_value(string path, string value, string phrase) =>
        AssertSingle(
            Endpoint("    request: POST " + path, keepModelParamsKey: true).Replace("    endpoint: gen\n", "    endpoint: gen\n    routeParams: { owner: " + value + " }\n", System.StringComparison.Ordinal),
            "PG0016",
            16,
            27,
            phrase);

    [Fact]
    public void A_model_id_that_cannot_be_a_path_is_PG0016_at_the_model() =>
        AssertSingle(Endpoint("    request: POST /{+model}", keepModelParamsKey: true).Replace("  alpha:", "  \"a/../b\":", System.StringComparison.Ordinal), "PG0016", 14, 3, "The model id 'a/../b'");

    [Theory]
    [InlineData("    request: POST /v1/{owner", "without its '}'")]
    [InlineData("    request: POST /v1/owner}", "without its '{'")]
    [InlineData("    request: POST /v1/{own-er}", "'{own-er}' is not")]
    [InlineData("    request: POST /v1/{+}", "'{+}' is not")]
    public void A_malformed_placeholder_is_PG0013_at_the_route(string line, string phrase) =>
        AssertSingle(Endpoint(line, keepModelParamsKey: true), "PG0013", 10, 14, phrase);

    [Fact]
    public void Two_models_of_a_modelless_body_on_one_path_are_PG0016_at_the_later()
    {
        var text = Endpoint(Request + "\n    modelMember: none", keepModelParamsKey: true) + "\n  beta:\n    endpoint: gen\n    paramsKey: betaParams";
        AssertSingle(text, "PG0016", 20, 3, "Models 'alpha' and 'beta'", "cannot tell them apart");

        Assert.Empty(Load(text.Replace(Request, "    request: POST /v1/{model}", System.StringComparison.Ordinal)).Diagnostics);
    }

    [Fact]
    public void A_file_loads_as_a_field_of_a_multipart_endpoint_and_a_param_of_a_flat_multipart_one()
    {
        var document = Load(Endpoint(Request + "\n    bodyLayout: flat\n    encoding: multipart")
            .Replace("      prompt: { type: string, required: true }", "      prompt: { type: string, required: true }\n      image: { type: file, required: true, description: The start frame. }", System.StringComparison.Ordinal)
            .Replace(Weirdness, "      mask: { type: file }", System.StringComparison.Ordinal)).Document!;

        var endpoint = Assert.Single(document.Endpoints);
        Assert.Equal(BodyEncoding.Multipart, endpoint.Encoding);
        Assert.Equal(MemberType.File, endpoint.Fields.Single(f => f.Name == "image").Type.Kind);
        Assert.Equal(MemberType.File, Assert.Single(document.Models).Params.Single().Type.Kind);
    }

    [Theory]
    [InlineData("", "      image: { type: file }", 13, 22, "is sent as JSON; add 'encoding: multipart'")]
    [InlineData("", "      images: { type: array, items: { type: file } }", 13, 45, "is sent as JSON; add 'encoding: multipart'")]
    [InlineData("\n    encoding: multipart", "      meta: { type: object, properties: { f: { type: file } } }", 14, 54, "top-level member")]
    public void A_file_field_where_no_file_part_can_go_is_PG0016_at_its_type(string endpointLines, string field, int line, int column, string phrase) =>
        AssertSingle(
            Endpoint(Request + endpointLines, keepModelParamsKey: true).Replace("      prompt: { type: string, required: true }", "      prompt: { type: string, required: true }\n" + field, System.StringComparison.Ordinal),
            "PG0016",
            line,
            column,
            phrase);

    [Fact]
    public void An_array_of_files_loads_as_repeated_file_parts_of_a_multipart_endpoint()
    {
        var result = Load(Endpoint(Request + "\n    encoding: multipart", keepModelParamsKey: true)
            .Replace("      prompt: { type: string, required: true }", "      prompt: { type: string, required: true }\n      images: { type: array, maxItems: 4, items: { type: file } }", System.StringComparison.Ordinal));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(MemberType.File, Assert.Single(result.Document!.Endpoints).Fields.Single(f => f.Name == "images").Type.Items!.Kind);
    }

    [Fact]
    public void A_file_param_of_a_nested_multipart_endpoint_is_PG0016_at_its_type() =>
        AssertSingle(
            Endpoint(Request + "\n    encoding: multipart", keepModelParamsKey: true).Replace(Weirdness, "      mask: { type: file }", System.StringComparison.Ordinal),
            "PG0016",
            19,
            21,
            "one JSON part under 'alphaParams'");

    [Fact]
    public void A_file_in_a_result_is_PG0016() =>
        AssertSingle(
            Endpoint(Request + "\n    encoding: multipart\n    result:\n      video: { type: file }", keepModelParamsKey: true),
            "PG0016",
            13,
            22,
            "a result is read from the job");

    [Theory]
    [InlineData("      mask: { type: file, default: a.png }", "'default' does not apply")]
    [InlineData("      mask: { type: file, maxLength: 3 }", "'maxLength' does not apply")]
    public void A_constraint_on_a_file_is_PG0006(string param, string phrase) =>
        AssertSingle(
            Endpoint(Request + "\n    bodyLayout: flat\n    encoding: multipart").Replace(Weirdness, param, System.StringComparison.Ordinal),
            "PG0006",
            19,
            27,
            phrase);
}
