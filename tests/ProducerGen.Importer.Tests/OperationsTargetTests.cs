using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProducerGen.Schema;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>
/// The shipped schema's <c>types:</c>, <c>resources:</c> and <c>operations:</c> load and mean what the team's target
/// (apiframe-operations.target.yaml, a copy of the issue-17 design) means: the target block is appended to the
/// shipped endpoints and models, both are loaded, and the records compared.
/// </summary>
public class OperationsTargetTests
{
    private static readonly string TargetPath = Path.Combine(TestFiles.RepositoryRoot, "tests", "ProducerGen.Importer.Tests", "apiframe-operations.target.yaml");

    /// <summary>
    /// Where the document states more than the target wrote, the import keeps the document's word (it is derived,
    /// not hand-written); each such place is named here and applied to the target before comparing.
    /// </summary>
    private static readonly (string Target, string Document)[] DocumentSaysMore =
    {
        ("email: { type: string, required: true }", "email: { type: string, format: email, required: true }"),
        ("role: { type: string, description:", "role: { type: string, required: true, description:"),
        ("steps: { type: integer, required: true }", "steps: { type: integer, min: 500, max: 3000, required: true }"),
        ("loraRank: { type: integer, required: true }", "loraRank: { type: integer, min: 8, max: 64, required: true }"),
    };

    private static SchemaDocument Shipped()
    {
        var result = SchemaLoader.Load(File.ReadAllText(TestFiles.SchemaPath));
        Assert.Empty(result.Diagnostics);
        return result.Document!;
    }

    private static SchemaDocument Target()
    {
        var shipped = File.ReadAllText(TestFiles.SchemaPath);
        var endpointsAndModels = shipped.Substring(0, shipped.IndexOf("\ntypes:\n", StringComparison.Ordinal) + 1);
        var target = File.ReadAllText(TargetPath);
        foreach (var (from, to) in DocumentSaysMore)
        {
            Assert.Equal(1, CountOf(target, from));
            target = target.Replace(from, to, StringComparison.Ordinal);
        }

        var result = SchemaLoader.Load(endpointsAndModels + "\n" + target);
        Assert.Empty(result.Diagnostics);
        return result.Document!;
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void Shipped_schema_holds_all_21_operations_and_loads_cleanly()
    {
        var document = Shipped();
        Assert.Equal(8, document.Endpoints.Count);
        Assert.Equal(12, document.Operations.Count);
        Assert.Equal("GET /v2/jobs/{id}", document.Api.Jobs.Get.ToString());
        Assert.Equal(
            new[] { "createAsset", "createLora", "createUpload", "deleteLora", "getAsset", "getLora", "getMe", "listJobs", "listLoras", "listModels", "midjourneyAction", "sunoAction" },
            document.Operations.Select(o => o.Key).OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Operations_equal_the_target()
    {
        var actual = Shipped().Operations.ToDictionary(o => o.Key);
        var expected = Target().Operations.ToDictionary(o => o.Key);
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (key, want) in expected)
        {
            Assert.Equal(Normalize(want, want), Normalize(actual[key], want));
        }
    }

    [Fact]
    public void Types_equal_the_target()
    {
        var actual = Shipped().Types.ToDictionary(t => t.Name);
        var expected = Target().Types.ToDictionary(t => t.Name);
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, want) in expected)
        {
            var got = actual[name];
            Assert.Equal(want.Description, got.Description);
            Assert.Equal(Members(want.Properties, want.Properties), Members(got.Properties, want.Properties));
        }
    }

    [Fact]
    public void Resources_equal_the_target()
    {
        var actual = Shipped().Resources.Select(r => r with { KeyRange = default }).ToList();
        var expected = Target().Resources.Select(r => r with { KeyRange = default }).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(new[] { "FAILED", "ARCHIVED" }, actual.Single().Failed);
    }

    [Fact]
    public void Endpoints_and_models_are_unchanged_by_the_operations()
    {
        // The shipped endpoints and models load to the same records with or without the new sections.
        var shipped = File.ReadAllText(TestFiles.SchemaPath);
        var before = SchemaLoader.Load(shipped.Substring(0, shipped.IndexOf("\ntypes:\n", StringComparison.Ordinal) + 1)).Document!;
        var after = Shipped();
        Assert.Equal(before.Endpoints, after.Endpoints);
        Assert.Equal(before.Models, after.Models);
        Assert.Equal(before.Api, after.Api);
    }

    /// <summary>Ranges dropped, members in name order, and the document's description kept only where the target writes one.</summary>
    private static OperationSpec Normalize(OperationSpec operation, OperationSpec target) => operation with
    {
        KeyRange = default,
        Description = target.Description is null ? null : operation.Description,
        PathParams = Members(operation.PathParams, target.PathParams),
        Fields = Members(operation.Fields, target.Fields),
        Variants = EquatableArray.From(operation.Variants.Select(v => v with
        {
            Range = default,
            Members = Members(v.Members, target.Variants.FirstOrDefault(t => t.Value == v.Value)?.Members ?? default),
        }).ToList()),
    };

    private static EquatableArray<MemberSpec> Members(EquatableArray<MemberSpec> members, EquatableArray<MemberSpec> target)
    {
        var list = new List<MemberSpec>();
        foreach (var member in members.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var counterpart = target.FirstOrDefault(t => t.Name == member.Name);
            list.Add(member with
            {
                NameRange = default,
                Description = counterpart?.Description is null ? null : member.Description,
                Type = Type(member.Type, counterpart?.Type),
            });
        }

        return EquatableArray.From(list);
    }

    private static TypeSpec Type(TypeSpec type, TypeSpec? target) => type with
    {
        Properties = Members(type.Properties, target?.Properties ?? default),
        Items = type.Items is null ? null : Type(type.Items, target?.Items),
    };
}
