using System;
using System.Linq;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>Issue 16, item 2: the three Apiframe cases come out of the OpenAPI document itself, not the overlay.</summary>
public class FormatsAndNullabilityImportTests
{
    private static readonly Lazy<(SchemaDocument Document, ImportReport Report)> Imported = new(static () =>
    {
        // Without the overlay: only what the document says.
        var run = SchemaImport.Run(TestFiles.OpenApiText, TestFiles.OpenApiPath);
        var result = SchemaLoader.Load(run.Yaml);
        Assert.Empty(result.Diagnostics);
        return (result.Document!, run.Result.Report);
    });

    private static ModelSpec Model(string id) => Imported.Value.Document.Models.Single(m => m.Id == id);

    [Fact]
    public void Flux_lora_loraId_is_a_uuid()
    {
        var loraId = Model("flux-lora").Params.Single(p => p.Name == "loraId");

        Assert.Equal(MemberFormat.Uuid, loraId.Type.Format);
        Assert.True(loraId.Required);
        Assert.DoesNotContain(Imported.Value.Report.Entries, e => e.Location == "models.flux-lora.params.loraId");
    }

    [Fact]
    public void Wan_2_7_r2v_requires_its_params_block_and_no_other_model_says_so()
    {
        Assert.True(Model("wan-2.7-r2v").ParamsRequired);
        Assert.All(Model("wan-2.7-r2v").Params, p => Assert.False(p.Required));
        Assert.Equal(["wan-2.7-r2v"], Imported.Value.Document.Models.Where(m => m.ParamsRequired).Select(m => m.Id));
        Assert.DoesNotContain(Imported.Value.Report.Entries, e => e.Location == "models.wan-2.7-r2v");
    }

    [Fact]
    public void Input_images_is_nullable_for_the_two_models_whose_spec_allows_null()
    {
        var nullable = Imported.Value.Document.Models
            .SelectMany(m => m.Params.Where(p => p.Nullable).Select(p => m.Id + "." + p.Name))
            .ToList();

        Assert.Equal(["gpt-image-1.5.input_images", "gpt-image-2.input_images"], nullable);
        Assert.Equal(MemberType.Array, Model("gpt-image-2").Params.Single(p => p.Name == "input_images").Type.Kind);
    }
}
