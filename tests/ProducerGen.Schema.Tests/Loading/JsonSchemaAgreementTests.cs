using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Tests.Operations;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary>The editor-facing JSON Schema and the loader must describe the same format.</summary>
public class JsonSchemaAgreementTests
{
    private static readonly JsonNode FormatSchema = JsonNode.Parse(File.ReadAllText(SchemaText.Shipped("producergen.schema.json")))!;

    [Theory]
    [MemberData(nameof(ShippedSchemaTests.ShippedFiles), MemberType = typeof(ShippedSchemaTests))]
    public void Shipped_schema_validates_against_the_json_schema(string fileName)
    {
        var schema = JsonSchema.FromText(FormatSchema.ToJsonString());
        var instance = YamlToJson(File.ReadAllText(SchemaText.Shipped(fileName)));

        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Json_schema_rejects_a_document_the_loader_rejects()
    {
        var schema = JsonSchema.FromText(FormatSchema.ToJsonString());
        var broken = SchemaText.With("  name: Demo", "  nmae: Demo");

        Assert.True(SchemaLoader.Load(broken).HasErrors);
        Assert.False(schema.Evaluate(YamlToJson(broken)).IsValid);
    }

    private const string Weirdness = "weirdness: { type: number, min: 0, max: 1, step: 0.05 }";

    public static TheoryData<string, bool, bool> Defaults => new()
    {
        // the param replacing 'weirdness', whether the loader accepts it, whether the JSON Schema does
        { "tags: { type: array, items: { type: string, maxLength: 20 }, maxItems: 5, default: [] }", true, true },
        { "tags: { type: array, items: { type: string }, default: [a, b] }", true, true },
        { "tags:\n        type: array\n        items: { type: integer }\n        default:\n          - 1\n          - 2", true, true },
        { "grid: { type: array, items: { type: array, items: { type: number } }, default: [[1, 2.5], []] }", true, true },
        { "flags: { type: array, items: { type: boolean }, default: [true] }", true, true },
        { "tracks: { type: array, items: { type: object, properties: { id: { type: string } } }, default: [] }", true, true },
        { "tags: { type: array, items: { type: string }, default: a }", false, false },
        { "tags: { type: array, items: { type: string }, default: { a: b } }", false, false },
        { "tags: { type: array, items: { type: string }, default: [a, ~] }", false, false },
        { "tracks: { type: array, items: { type: object, properties: { id: { type: string } } }, default: [{ id: a }] }", false, false },
        { "size: { type: object, properties: { w: { type: integer } }, default: { w: 1 } }", false, false },
        { "seed: { type: integer, default: [1] }", false, false },

        // Checks only the build performs (schemas/README.md, "Editor support"): counts and item constraints.
        { "tags: { type: array, items: { type: string }, maxItems: 1, default: [a, b] }", false, true },
        { "tags: { type: array, items: { type: string, maxLength: 1 }, default: [ab] }", false, true },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Json_schema_and_loader_agree_on_defaults(string param, bool loaderAccepts, bool jsonSchemaAccepts)
    {
        var schema = JsonSchema.FromText(FormatSchema.ToJsonString());
        var yaml = SchemaText.With(Weirdness, param);

        Assert.Equal(loaderAccepts, !SchemaLoader.Load(yaml).HasErrors);
        Assert.Equal(jsonSchemaAccepts, schema.Evaluate(YamlToJson(yaml)).IsValid);
    }

    [Theory]
    [InlineData("    request: POST /v1/models/{owner}/{+name}\n    bodyLayout: flat\n    modelMember: none\n    encoding: multipart", "    routeParams: { owner: me, name: a/b }\n    params:\n      mask: { type: file, required: true }", true, true)]
    [InlineData("    request: POST /v1/generate\n    paramsKey: input", "    params:\n      weirdness: { type: number }", true, true)]
    [InlineData("    request: POST /v1/generate\n    bodyLayout: sideways", "    params:\n      weirdness: { type: number }", false, false)]
    [InlineData("    request: POST /v1/generate\n    encoding: multipart\n    bodyLayout: flat", "    params:\n      mask: { type: file, default: a.png }", false, false)]
    public void Json_schema_and_loader_agree_on_the_body_layout_keys(string endpointLines, string modelLines, bool loaderAccepts, bool jsonSchemaAccepts)
    {
        var schema = JsonSchema.FromText(FormatSchema.ToJsonString());
        var yaml = SchemaText.Minimal
            .Replace("    request: POST /v1/generate", endpointLines, System.StringComparison.Ordinal)
            .Replace("    paramsKey: alphaParams\n    params:\n      " + Weirdness, modelLines, System.StringComparison.Ordinal);

        Assert.Equal(loaderAccepts, !SchemaLoader.Load(yaml).HasErrors);
        Assert.Equal(jsonSchemaAccepts, schema.Evaluate(YamlToJson(yaml)).IsValid);
    }

    [Fact]
    public void Json_schema_declares_exactly_the_loaders_keys()
    {
        var defs = FormatSchema["$defs"]!;
        AssertKeys(SchemaKeys.Root, FormatSchema);
        AssertKeys(SchemaKeys.Api, defs["api"]!);
        AssertKeys(SchemaKeys.Endpoint, defs["endpoint"]!);
        AssertKeys(SchemaKeys.Model, defs["model"]!);
        AssertKeys(SchemaKeys.Member, defs["member"]!);
        AssertKeys(SchemaKeys.Auth, defs["api"]!["properties"]!["auth"]!);
        AssertKeys(SchemaKeys.Idempotency, defs["api"]!["properties"]!["idempotency"]!);
        AssertKeys(SchemaKeys.Jobs, defs["api"]!["properties"]!["jobs"]!);
        AssertKeys(SchemaKeys.Webhooks, defs["api"]!["properties"]!["webhooks"]!);
        AssertKeys(SchemaKeys.Envelope, defs["api"]!["properties"]!["envelope"]!);
        AssertKeys(SchemaKeys.Errors, defs["api"]!["properties"]!["errors"]!);
        var jobs = defs["api"]!["properties"]!["jobs"]!["properties"]!;
        AssertKeys(SchemaKeys.JobProgress, jobs["progress"]!["oneOf"]![1]!);
        AssertKeys(SchemaKeys.JobResult, jobs["result"]!["oneOf"]![1]!);
        AssertKeys(SchemaKeys.JobError, jobs["error"]!["oneOf"]![1]!);
        AssertKeys(SchemaKeys.JobUrls, jobs["urls"]!);
        AssertKeys(SchemaKeys.JobContent, jobs["content"]!);
        AssertKeys(SchemaKeys.EndpointJobs, defs["endpoint"]!["properties"]!["jobs"]!);
        AssertKeys(SchemaKeys.FieldOverride, defs["fieldOverride"]!);
        var types = defs["member"]!["properties"]!["type"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(SchemaKeys.Types.OrderBy(t => t), types.OrderBy(t => t));

        var operation = defs["operation"]!["properties"]!;
        AssertKeys(SchemaKeys.Operation, defs["operation"]!);
        AssertKeys(SchemaKeys.Response, operation["response"]!["oneOf"]![1]!);
        AssertKeys(SchemaKeys.Paginate, operation["paginate"]!);
        AssertKeys(SchemaKeys.Emulate, operation["emulate"]!["oneOf"]![1]!);
        AssertKeys(SchemaKeys.Resource, defs["resource"]!);
        AssertKeys(SchemaKeys.TypeDeclaration, defs["typeDeclaration"]!);
    }

    [Fact]
    public void Json_schema_enums_are_the_loaders_values_in_order()
    {
        var defs = FormatSchema["$defs"]!;
        var operation = defs["operation"]!["properties"]!;
        AssertValues(SchemaKeys.Types, defs["member"]!["properties"]!["type"]!);
        AssertValues(SchemaKeys.ArrayStyles, defs["member"]!["properties"]!["style"]!);
        AssertValues(SchemaKeys.OperationAuth, operation["auth"]!);
        AssertValues(SchemaKeys.Retries, operation["retry"]!);
        AssertValues(SchemaKeys.Encodings, operation["encoding"]!);
        AssertValues(SchemaKeys.EmulationRoles, defs["emulationRole"]!);
    }

    [Fact]
    public void The_target_operations_validate_against_the_json_schema()
    {
        var schema = JsonSchema.FromText(FormatSchema.ToJsonString());
        var text = TargetOperations.ApiframeWithOperations();

        var result = schema.Evaluate(YamlToJson(text), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.Empty(SchemaLoader.Load(text).Diagnostics);
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    public static TheoryData<string, string, bool, bool> OperationChanges => new()
    {
        // a change to the base operations schema, whether the loader accepts it, whether the JSON Schema does
        { "response: Thing", "response: { type: Thing, path: data.thing }", true, true },
        { "response: Thing", "response: { type: Thing, lits: true }", false, false },
        { "    response: Thing", "    response: Thing\n    success: [200, 203]", true, true },
        { "    response: Thing", "    response: Thing\n    success: 302", false, false },
        { "    response: Thing", "    response: Thing\n    emulate: { role: catalog, groups: { gen: image } }", true, true },
        { "    response: Thing", "    response: Thing\n    emulate: cataloge", false, false },
        { "    response: Thing", "    response: Thing\n    retry: sometimes", false, false },
        { "group: Things", "group: things", false, false },
        { "name: Get", "name: GetAsync", false, false },
        { "  Thing:", "  thing:", false, false },
        { "    pending: [PENDING]\n", string.Empty, false, false },
        { OperationsText.More, "  up:\n    group: Things\n    name: Up\n    request: POST /v1/things\n    encoding: multipart\n    fields:\n      f: { type: file, maxBytes: 10, accept: { image/png: 5 } }\n      tags: { type: array, style: csv, items: { type: string } }", true, true },
        { OperationsText.More, "  up:\n    group: Things\n    name: Up\n    request: POST /v1/things\n    encoding: multipart\n    fields:\n      f: { type: file, maxBytes: 0 }", false, false },
        { OperationsText.More, "  up:\n    group: Things\n    name: Up\n    request: POST /v1/things\n    encoding: multipart\n    fields:\n      f: { type: file, accept: [PNG] }", false, false },
        { OperationsText.More, "  up:\n    group: Things\n    name: Up\n    request: POST /v1/things\n    encoding: multipart\n    fields:\n      s: { type: string, style: csv }", false, false },
        { "      id: { type: string, required: true }", "      id: { type: string, required: true }\n      raw: { type: json }", true, true },
        { "      id: { type: string, required: true }", "      id: { type: string, required: true }\n      raw: { type: json, maxLength: 3 }", false, false },

        // Checks only the build performs: references between sections, and where files and json may go.
        { "response: Thing", "response: Thin", false, true },
        { OperationsText.More, "  up:\n    group: Things\n    name: Up\n    request: POST /v1/things\n    fields:\n      meta: { type: json }", false, true },
    };

    [Theory]
    [MemberData(nameof(OperationChanges))]
    public void Json_schema_and_loader_agree_on_operations(string find, string replace, bool loaderAccepts, bool jsonSchemaAccepts)
    {
        var schema = JsonSchema.FromText(FormatSchema.ToJsonString());
        var yaml = OperationsText.With(find, replace);

        Assert.Equal(loaderAccepts, !SchemaLoader.Load(yaml).HasErrors);
        Assert.Equal(jsonSchemaAccepts, schema.Evaluate(YamlToJson(yaml)).IsValid);
    }

    private static void AssertValues(IReadOnlyList<string> loaderValues, JsonNode schemaObject) =>
        Assert.Equal(loaderValues, schemaObject["enum"]!.AsArray().Select(n => n!.GetValue<string>()));

    private static void AssertKeys(IReadOnlyList<string> loaderKeys, JsonNode schemaObject)
    {
        var declared = schemaObject["properties"]!.AsObject().Select(p => p.Key).OrderBy(k => k, System.StringComparer.Ordinal);
        Assert.Equal(loaderKeys.OrderBy(k => k, System.StringComparer.Ordinal), declared);
    }

    /// <summary>YAML to JSON with plain scalars typed as YAML core schema does (numbers, booleans, null).</summary>
    internal static JsonNode? YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var pair in mapping.Children)
                {
                    obj[((YamlScalarNode)pair.Key).Value!] = Convert(pair.Value);
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(Convert).ToArray());
            case YamlScalarNode scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain:
                var text = scalar.Value ?? string.Empty;
                if (text is "" or "~" or "null")
                {
                    return null;
                }

                if (text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return JsonValue.Create(whole);
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                {
                    return JsonValue.Create(real);
                }

                return JsonValue.Create(text);
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value);
            default:
                throw new JsonException("Unexpected YAML node.");
        }
    }
}
