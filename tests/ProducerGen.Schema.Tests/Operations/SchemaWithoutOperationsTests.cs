using System.IO;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Operations;

/// <summary>The new sections are optional: a schema written before them loads as it did, with none of them.</summary>
public class SchemaWithoutOperationsTests
{
    [Fact]
    public void A_minimal_schema_has_no_types_resources_or_operations()
    {
        var document = SchemaLoader.Load(SchemaText.Minimal).Document!;

        Assert.Empty(document.Types);
        Assert.Empty(document.Resources);
        Assert.Empty(document.Operations);
        Assert.Null(document.FindType("Thing"));
        Assert.Null(document.FindResource("lora"));
    }

    [Fact]
    public void The_shipped_music_schema_has_no_types_resources_or_operations()
    {
        var result = SchemaLoader.Load(File.ReadAllText(SchemaText.Shipped("apiframe-music.producergen.yaml")));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Document!.Types);
        Assert.Empty(result.Document.Resources);
        Assert.Empty(result.Document.Operations);
        Assert.NotEmpty(result.Document.Models);
    }

    [Fact]
    public void Empty_sections_load_like_absent_ones()
    {
        var result = SchemaLoader.Load(SchemaText.Minimal + "\ntypes: {}\nresources: {}\noperations: {}");

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Document!.Operations);
        Assert.Equal(SchemaLoader.Load(SchemaText.Minimal).Document, result.Document);
    }
}
