using System;
using System.IO;
using System.Linq;
using ProducerGen.Generator.Tests.Naming;
using Xunit;

namespace ProducerGen.Generator.Tests.Compiling;

/// <summary>Issue 16, item 2: formats, nullable members and a required params block compile warning-free and read naturally.</summary>
public class FormatsEmitTests
{
    private static readonly SchemaSource Formats = new("formats.producergen.yaml", File.ReadAllText(GeneratorHarness.SchemaPath("formats.producergen.yaml")));

    private const string Consumer =
        """
        namespace ProducerGenNamingConsumer
        {
            internal static class Anchor
            {
                public static void Use()
                {
                    var lora = new Formats.Client.LoraRequest("a fox")
                    {
                        CallbackEmail = "name@example.com",
                        InputImages = null,
                        Params = new Formats.Client.LoraParams { LoraId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Seed = null },
                    };
                    var r2v = new Formats.Client.R2vRequest("waves", new Formats.Client.R2vParams());
                    _ = lora.Validate();
                    _ = r2v.Validate();
                }
            }
        }
        """;

    [Fact]
    public void The_formats_schema_and_a_consumer_of_it_compile_warning_free()
    {
        var run = NamingHarness.Run(new[] { Formats }, consumer: Consumer);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Select(NamingHarness.Describe));
    }

    [Fact]
    public void A_formatted_string_carries_its_format_as_an_attribute_and_a_check()
    {
        var lora = Source(NamingHarness.Run(Formats), ".Lora.g.cs");

        Assert.Contains("[global::ProducerGen.SchemaFormat(global::ProducerGen.StringFormat.Uuid)]\n        public string? LoraId { get; set; }", lora, StringComparison.Ordinal);
        Assert.Contains("global::ProducerGen.ConstraintChecks.Format(errors, \"loraParams.loraId\", LoraId, global::ProducerGen.StringFormat.Uuid);", lora, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nullable_member_remembers_an_assigned_null_and_writes_it()
    {
        var lora = Source(NamingHarness.Run(Formats), ".Lora.g.cs");

        Assert.Contains("_InputImagesAssigned = true;", lora, StringComparison.Ordinal);
        Assert.Contains("else if (_InputImagesAssigned)\n            {\n                writer.WriteNull(s_InputImages);", lora, StringComparison.Ordinal);
        Assert.Contains("public string? CallbackEmail { get; set; }", lora, StringComparison.Ordinal); // not nullable: an auto-property as before
    }

    [Fact]
    public void A_required_params_block_is_a_constructor_parameter_and_checked()
    {
        var r2v = Source(NamingHarness.Run(Formats), ".R2v.g.cs");

        Assert.Contains("public R2vRequest(", r2v, StringComparison.Ordinal);
        Assert.Contains("R2vParams @params)", r2v, StringComparison.Ordinal);
        Assert.Contains("public R2vParams Params { get; set; }", r2v, StringComparison.Ordinal);
        Assert.Contains("global::ProducerGen.ConstraintChecks.Required(errors, \"r2vParams\", Params);", r2v, StringComparison.Ordinal);
    }

    private static string Source(NamingRun run, string suffix) =>
        run.Sources.Single(s => s.HintName.EndsWith(suffix, StringComparison.Ordinal)).SourceText.ToString();
}
