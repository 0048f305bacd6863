using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>
/// Each repro of the naming issue: the schema either fails with a PG0xxx error located in the YAML, or its generated code
/// compiles with zero warnings (warnings as errors, XML docs checked). Where the generator used to crash, a healthy
/// schema beside it must still generate every file it generates alone.
/// </summary>
public sealed class NamingReproTests
{
    private static readonly MemberText Prompt = new("prompt", "string", Required: true);

    [Theory] // The harness itself: what compiles clean today must pass it, or every other test here proves nothing.
    [InlineData("apiframe-music.producergen.yaml")]
    [InlineData("awkward.producergen.yaml")]
    [InlineData(null)]
    public void Shipped_and_healthy_schemas_have_the_property_under_the_strict_harness(string? shipped)
    {
        var file = shipped is null ? HealthyFile() : new SchemaSource(shipped, GeneratorHarness.ReadSchema(shipped));
        var run = NamingHarness.Run(new[] { file, new SchemaSource("broken.producergen.yaml", NameCases.Broken("Broken.Client")) }, "Consumer");

        Assert.True(NamingHarness.Violations(run).Count == 0, Report(run, NamingHarness.Violations(run)));
        Assert.NotEmpty(run.LocatedSchemaErrors(run.Files[1]));
        Assert.NotEmpty(run.HintNames(file));
    }

    [Fact]
    public void Model_runtime() => AssertProperty(Schema(models: Model("runtime")));

    [Fact]
    public void Params_validate_into_and_print_members() =>
        AssertProperty(Schema(models: Model("producer", String("validate_into"), String("print_members"))));

    [Fact]
    public void Params_request_result_and_operations_as_generated_types() =>
        AssertProperty(Schema(models: Model("producer", Enum("request"), Object("result"), Enum("operations"))));

    [Fact]
    public void Param_producer_params_on_model_producer() =>
        AssertProperty(Schema(models: Model("producer", String("producer_params"))));

    [Fact]
    public void Enum_style_beside_array_of_enum_styles() =>
        AssertProperty(Schema(models: Model("producer", Enum("style"), new MemberText("styles", "array", Items: new MemberText(string.Empty, "string", Enum: new[] { "a", "b" })))));

    [Fact]
    public void Model_producer_with_model_version_beside_model_producer_model_with_version() =>
        AssertProperty(Schema(models: new[] { Model("producer", Enum("model_version"))[0], Model("producer_model", Enum("version"))[0] }));

    [Fact]
    public void Model_music_on_endpoint_music() => AssertProperty(Schema(models: Model("music")));

    [Fact]
    public void Endpoint_field_result_as_enum_on_endpoint_music() =>
        AssertProperty(Schema(fields: new[] { Prompt, Enum("result") }, models: Model("producer")));

    [Fact]
    public void Result_member_member() =>
        AssertProperty(Schema(result: new[] { new MemberText("member", "string") }, models: Model("producer")));

    [Fact]
    public void Nested_result_property_read() =>
        AssertProperty(Schema(
            result: new[] { new MemberText("tracks", "array", Items: new MemberText(string.Empty, "object", Properties: new[] { new MemberText("read", "string"), new MemberText("id", "string") })) },
            models: Model("producer")));

    [Fact]
    public void Integer_enum_size_beside_param_size_allowed() =>
        AssertProperty(Schema(models: Model("producer", new MemberText("size", "integer", Enum: new[] { "1", "2" }), String("size_allowed"))));

    [Fact]
    public void Required_endpoint_field_params_plus_a_required_model_param() =>
        AssertProperty(Schema(
            fields: new[] { Prompt, new MemberText("params", "string", Required: true) },
            models: Model("producer", new MemberText("seed", "string", Required: true))));

    [Fact]
    public void Enum_foo_beside_enum_foo_extensions() =>
        AssertProperty(Schema(models: Model("producer", Enum("foo"), Enum("foo_extensions"))));

    [Fact]
    public void Two_required_fields_whose_camel_case_collides() =>
        AssertProperty(Schema(fields: new[] { Prompt, new MemberText("URLPath", "string", Required: true), new MemberText("url_path", "string", Required: true) }, models: Model("producer")));

    [Fact]
    public void Required_param_starting_with_a_digit() =>
        AssertProperty(Schema(models: Model("producer", new MemberText("1st_image", "url", Required: true))));

