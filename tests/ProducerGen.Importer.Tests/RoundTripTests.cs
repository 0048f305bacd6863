using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>
/// import → SchemaLoader.Load → the models, params and constraints equal what the OpenAPI document declares.
/// The expected side reads the raw JSON with System.Text.Json (independently of Microsoft.OpenApi and the
/// importer) and counts per kind of constraint.
/// </summary>
public class RoundTripTests
{
    private static readonly string[] BodySchemas =
    {
        "GenerateImageRequest", "GenerateVideoRequest", "GenerateMusicRequest", "ImageEditRequest",
        "ImageUpscaleRequest", "ImageBackgroundRemoveRequest", "VideoEditRequest", "VideoUpscaleRequest",
    };

    private static SchemaDocument LoadImported()
    {
        // Without the overlay: only what the document says.
        var yaml = SchemaImport.Run(TestFiles.OpenApiText, TestFiles.OpenApiPath).Yaml;
        var result = SchemaLoader.Load(yaml);
        Assert.Empty(result.Diagnostics);
        return result.Document!;
    }

    private static IEnumerable<(string Model, JsonElement Branch)> Branches(JsonDocument json)
    {
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var name in BodySchemas)
        {
            foreach (var branch in schemas.GetProperty(name).GetProperty("oneOf").EnumerateArray())
            {
                yield return (branch.GetProperty("properties").GetProperty("model").GetProperty("enum")[0].GetString()!, branch);
            }
        }
    }

    [Fact]
    public void Models_and_their_params_are_the_documents()
    {
        using var json = JsonDocument.Parse(TestFiles.OpenApiText);
        var document = LoadImported();
        var expected = Branches(json).ToDictionary(b => b.Model, b => ParamsOf(b.Branch).Select(p => p.Name).ToList());
        Assert.Equal(106, document.Models.Count);
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), document.Models.Select(m => m.Id).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var model in document.Models)
        {
            Assert.Equal(expected[model.Id], model.Params.Select(p => p.Name));
        }

        var perEndpoint = document.Models.GroupBy(m => m.Endpoint).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(51, perEndpoint["images"]);
        Assert.Equal(41, perEndpoint["videos"]);
        Assert.Equal(7, perEndpoint["music"]);
        Assert.Equal(1, perEndpoint["imageEdit"]);
        Assert.Equal(2, perEndpoint["imageUpscale"]);
        Assert.Equal(2, perEndpoint["imageBackgroundRemove"]);
        Assert.Equal(1, perEndpoint["videoEdit"]);
        Assert.Equal(1, perEndpoint["videoUpscale"]);
    }

    [Fact]
    public void Constraint_counts_per_type_equal_the_documents()
    {
        using var json = JsonDocument.Parse(TestFiles.OpenApiText);
        var expected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, branch) in Branches(json))
        {
            foreach (var (_, schema, required) in ParamsOf(branch))
            {
                CountJson(schema, required, expected);
            }
        }

        var actual = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var model in LoadImported().Models)
        {
            foreach (var member in model.Params)
            {
                CountSpec(member.Type, member.Required, member.Default is not null, member.Description is not null, actual);
            }
        }

        // Nullable members keep their non-null type and say nullable: true; counted apart from the constraints.
        var nullable = expected.Where(e => e.Key.EndsWith(".nullable", StringComparison.Ordinal)).ToList();
        foreach (var entry in nullable)
        {
            expected.Remove(entry.Key);
        }

        Assert.Equal(expected, actual);
        Assert.Equal(nullable.Sum(n => n.Value), LoadImported().Models.Sum(m => m.Params.Count(p => p.Nullable)));
        var report = SchemaImport.Run(TestFiles.OpenApiText, TestFiles.OpenApiPath).Result.Report;
        Assert.DoesNotContain(report.Entries, e => e.Message.Contains("accepts null", StringComparison.Ordinal));

        // Spot checks of the catalog's shape, so a counting bug on both sides cannot hide everything.
        Assert.True(expected["integer.enum"] > 20, "integer literal unions (5|10) become integer enums");
        Assert.True(expected["array.items.object"] >= 1, "arrays of objects");
        Assert.True(expected["url"] > 100, "format: uri becomes url");
        Assert.Equal(2, nullable.Single(n => n.Key == "array.nullable").Value);
    }

    private static List<(string Name, JsonElement Schema, bool Required)> ParamsOf(JsonElement branch)
    {
        var result = new List<(string, JsonElement, bool)>();
        foreach (var property in branch.GetProperty("properties").EnumerateObject().Where(p => p.Name.EndsWith("Params", StringComparison.Ordinal)))
        {
            var required = property.Value.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : new HashSet<string?>();
            foreach (var param in property.Value.GetProperty("properties").EnumerateObject())
            {
                result.Add((param.Name, param.Value, required.Contains(param.Name)));
            }
        }

        return result;
    }

    private static void Add(IDictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    /// <summary>Counts one JSON Schema the way the format would express it (nullable types as their non-null type).</summary>
    private static void CountJson(JsonElement schema, bool required, IDictionary<string, int> counts)
    {
        string kind;
        var isEnum = false;
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var values = anyOf.EnumerateArray().Select(a => a.GetProperty("enum")[0]).ToList();
            kind = values.All(v => v.ValueKind == JsonValueKind.String) ? "string" : "integer";
            isEnum = true;
        }
        else
        {
            var type = schema.GetProperty("type");
            if (type.ValueKind == JsonValueKind.Array)
            {
                kind = type.EnumerateArray().Select(t => t.GetString()!).Single(t => t != "null");
                Add(counts, kind + ".nullable");
            }
            else
            {
                kind = type.GetString()!;
            }

            if (kind == "string" && schema.TryGetProperty("format", out var format) && format.GetString() == "uri")
            {
                kind = "url";
            }

            if (schema.TryGetProperty("enum", out _))
            {
                isEnum = true;
                if (kind == "number")
                {
                    kind = "integer";
                }
            }
        }

        Add(counts, kind);
        if (isEnum)
        {
            Add(counts, kind + ".enum");
        }

        if (required)
        {
            Add(counts, "required");
        }

        if (schema.TryGetProperty("default", out _))
        {
            Add(counts, kind + ".default");
        }

        if (schema.TryGetProperty("description", out _))
        {
            Add(counts, "description");
        }

        foreach (var (keyword, name) in new[] { ("minimum", "min"), ("maximum", "max"), ("minLength", "minLength"), ("maxLength", "maxLength"), ("pattern", "pattern"), ("minItems", "minItems"), ("maxItems", "maxItems"), ("multipleOf", "step") })
        {
            if (kind != "url" && schema.TryGetProperty(keyword, out _))
            {
                Add(counts, kind + "." + name);
            }
        }

        if (kind == "array")
        {
            var items = schema.GetProperty("items");
            var itemType = items.GetProperty("type").GetString()!;
            Add(counts, "array.items." + (itemType == "string" && items.TryGetProperty("format", out var f) && f.GetString() == "uri" ? "url" : itemType));
            if (itemType == "object")
            {
                CountObject(items, counts);
            }
        }
        else if (kind == "object")
        {
            CountObject(schema, counts);
        }
    }

    private static void CountObject(JsonElement schema, IDictionary<string, int> counts)
    {
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : new HashSet<string?>();
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            Add(counts, "nested");
            CountJson(property.Value, required.Contains(property.Name), counts);
        }
    }

    private static void CountSpec(TypeSpec type, bool required, bool hasDefault, bool hasDescription, IDictionary<string, int> counts)
    {
        var kind = type.Kind.ToString().ToLowerInvariant();
        Add(counts, kind);
        if (type.IsEnum)
        {
            Add(counts, kind + ".enum");
        }

        if (required)
        {
            Add(counts, "required");
        }

        if (hasDefault)
        {
            Add(counts, kind + ".default");
        }

        if (hasDescription)
        {
            Add(counts, "description");
        }

        void Has(object? value, string name)
        {
            if (value is not null)
            {
                Add(counts, kind + "." + name);
            }
        }

        Has(type.Minimum, "min");
        Has(type.Maximum, "max");
        Has(type.MinLength, "minLength");
        Has(type.MaxLength, "maxLength");
        Has(type.Pattern, "pattern");
        Has(type.MinItems, "minItems");
        Has(type.MaxItems, "maxItems");
        Has(type.Step, "step");
        if (type.Kind == MemberType.Array)
        {
            var items = type.Items!;
            Add(counts, "array.items." + items.Kind.ToString().ToLowerInvariant());
            if (items.Kind == MemberType.Object)
            {
                CountProperties(items, counts);
            }
        }
        else if (type.Kind == MemberType.Object)
        {
            CountProperties(type, counts);
        }
    }

    private static void CountProperties(TypeSpec type, IDictionary<string, int> counts)
    {
        foreach (var property in type.Properties)
        {
            Add(counts, "nested");
            CountSpec(property.Type, property.Required, property.Default is not null, property.Description is not null, counts);
        }
    }
}
