using System.Linq;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Schema.Tests.Operations;

/// <summary>The Apiframe operations load without diagnostics into the specs the generator and the emulator read.</summary>
public class TargetOperationsLoadingTests
{
    private static readonly SchemaDocument Document = Load();

    [Fact]
    public void Types_keep_their_keys_as_names_and_their_members_in_order()
    {
        Assert.Equal(new[] { "Account", "CatalogModel", "JobSummary", "Upload", "AssetCreated", "Lora" }, Document.Types.Select(t => t.Name));
        var account = Document.FindType("Account")!;
        Assert.Equal("The caller, their team and credit balance, and the key used.", account.Description);
        var team = account.Properties.Single(p => p.Name == "team");
        Assert.Equal(MemberType.Object, team.Type.Kind);
        Assert.False(team.Required);
        Assert.Equal(0, team.Type.Properties.Single(p => p.Name == "credits").Type.Minimum);
        var result = Document.FindType("JobSummary")!.Properties.Single(p => p.Name == "result");
        Assert.Equal(MemberType.Json, result.Type.Kind);
        Assert.Null(Document.FindType("AssetCreated")!.Description);
    }

    [Fact]
    public void The_lora_resource_has_its_route_paths_statuses_and_type()
    {
        var lora = Assert.Single(Document.Resources);
        Assert.Equal("lora", lora.Key);
        Assert.Equal(new Route("GET", "/v2/loras/{id}"), lora.Get);
        Assert.Equal(("id", "status", "error", "Lora"), (lora.IdPath, lora.StatusPath, lora.ErrorPath, lora.TypeName));
        Assert.Equal(new[] { "PENDING", "UPLOADING", "TRAINING" }, lora.Pending);
        Assert.Equal(new[] { "READY" }, lora.Succeeded);
        Assert.Equal(new[] { "FAILED", "ARCHIVED" }, lora.Failed);
        Assert.Same(lora, Document.FindResource("lora"));
    }

    [Fact]
    public void Operations_are_in_file_order_with_their_methods()
    {
        Assert.Equal(
            new[] { "Account.Get", "Catalog.List", "Jobs.List", "Uploads.Create", "Assets.Create", "Assets.Get", "Loras.Create", "Loras.Get", "Loras.List", "Loras.Delete", "Midjourney.Action", "Suno.Action" },
            Document.Operations.Select(o => o.Group + "." + o.Name));
    }

    [Fact]
    public void A_plain_get_answers_its_type_with_the_key_and_the_default_retry()
    {
        var getMe = Operation("getMe");
        Assert.Equal(new Route("GET", "/v2/me"), getMe.Request);
        Assert.Equal(new ResponseSpec(ResponseKind.Type, "Account"), getMe.Response);
        Assert.True(getMe.Authenticated);
        Assert.False(getMe.Idempotency);
        Assert.Equal(OperationRetry.Default, getMe.Retry);
        Assert.Equal(BodyEncoding.Json, getMe.Encoding);
        Assert.Empty(getMe.Success);
        Assert.Empty(getMe.PathParams);
        Assert.Equal(new EmulationSpec(EmulationRole.Account), getMe.Emulate);
    }

    [Fact]
    public void The_public_catalog_reads_a_list_under_a_path_and_is_emulated_by_groups()
    {
        var listModels = Operation("listModels");
        Assert.False(listModels.Authenticated);
        Assert.Equal(new ResponseSpec(ResponseKind.Type, "CatalogModel", "models", IsList: true), listModels.Response);
        Assert.True(Assert.Single(listModels.Fields).InQuery);
        Assert.Equal(EmulationRole.Catalog, listModels.Emulate.Role);
        Assert.Equal("modality", listModels.Emulate.Filter);
        Assert.Equal(8, listModels.Emulate.Groups.Count);
        Assert.Equal(new KeyValue("images", "image"), listModels.Emulate.Groups[0]);
        Assert.Equal(new KeyValue("music", "music"), listModels.Emulate.Groups[7]);
    }

    [Fact]
    public void A_paginated_listing_has_its_pager_and_answers_a_list_of_its_item_type()
    {
        var listJobs = Operation("listJobs");
        Assert.Equal(new PaginationSpec("jobs", "cursor", "nextCursor", "hasMore", "limit", 1, 100, 20), listJobs.Paginate);
        Assert.Equal(new ResponseSpec(ResponseKind.Type, "JobSummary", "$", IsList: true), listJobs.Response);
        Assert.All(listJobs.Fields, f => Assert.True(f.InQuery));
        Assert.Equal("user", listJobs.Fields.Single(f => f.Name == "scope").Default);
        Assert.Equal(EmulationRole.JobList, listJobs.Emulate.Role);

        var listLoras = Operation("listLoras");
        Assert.Equal(new PaginationSpec("items", "cursor", "nextCursor", null, "limit", 1, 100, 24), listLoras.Paginate);
        Assert.Equal(EmulationRole.ResourceList, listLoras.Emulate.Role);
    }

