using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>
/// The naming pass's documented rules, one repro of the issue each: the fixed suffixes give the names the README
/// promises and compile without a diagnostic; every other clash is PG0011 at the later name's line and column.
/// </summary>
public class NamingRuleTests
{
    private const string Header =
        """
        producergen: 1
        api:
          name: Apiframe
          namespace: Demo
          baseUrl: https://api.apiframe.ai
          auth: { header: X-API-Key }
          jobs: { get: "GET /v2/jobs/{id}" }
        endpoints:
          music:
            request: POST /v2/music/generate
            fields:
              prompt: { type: string, required: true }

        """;

    [Fact]
    public void A_model_named_like_a_client_member_gets_the_model_suffix()
    {
        var run = Generate(Schema(models: Model("runtime", "      a: { type: string }")));

        run.AssertCompilesClean();
        Assert.Contains("public virtual RuntimeOperations RuntimeModel { get; }", run.Source("ApiframeClient"), StringComparison.Ordinal);
        Assert.Contains("public virtual global::ProducerGen.ProducerGenClient Runtime => _client;", run.Source("ApiframeClient"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_named_like_the_client_gets_the_model_suffix_and_its_own_file()
    {
        var run = Generate(Schema(models: Model("apiframe_client", "      a: { type: string }")));

        run.AssertCompilesClean();
        Assert.Contains("public virtual ApiframeClientOperations ApiframeClientModel { get; }", run.Source("ApiframeClient"), StringComparison.Ordinal);
        Assert.Equal(new[] { "s.ApiframeClient.g.cs", "s.ApiframeClient2.g.cs", "s.ApiframeModelFactory.g.cs", "s.MusicResult.g.cs" }, run.HintNames);
    }

    [Fact]
    public void A_model_named_like_an_endpoint_result_gets_a_file_of_its_own()
    {
        var run = Generate(Schema(models: Model("music_result", "      a: { type: string }")));

        run.AssertCompilesClean();
        Assert.Equal(new[] { "s.ApiframeClient.g.cs", "s.ApiframeModelFactory.g.cs", "s.MusicResult.g.cs", "s.MusicResult2.g.cs" }, run.HintNames);
        Assert.Contains("public sealed partial record MusicResultRequest", run.Source("MusicResult2"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_type_named_like_the_model_factory_keeps_its_name_and_the_factory_gives_way()
    {
        // Model 'apiframe' with an enum param 'model_factory' generates the enum ApiframeModelFactory, the factory's own name.
        var run = Generate(Schema(models: Model("apiframe", "      model_factory: { type: string, enum: [a, b] }")));

        run.AssertCompilesClean();
        Assert.Contains("public enum ApiframeModelFactory", run.Source("Apiframe"), StringComparison.Ordinal);
        Assert.Contains("public static partial class ApiframeModelFactory2", run.Source("ApiframeModelFactory2"), StringComparison.Ordinal);
        Assert.Contains("public static global::Demo.ApiframeResult ApiframeResult(", run.Source("ApiframeModelFactory2"), StringComparison.Ordinal);
        Assert.Equal(run.HintNames.Count, run.HintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("validate_into", "ValidateIntoValue")]
    [InlineData("print_members", "PrintMembersValue")]
    [InlineData("clone", "CloneValue")]
    [InlineData("equality_contract", "EqualityContractValue")]
    [InlineData("params", "ParamsValue")]
    [InlineData("producer_params", "ProducerParamsValue")]
    public void A_param_named_like_a_generated_member_gets_the_value_suffix(string param, string property)
    {
        var run = Generate(Schema(models: Model("producer", $"      {param}: {{ type: string }}")));

        run.AssertCompilesClean();
        Assert.Contains($"public string? {property} {{ get; set; }}", run.Source("Producer"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request", "object", "ProducerRequestValue")]
    [InlineData("result", "enum", "ProducerResultValue")]
    [InlineData("operations", "object", "ProducerOperationsValue")]
    [InlineData("params", "enum", "ProducerParamsValue")]
    public void A_param_type_named_like_one_of_its_models_own_types_gets_the_value_suffix(string param, string kind, string type)
    {
        var body = kind == "enum" ? "{ type: string, enum: [a, b] }" : "{ type: object, properties: { a: { type: string } } }";
        var run = Generate(Schema(models: Model("producer", $"      {param}: {body}")));

        run.AssertCompilesClean();
        Assert.Contains($" {type}", run.Source("Producer"), StringComparison.Ordinal);
        Assert.Contains("public sealed partial record ProducerRequest : global::ProducerGen.IGenerationRequest", run.Source("Producer"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_field_typed_like_the_endpoint_result_gets_the_value_suffix()
    {
        var run = Generate(Schema(fields: "      result: { type: string, enum: [a, b] }\n", models: Model("producer", "      a: { type: string }")));

        run.AssertCompilesClean();
        Assert.Contains("public enum MusicResultValue", run.Source("MusicResult"), StringComparison.Ordinal);
        Assert.Contains("public MusicResultValue? Result { get; set; }", run.Source("Producer"), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_members_named_like_the_runtime_base_or_the_reader_get_the_value_suffix()
    {
        var result = "    result:\n      job: { type: string }\n      member: { type: string }\n      tracks: { type: array, items: { type: object, properties: { read: { type: string }, id: { type: string } } } }\n";
        var run = Generate(Schema(result: result, models: Model("producer", "      a: { type: string }")));

        run.AssertCompilesClean();
        var source = run.Source("MusicResult");
        Assert.Contains("public string? JobValue { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public string? Member { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public string? ReadValue { get; init; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_type_named_in_code_beside_a_property_of_that_name_is_qualified()
    {
        var result = "    result:\n      music_track: { type: string }\n      tracks: { type: array, items: { type: object, properties: { id: { type: string } } } }\n";
        var run = Generate(Schema(result: result, models: Model("producer", "      a: { type: string }")));

        run.AssertCompilesClean();
        Assert.Contains("static item => global::Demo.MusicTrack.Read(item)", run.Source("MusicResult"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_integer_enum_beside_a_member_named_like_its_allowed_values_field_gets_a_numbered_field()
    {
        var run = Generate(Schema(models: Model("producer", "      size: { type: integer, enum: [1, 2] }\n      size_allowed: { type: string }")));

        run.AssertCompilesClean();
        Assert.Contains("private static readonly long[] s_SizeAllowed2 = { 1L, 2L };", run.Source("Producer"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_field_named_params_beside_required_model_params_gets_its_own_parameter()
    {
        var run = Generate(Schema(fields: "      params: { type: string, required: true }\n", models: Model("producer", "      a: { type: string, required: true }")));

        run.AssertCompilesClean();
        Assert.Contains("string paramsValue, ProducerParams @params)", run.Source("Producer"), StringComparison.Ordinal);
        Assert.Contains("ParamsValue = paramsValue;", run.Source("Producer"), StringComparison.Ordinal);
    }

    [Fact]
    public void Required_members_whose_parameters_meet_or_match_their_property_compile()
    {
        var run = Generate(Schema(models: Model("producer", "      1st_image: { type: string, required: true }\n      URLPath: { type: string, required: true }\n      URL_path: { type: string, required: true }")));

        run.AssertCompilesClean();
        var source = run.Source("Producer");
        Assert.Contains("this._1stImage = _1stImage;", source, StringComparison.Ordinal);
        Assert.Contains("URLPath = urlPath;", source, StringComparison.Ordinal);
        Assert.Contains("UrlPath = urlPathValue;", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-app", "my_app")]
    [InlineData("1app", "_1app")]
    [InlineData("my app.class", "my_app.@class")]
    [InlineData("a..b", "a.b")]
    [InlineData("...", "ProducerGen.Generated")]
    public void A_root_namespace_that_is_not_a_csharp_namespace_is_mapped(string rootNamespace, string expected)
    {
        var run = Generate(Schema(models: Model("producer", "      a: { type: string }")).Replace("  namespace: Demo\n", string.Empty, StringComparison.Ordinal), rootNamespace: rootNamespace);

        run.AssertCompilesClean();
        Assert.Contains($"namespace {expected}\n", run.Source("Producer"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ProducerGen")]
    [InlineData("System")]
    [InlineData("System.Text.Json")]
    public void A_namespace_whose_types_generated_code_uses_is_refused(string ns)
    {
        var run = Generate(Schema(models: Model("producer", "      a: { type: string }")).Replace("namespace: Demo", "namespace: " + ns, StringComparison.Ordinal));

        run.AssertError("PG0016", line: 4, column: 14);
    }

    [Fact]
    public void A_list_of_enums_beside_an_enum_of_its_singular_name_is_PG0011_at_the_list()
    {
        var run = Generate(Schema(models: Model("producer", "      style: { type: string, enum: [a, b] }\n      styles: { type: array, items: { type: string, enum: [c] } }")));

        var message = run.AssertError("PG0011", line: 19, column: 7);
        Assert.Contains("'ProducerStyle', like 'p.style' (line 18)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_models_whose_param_types_meet_are_PG0011_at_the_later_param()
    {
        var run = Generate(Schema(models: Model("producer", "      model_version: { type: string, enum: [a] }") + Model("producer_model", "      version: { type: string, enum: [b] }")));

        run.AssertError("PG0011", line: 23, column: 7);
    }

    [Fact]
    public void An_enum_beside_an_enum_named_like_its_converter_class_is_PG0011()
    {
        var run = Generate(Schema(models: Model("producer", "      foo: { type: string, enum: [a] }\n      foo_extensions: { type: string, enum: [b] }")));

        var message = run.AssertError("PG0011", line: 19, column: 7);
        Assert.Contains("'ProducerFooExtensions'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_named_like_its_endpoint_is_PG0011_at_the_model_telling_to_rename_the_endpoint()
    {
        var run = Generate(Schema(models: Model("music", "      a: { type: string }")));

        var message = run.AssertError("PG0011", line: 14, column: 3);
        Assert.Contains("rename the endpoint's key", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthy_file_keeps_its_output_beside_a_file_with_a_naming_error()
    {
        var broken = Schema(models: Model("music", "      a: { type: string }"));
        var healthy = Schema(models: Model("producer", "      a: { type: string }")).Replace("namespace: Demo", "namespace: Other", StringComparison.Ordinal);

        var alone = Generate(("h.producergen.yaml", healthy));
        var both = Generate(("b.producergen.yaml", broken), ("h.producergen.yaml", healthy));

        both.AssertError("PG0011", line: 14, column: 3);
        Assert.Equal(alone.HintNames, both.HintNames);
    }

    [Fact]
    public void The_same_schema_twice_under_names_differing_in_case_is_PG0011_once_and_generates_once()
    {
        var text = Schema(models: Model("producer", "      a: { type: string }"));
        var other = text.Replace("namespace: Demo", "namespace: Other", StringComparison.Ordinal).Replace("name: Apiframe", "name: Other", StringComparison.Ordinal);

        var run = Generate(("Music.producergen.yaml", text), ("music.producergen.yaml", text), ("z.producergen.yaml", other));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PG0011");
        Assert.Equal(3, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'Demo.ApiframeClient'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(4 + 4, run.HintNames.Count); // client, model factory, endpoint result, model; per file
        Assert.Equal(run.HintNames.Count, run.HintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Hint_names_of_two_files_differing_only_in_case_are_unique_case_insensitively()
    {
        var text = Schema(models: Model("producer", "      a: { type: string }"));
        var run = Generate(("Music.producergen.yaml", text), ("music.producergen.yaml", text.Replace("namespace: Demo", "namespace: Demo2", StringComparison.Ordinal)));

        run.AssertCompilesClean();
        Assert.Equal(8, run.HintNames.Count);
        Assert.Equal(8, run.HintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Control_characters_in_descriptions_never_break_the_xml_docs()
    {
        var run = Generate(Schema(models: Model("producer", "      a: { type: string, description: \"x\\u0001y\\u001fz\\u0008 & <b>\" }")));

        run.AssertCompilesClean();
        Assert.Contains("/// <summary>xyz &amp; &lt;b&gt;</summary>", run.Source("Producer"), StringComparison.Ordinal);
    }

    private static string Schema(string fields = "", string result = "", string models = "") =>
        Header + fields + result + "models:\n" + models;

    private static string Model(string id, string parameters) =>
        $"  {id}:\n    endpoint: music\n    paramsKey: p\n    params:\n{parameters}\n";

    private static Run Generate(string schema, string rootNamespace = "Consumer") => Generate(rootNamespace, ("s.producergen.yaml", schema));

    private static Run Generate(params (string Name, string Text)[] files) => Generate("Consumer", files);

    private static Run Generate(string rootNamespace, params (string Name, string Text)[] files)
    {
        var run = NamingHarness.Run(files.Select(f => new SchemaSource(f.Name, f.Text)).ToList(), rootNamespace);
        Assert.Empty(run.Exceptions);
        var sources = run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new Run(run.GeneratorDiagnostics, sources, run.GeneratorDiagnostics.IsEmpty ? run.CompileDiagnostics : ImmutableArray<Diagnostic>.Empty);
    }

    private sealed record Run(ImmutableArray<Diagnostic> GeneratorDiagnostics, Dictionary<string, string> Sources, ImmutableArray<Diagnostic> CompileDiagnostics)
    {
        /// <summary>The hint names, without the prefix every file of the schemas/ folder has.</summary>
        public IReadOnlyList<string> HintNames => Sources.Keys.Select(k => k.Substring("schemas_".Length)).OrderBy(k => k, StringComparer.Ordinal).ToList();

        public string Source(string fileName) => Sources.Single(s => s.Key.EndsWith("." + fileName + ".g.cs", StringComparison.Ordinal)).Value;

        public void AssertCompilesClean()
        {
            Assert.True(GeneratorDiagnostics.IsEmpty, string.Join("\n", GeneratorDiagnostics));
            Assert.True(CompileDiagnostics.IsEmpty, string.Join("\n", CompileDiagnostics));
            Assert.NotEmpty(Sources);
        }

        /// <summary>Asserts one error with <paramref name="id"/> at the 1-based line and column, and that its file generated nothing; returns its message.</summary>
        public string AssertError(string id, int line, int column)
        {
            var error = Assert.Single(GeneratorDiagnostics, d => d.Id == id);
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            var span = error.Location.GetLineSpan();
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            Assert.DoesNotContain(Sources.Keys, k => k.StartsWith(ProducerGenGenerator.HintPrefix(span.Path, GeneratorHarness.ProjectDir) + ".", StringComparison.Ordinal));
            return error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
