using System;
using System.Linq;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>The two overlay forms the operations needed: <c>~</c> removes a key, <c>typeNames.X: Y</c> names an answer type.</summary>
public class OverlayOperationTests
{
    private static YMap Tree()
    {
        var field = new YMap(flow: true).Add("type", "boolean").Add("in", "query");
        var fields = new YMap().Add("include_models", field).Add("status", new YMap(flow: true).Add("type", "string"));
        var operation = new YMap().Add("group", "Jobs").Add("name", "List").Add("request", "GET /v2/jobs").Add("fields", fields);
        return new YMap().Add("operations", new YMap().Add("listJobs", operation));
    }

    [Fact]
    public void A_tilde_removes_the_key_and_a_new_operation_key_goes_where_the_format_orders_it()
    {
        var tree = Tree();
        SchemaOverlay.Parse("operations.listJobs.fields.include_models: ~\noperations.listJobs.description: Jobs.\n").ApplyTo(tree);
        var operation = (YMap)((YMap)tree["operations"]!)["listJobs"]!;
        Assert.Equal(new[] { "status" }, ((YMap)operation["fields"]!).Entries.Select(e => e.Key));
        Assert.Equal(new[] { "group", "name", "request", "description", "fields" }, operation.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Removing_a_key_that_does_not_exist_fails_with_the_overlay_line()
    {
        var error = Assert.Throws<OverlayException>(() => SchemaOverlay.Parse("# x\noperations.listJobs.fields.includeModels: ~\n").ApplyTo(Tree(), "o.yaml"));
        Assert.Contains("o.yaml(2,1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing to remove", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_names_rename_the_answer_type_and_every_reference_and_are_not_applied_as_keys()
    {
        var overlay = SchemaOverlay.Parse("typeNames.Me: Account\n");
        Assert.Equal("Account", overlay.TypeNames["Me"]);
        var tree = Tree();
        overlay.ApplyTo(tree);
        Assert.Null(tree["typeNames"]);

        var yaml = TestFiles.ImportReference();
        Assert.Contains("\n  Account:\n", yaml, StringComparison.Ordinal);
        Assert.Contains("response: Account\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  Me:\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("LoraCreated:", yaml, StringComparison.Ordinal);
    }
}