    [Fact]
    public void An_upload_is_multipart_with_file_limits_per_media_type()
    {
        var upload = Operation("createUpload");
        Assert.Equal(BodyEncoding.Multipart, upload.Encoding);
        Assert.Equal(new[] { 201 }, upload.Success);
        var files = Assert.Single(upload.Fields).Type.Files!;
        Assert.Equal(52428800, files.MaxBytes);
        Assert.Equal(11, files.Accept.Count);
        Assert.Equal(new AcceptedType("image/png", 26214400), files.Accept[0]);
        Assert.Equal(new AcceptedType("video/mp4", 52428800), files.Accept[4]);
        Assert.Null(files.MaxTotalBytes);
        Assert.Equal(EmulationRole.Upload, upload.Emulate.Role);
    }

    [Fact]
    public void A_path_parameter_is_a_required_argument_typed_by_params_or_a_string()
    {
        var getAsset = Operation("getAsset");
        var assetId = Assert.Single(getAsset.PathParams);
        Assert.Equal(("assetId", "AssetId", MemberType.String, true), (assetId.Name, assetId.CSharpName, assetId.Type.Kind, assetId.Required));
        Assert.Equal(new ResponseSpec(ResponseKind.Json), getAsset.Response);
        Assert.Equal(EmulationRole.Fetch, getAsset.Emulate.Role);

        var id = Assert.Single(Operation("getLora").PathParams);
        Assert.Equal((MemberType.String, MemberFormat.Uuid, true), (id.Type.Kind, id.Type.Format, id.Required));
    }

    [Fact]
    public void Creating_a_resource_answers_its_handle_with_file_arrays_and_csv_arrays()
    {
        var createLora = Operation("createLora");
        Assert.Equal("lora", createLora.Resource);
        Assert.Null(createLora.JobModel);
        Assert.Equal(ResponseSpec.None, createLora.Response);
        Assert.Equal(new[] { 202 }, createLora.Success);
        var images = createLora.Fields.Single(f => f.Name == "images").Type;
        Assert.Equal((15, 30), (images.MinItems, images.MaxItems));
        Assert.Equal(104857600, images.Files!.MaxTotalBytes);
        Assert.Equal(MemberType.File, images.Items!.Kind);
        Assert.Equal(10485760, images.Items.Files!.MaxBytes);
        Assert.Equal(new[] { "image/jpeg", "image/png", "image/webp" }, images.Items.Files.Accept.Select(a => a.MediaType));
        Assert.All(images.Items.Files.Accept, a => Assert.Null(a.MaxBytes));
        Assert.False(images.Csv);
        Assert.True(createLora.Fields.Single(f => f.Name == "webhookEvents").Type.Csv);
        Assert.Equal(EmulationRole.Default, createLora.Emulate.Role);
    }

    [Fact]
    public void A_204_delete_answers_nothing_and_is_retried_as_idempotent()
    {
        var deleteLora = Operation("deleteLora");
        Assert.Equal("DELETE", deleteLora.Request.Method);
        Assert.Equal(new[] { 204 }, deleteLora.Success);
        Assert.Equal(ResponseSpec.None, deleteLora.Response);
        Assert.Equal(OperationRetry.Idempotent, deleteLora.Retry);
        Assert.Equal(EmulationRole.ResourceDelete, deleteLora.Emulate.Role);
    }

    [Fact]
    public void A_follow_up_action_creates_a_job_of_its_model_with_one_shape_per_variant()
    {
        var midjourney = Operation("midjourneyAction");
        Assert.Equal("midjourney", midjourney.JobModel);
        Assert.True(midjourney.Idempotency);
        Assert.Equal(ResponseSpec.None, midjourney.Response);
        Assert.Equal("action", midjourney.Discriminator);
        Assert.Equal(new[] { "parentJobId", "webhookUrl", "webhookEvents" }, midjourney.Fields.Select(f => f.Name));
        Assert.Equal(new[] { "upsample", "variation", "inpaint", "outpaint", "pan" }, midjourney.Variants.Select(v => v.Value));
        var outpaint = midjourney.Variants.Single(v => v.Value == "outpaint").Members.Single();
        Assert.Equal(("zoomRatio", 1.5, 2.0, 0.5, true), (outpaint.Name, outpaint.Type.Minimum, outpaint.Type.Maximum, outpaint.Type.Step, outpaint.Required));

        var suno = Operation("sunoAction");
        Assert.Equal("suno", suno.JobModel);
        Assert.Equal(new[] { "Extend", "Cover", "AddVocals", "Stems" }, suno.Variants.Select(v => v.CSharpName));
        Assert.Empty(suno.Variants.Single(v => v.Value == "stems").Members);
        Assert.Contains(suno.Variants.Single(v => v.Value == "extend").Members, m => m.Name == "negative_tags" && m.CSharpName == "NegativeTags");
    }

    private static OperationSpec Operation(string key) => Document.Operations.Single(o => o.Key == key);

    private static SchemaDocument Load()
    {
        var result = SchemaLoader.Load(TargetOperations.ApiframeWithOperations());
        Assert.Empty(result.Diagnostics.Select(d => d.Format("apiframe.producergen.yaml + apiframe-operations.target.yaml")));
        return result.Document!;
    }
}