    [Fact]
    public void No_namespace_with_root_namespace_my_app() =>
        AssertProperty(new[] { new SchemaSource("repro.producergen.yaml", Schema(ns: null, models: Model("producer"))) }, "my-app");

    [Theory]
    [InlineData("1app")]
    [InlineData("my app")]
    [InlineData("class")]
    [InlineData("a..b")]
    public void No_namespace_with_an_invalid_root_namespace(string rootNamespace) =>
        AssertProperty(new[] { new SchemaSource("repro.producergen.yaml", Schema(ns: null, models: Model("producer"))) }, rootNamespace);

    [Fact]
    public void Model_apiframe_client_beside_a_healthy_schema() =>
        AssertProperty(new[] { new SchemaSource("repro.producergen.yaml", Schema(models: Model("apiframe_client"))), HealthyFile() }, healthy: HealthyFile());

    [Fact]
    public void Model_music_result_beside_a_healthy_schema() =>
        AssertProperty(new[] { new SchemaSource("repro.producergen.yaml", Schema(models: Model("music_result"))), HealthyFile() }, healthy: HealthyFile());

    [Fact]
    public void Files_Music_and_music_beside_a_healthy_third()
    {
        var text = Schema(models: Model("producer"));
        AssertProperty(new[] { new SchemaSource("Music.producergen.yaml", text), new SchemaSource("music.producergen.yaml", text), HealthyFile() }, healthy: HealthyFile());
    }

    [Fact]
    public void Description_with_control_characters_compiles_warning_free_with_documentation_diagnostics()
    {
        var schema = Schema(
            fields: new[] { new MemberText("prompt", "string", Required: true, Description: "a\u0001b"), new MemberText("mode", "string", Enum: new[] { "x", "y" }, Description: "c\u001Fd") },
            models: new[] { new ModelText("producer", "music", new[] { new MemberText("seed", "string", Description: "e\u0001\u001Ff") }, Summary: "g\u001Fh") });
        var run = NamingHarness.Run(new SchemaSource("repro.producergen.yaml", schema));

        Assert.True(NamingHarness.Violations(run).Count == 0 && run.GeneratorDiagnostics.IsEmpty, Report(run, NamingHarness.Violations(run)));
    }

    private static void AssertProperty(string schema) => AssertProperty(new[] { new SchemaSource("repro.producergen.yaml", schema) });

    private static void AssertProperty(IReadOnlyList<SchemaSource> files, string rootNamespace = "Consumer", SchemaSource? healthy = null)
    {
        var run = NamingHarness.Run(files, rootNamespace);
        var violations = NamingHarness.Violations(run);
        if (healthy is not null)
        {
            var alone = NamingHarness.Run(new[] { healthy }, rootNamespace, compile: false).HintNames(healthy);
            var inProject = run.HintNames(healthy);
            if (!alone.SequenceEqual(inProject))
            {
                violations.Add($"lost output | the healthy {healthy.FileName} generated [{string.Join(", ", inProject)}] beside the others, [{string.Join(", ", alone)}] alone");
            }
        }

        Assert.True(violations.Count == 0, Report(run, violations));
    }

    private static string Report(NamingRun run, IEnumerable<string> violations) =>
        "Violations:\n  " + string.Join("\n  ", violations.Take(15))
        + "\nGenerator diagnostics:\n  " + string.Join("\n  ", run.GeneratorDiagnostics.Select(NamingHarness.Describe).Take(10));

    private static SchemaSource HealthyFile() => new("healthy.producergen.yaml", NameCases.Healthy("Healthy.Client"));

    private static string Schema(string? ns = "Repro", MemberText[]? fields = null, MemberText[]? result = null, ModelText[]? models = null) =>
        SchemaYaml.Write("Apiframe", ns, new[] { new EndpointText("music", fields ?? new[] { Prompt }, result ?? new MemberText[0]) }, models ?? Model("producer"));

    private static ModelText[] Model(string id, params MemberText[] parameters) => new[] { new ModelText(id, "music", parameters) };

    private static MemberText String(string name) => new(name, "string");

    private static MemberText Enum(string name) => new(name, "string", Enum: new[] { "a", "b" });

    private static MemberText Object(string name) => new(name, "object", Properties: new[] { new MemberText("width", "integer") });
}
