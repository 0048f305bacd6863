using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProducerGen.Generator.Tests.Naming;
using Xunit;

namespace ProducerGen.Generator.Tests.Compiling;

/// <summary>Issue 15, item 5: flat bodies, a renamed or absent model member, expanded routes and multipart requests compile warning-free and read naturally.</summary>
public class BodyLayoutEmitTests
{
    private static readonly SchemaSource BodyLayout = new("body-layout.producergen.yaml", File.ReadAllText(GeneratorHarness.SchemaPath("body-layout.producergen.yaml")));

    private const string Consumer =
        """
        namespace ProducerGenNamingConsumer
        {
            internal static class Anchor
            {
                public static void Use(System.IO.Stream stream, System.IO.FileInfo file)
                {
                    var fal = new Studio.Client.FalAiFluxDevRequest("a fox") { NumInferenceSteps = 4, GuidanceScale = 3.5, ImageSize = Studio.Client.FalAiFluxDevImageSize.SquareHd };
                    fal.Loras = new[] { new Studio.Client.FalAiFluxDevLora(new System.Uri("https://example.com/lora.safetensors")) { Scale = 1 } };
                    var replicate = new Studio.Client.FluxSchnellRequest(new Studio.Client.FluxSchnellParams("a fox") { Seed = 1 });
                    var sora = new Studio.Client.Sora2Request("waves", ProducerGen.FileUpload.FromStream(stream, "mask.png", "image/png"))
                    {
                        InputReference = ProducerGen.FileUpload.FromFile(file, "image/jpeg"),
                        Seconds = Studio.Client.Sora2Seconds._8,
                        Strength = 0.25,
                    };
                    sora.InputReference = ProducerGen.FileUpload.FromBytes(new byte[] { 1, 2 }, "start.png", "image/png");
                    ProducerGen.IMultipartGenerationRequest multipart = sora;
                    _ = fal.Validate();
                    _ = replicate.Validate();
                    _ = multipart.Validate();
                }
            }
        }
        """;

    [Fact]
    public void The_body_layout_schema_and_a_consumer_of_it_compile_warning_free()
    {
        var run = NamingHarness.Run(new[] { BodyLayout }, consumer: Consumer);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Select(NamingHarness.Describe));
    }

    [Fact]
    public void A_flat_request_has_no_params_block_and_its_params_keep_their_constraints()
    {
        var fal = Source(NamingHarness.Run(BodyLayout), ".FalAiFluxDev.g.cs");

        Assert.DoesNotContain("Params", fal, StringComparison.Ordinal);
        Assert.DoesNotContain("s_model", fal, StringComparison.Ordinal); // modelMember: none sends no model id
        Assert.Contains("[global::ProducerGen.SchemaMember(\"num_inference_steps\", SchemaFile = \"body-layout.producergen.yaml\")]\n        [global::ProducerGen.SchemaRange(Minimum = 1d, Maximum = 50d)]\n        public long? NumInferenceSteps { get; set; }", fal, StringComparison.Ordinal);
        Assert.Contains("global::ProducerGen.ConstraintChecks.Range(errors, \"guidance_scale\", GuidanceScale, 1d, 20d, 0.5d);", fal, StringComparison.Ordinal);
        Assert.Contains("new global::ProducerGen.ModelDescription(\"fal-ai/flux/dev\", \"POST\", \"/fal-ai/flux/dev\",", fal, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_params_are_expanded_into_the_description_and_a_renamed_model_member_is_sent_by_its_name()
    {
        var replicate = Source(NamingHarness.Run(BodyLayout), ".FluxSchnell.g.cs");
        Assert.Contains("\"/v1/models/black-forest-labs/flux-schnell/predictions\"", replicate, StringComparison.Ordinal);
        Assert.Contains("JsonEncodedText.Encode(\"input\")", replicate, StringComparison.Ordinal);

        var renamed = NamingHarness.Run(new SchemaSource("renamed.producergen.yaml", BodyLayout.Text.Replace("    paramsKey: input\n    modelMember: none", "    paramsKey: input\n    modelMember: version", StringComparison.Ordinal)));
        Assert.Empty(renamed.GeneratorDiagnostics);
        Assert.Empty(renamed.CompileDiagnostics);
        Assert.Contains("s_model = global::System.Text.Json.JsonEncodedText.Encode(\"version\");", Source(renamed, ".FluxSchnell.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_multipart_request_implements_the_multipart_contract_and_writes_files_as_file_parts()
    {
        var sora = Source(NamingHarness.Run(BodyLayout), ".Sora2.g.cs");

        Assert.Contains("public sealed partial record Sora2Request : global::ProducerGen.IMultipartGenerationRequest", sora, StringComparison.Ordinal);
        Assert.Contains("public global::ProducerGen.FileUpload Mask { get; set; }", sora, StringComparison.Ordinal);
        Assert.Contains("form.AddFile(\"mask\", vMask);", sora, StringComparison.Ordinal);
        Assert.Contains("var writer = form.AddJson(\"tags\");", sora, StringComparison.Ordinal);
        Assert.Contains("form.AddNumber(\"strength\", vStrength);", sora, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_multipart_request_sends_its_params_block_as_one_json_part_and_compiles()
    {
        var text = BodyLayout.Text
            .Replace("    bodyLayout: flat\n    encoding: multipart", "    paramsKey: options\n    encoding: multipart", StringComparison.Ordinal)
            .Replace("      mask: { type: file, required: true }\n", string.Empty, StringComparison.Ordinal);
        var run = NamingHarness.Run(new SchemaSource("nested-multipart.producergen.yaml", text));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Select(NamingHarness.Describe));
        var sora = Source(run, ".Sora2.g.cs");
        Assert.Contains("public Sora2Params? Params { get; set; }", sora, StringComparison.Ordinal);
        Assert.Contains("parameters.WriteJson(form.AddJson(\"options\"));", sora, StringComparison.Ordinal);
        Assert.Contains("form.AddFile(\"input_reference\", vInputReference);", sora, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_param_and_a_field_that_map_to_one_property_are_PG0011_at_the_param()
    {
        var text = BodyLayout.Text.Replace("      guidance_scale:", "      webhook_url: { type: string }\n      guidance_scale:", StringComparison.Ordinal);
        var file = new SchemaSource("clash.producergen.yaml", text);
        var run = NamingHarness.Run(file);

        var error = Assert.Single(run.LocatedSchemaErrors(file));
        Assert.Equal("PG0011", error.Id);
        Assert.Contains("'webhook_url' would be the property 'WebhookUrl'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("webhook_url", StringComparison.Ordinal)), error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith(file.HintPrefix, StringComparison.Ordinal));
    }

    private static string Source(NamingRun run, string suffix) =>
        run.Sources.Single(s => s.HintName.EndsWith(suffix, StringComparison.Ordinal)).SourceText.ToString();
}
