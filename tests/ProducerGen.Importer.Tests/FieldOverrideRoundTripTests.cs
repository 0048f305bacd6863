using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>
/// Issue 16: every top-level member's and every param's limits and requiredness that the OpenAPI document states per model are the
/// generated schema's for that model (the endpoint's shared field merged with the model's override), compared constraint
/// by constraint against the raw JSON; every difference is listed.
/// </summary>
public class FieldOverrideRoundTripTests
{
    private static readonly (string Keyword, Func<Schema.Model.MemberSpec, double?> Read)[] Limits =
    {
        ("minLength", m => m.Type.MinLength), ("maxLength", m => m.Type.MaxLength),
        ("minimum", m => m.Type.Minimum), ("maximum", m => m.Type.Maximum),
        ("minItems", m => m.Type.MinItems), ("maxItems", m => m.Type.MaxItems),
    };

    [Fact]
    public void Each_models_top_level_limits_are_the_documents_with_no_difference()
    {
        using var json = JsonDocument.Parse(TestFiles.OpenApiText);
        var result = SchemaLoader.Load(SchemaImport.Run(TestFiles.OpenApiText, TestFiles.OpenApiPath).Yaml);
        Assert.Empty(result.Diagnostics);
        var document = result.Document!;
        var differences = new List<string>();
        var compared = 0;
        var overridden = document.Models.Count(m => m.Fields.Count > 0);

        foreach (var (id, branch) in Branches(json))
        {
            var model = document.Models.Single(m => m.Id == id);
            var fields = model.FieldsOf(document.Endpoints.Single(e => e.Name == model.Endpoint)).ToDictionary(f => f.Name);
            var required = branch.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : new HashSet<string?>();
            foreach (var member in branch.GetProperty("properties").EnumerateObject().Where(p => p.Name != "model" && !p.Name.EndsWith("Params", StringComparison.Ordinal)))
            {
                if (!fields.TryGetValue(member.Name, out var field))
                {
                    differences.Add($"{id}.{member.Name}: not in the schema");
                    continue;
                }

                compared++;
                if (required.Contains(member.Name) != field.Required)
                {
                    differences.Add($"{id}.{member.Name}: required {required.Contains(member.Name)} in the document, {field.Required} in the schema");
                }

                foreach (var (keyword, read) in Limits)
                {
                    double? stated = member.Value.TryGetProperty(keyword, out var value) ? value.GetDouble() : null;
                    if (stated != read(field))
                    {
                        differences.Add($"{id}.{member.Name}.{keyword}: {Text(stated)} in the document, {Text(read(field))} in the schema");
                    }
                }
            }
        }

        Assert.Empty(differences);
        Assert.True(compared > 300, $"only {compared} members compared");
        Assert.Equal(88, overridden); // the models whose prompt is shorter than the shared 5000 (issue 16)
    }

    [Fact]
    public void Each_params_limits_requiredness_format_and_null_are_the_documents_with_no_difference()
    {
        using var json = JsonDocument.Parse(TestFiles.OpenApiText);
        var result = SchemaLoader.Load(SchemaImport.Run(TestFiles.OpenApiText, TestFiles.OpenApiPath).Yaml);
        var document = result.Document!;
        var differences = new List<string>();
        var compared = 0;
        foreach (var (id, branch) in Branches(json))
        {
            var model = document.Models.Single(m => m.Id == id);
            foreach (var block in branch.GetProperty("properties").EnumerateObject().Where(p => p.Name.EndsWith("Params", StringComparison.Ordinal)))
            {
                var required = block.Value.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : new HashSet<string?>();
                var blockRequired = branch.TryGetProperty("required", out var br) && br.EnumerateArray().Any(e => e.GetString() == block.Name);
                if (blockRequired && !model.ParamsRequired && !model.Params.Any(p => p.Required))
                {
                    differences.Add($"{id}.{block.Name}: required block in the document, optional in the schema");
                }

                foreach (var param in block.Value.GetProperty("properties").EnumerateObject())
                {
                    var spec = model.Params.SingleOrDefault(p => p.Name == param.Name);
                    if (spec is null)
                    {
                        differences.Add($"{id}.{param.Name}: not in the schema");
                        continue;
                    }

                    compared++;
                    var where = $"{id}.{block.Name}.{param.Name}";
                    if (required.Contains(param.Name) != spec.Required)
                    {
                        differences.Add($"{where}: required {required.Contains(param.Name)} in the document, {spec.Required} in the schema");
                    }

                    foreach (var (keyword, read) in Limits)
                    {
                        double? stated = param.Value.TryGetProperty(keyword, out var value) ? value.GetDouble() : null;
                        if (stated != read(spec))
                        {
                            differences.Add($"{where}.{keyword}: {Text(stated)} in the document, {Text(read(spec))} in the schema");
                        }
                    }

                    var nullable = param.Value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null");
                    if (nullable != spec.Nullable)
                    {
                        differences.Add($"{where}: nullable {nullable} in the document, {spec.Nullable} in the schema");
                    }

                    var format = param.Value.TryGetProperty("format", out var f) ? f.GetString() : null;
                    var expectedFormat = format switch { "uuid" => "Uuid", "date-time" => "DateTime", "email" => "Email", _ => "None" }; // uri becomes type url
                    if (expectedFormat != spec.Type.Format.ToString())
                    {
                        differences.Add($"{where}: format {format ?? "none"} in the document, {spec.Type.Format} in the schema");
                    }
                }
            }
        }

        Assert.Empty(differences);
        Assert.True(compared > 500, $"only {compared} params compared");
    }

    private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static IEnumerable<(string Model, JsonElement Branch)> Branches(JsonDocument json)
    {
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "GenerateImageRequest", "GenerateVideoRequest", "GenerateMusicRequest", "ImageEditRequest", "ImageUpscaleRequest", "ImageBackgroundRemoveRequest", "VideoEditRequest", "VideoUpscaleRequest" })
        {
            foreach (var branch in schemas.GetProperty(name).GetProperty("oneOf").EnumerateArray())
            {
                yield return (branch.GetProperty("properties").GetProperty("model").GetProperty("enum")[0].GetString()!, branch);
            }
        }
    }
}
