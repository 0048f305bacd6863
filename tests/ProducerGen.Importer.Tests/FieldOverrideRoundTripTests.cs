using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>
/// Issue 16, item 1: every top-level member's limits and requiredness that the OpenAPI document states per model are the
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
