using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProducerGen.Generator.Tests.Compiling;

/// <summary>Generated code plus a consumer compiles with zero diagnostics (every warning is an error here).</summary>
public class GeneratedCodeCompilesTests
{
    private const string MusicConsumer =
        """
        using System;
        using System.Threading.Tasks;
        using Apiframe;
        using ProducerGen;

        public static class Consumer
        {
            public static async Task<ProducerResult> Run(string key)
            {
                using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = key });
                var request = new ProducerRequest("an upbeat synthwave track with a driving bassline")
                {
                    WebhookUrl = new Uri("https://example.com/hooks/apiframe"),
                    WebhookEvents = new[] { MusicWebhookEvent.Completed },
                    Params = new ProducerParams { ModelVersion = ProducerModelVersion.Fuzz2Pro, Weirdness = 0.35, Seed = "demo-1" },
                };
                ValidationResult validation = request.Validate();
                JobHandle job = await client.Producer.SubmitAsync(request, new RequestOptions { IdempotencyKey = "k" });
                Job state = await client.Jobs.GetAsync(job.Id);
                ProducerResult done = await client.Producer.GenerateAsync(request, new Progress<JobProgress>());
                foreach (MusicTrack track in done.Tracks)
                {
                    Uri? audio = track.AudioUrl;
                    double? seconds = track.Duration;
                }

                _ = new SunoRequest("x") { Params = new SunoParams { ModelVersion = SunoModelVersion.V4_5plus } };
                _ = new ElevenlabsMusicRequest("x") { Params = new ElevenlabsMusicParams { MusicLengthMs = 5000 } };
                _ = new Lyria3ClipRequest("x") { Params = new Lyria3ClipParams { ReferenceImages = new[] { new Uri("https://x.test/a.png") } } };
                return done;
            }
        }
        """;

    private const string AwkwardConsumer =
        """
        using System;
        using Awkward.Client;

        public static class Consumer
        {
            public static void Run()
            {
                using var client = new AwkwardApiClient(new AwkwardApiClientOptions { ApiKey = "k" });
                var request = new Flux1_1ProRequest("a cat")
                {
                    Tags = new[] { "cats" },
                    Params = new Flux1_1ProParams
                    {
                        AspectRatio = Flux1_1ProAspectRatio._16_9,
                        Class = "keyword",
                        Duration = 10,
                        Guidance = -0.25,
                        Loras = new[] { new Flux1_1ProLora(new Uri("https://x.test/l")) { Scale = 1 } },
                        Output = new Flux1_1ProOutput { Format = Flux1_1ProOutputFormat.Png, Size = new Flux1_1ProOutputSize { Width = 512 } },
                    },
                };
                _ = request.Validate();
                _ = new _851BgRemoveRequest("p", new _851BgRemoveParams(new Uri("https://x.test/i.png")));
                _ = client._851BgRemove;
                _ = Flux1_1ProAspectRatio._3dRender.ToWireValue();
            }
        }
        """;

    private const string OperationsConsumer =
        """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading.Tasks;
        using ProducerGen;
        using StudioOps;

        public static class Consumer
        {
            public static async Task Run(string key, string path)
            {
                using var client = new StudioOpsClient(new StudioOpsClientOptions { ApiKey = key });
                Account account = await client.Account.GetAsync();
                long? credits = account.Team?.Credits;
                string? prefix = account.ApiKey?.Prefix;
                IReadOnlyList<CatalogModel> models = await client.Catalog.ListAsync(new CatalogListRequest { Modality = CatalogListModality.Video });
                await foreach (JobSummary job in client.Jobs.ListAsync(new JobsListRequest { Status = JobsListStatus.Completed, Model = "midjourney" }))
                {
                    string? id = job.Id;
                    JsonElement? result = job.Result;
                }

                await foreach (Page<Lora> page in client.Loras.ListAsync().AsPages(continuationToken: null, pageSizeHint: 50))
                {
                    string? next = page.ContinuationToken;
                }

                Job state = await client.Jobs.GetAsync("id");
                JobsClient plain = client.Jobs;
                Upload upload = await client.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromFile(path)));
                Uri? url = upload.Url;
                Upload direct = await client.Uploads.CreateAsync(FileUpload.FromStream(System.IO.File.OpenRead(path), "cat.png", "image/png"));
                AssetCreated registered = await client.Assets.CreateAsync(url!, AssetsCreateType.Video);
                AssetCreated asset = await client.Assets.CreateAsync(new AssetsCreateRequest(url!, AssetsCreateType.Image));
                JsonElement raw = await client.Assets.GetAsync(asset.AssetId!);
                ResourceOperation<Lora> training = await client.Loras.CreateAsync(new LorasCreateRequest("Anna", new[] { FileUpload.FromFile(path) })
                {
                    SubjectKind = LorasCreateSubjectKind.Person,
                    WebhookEvents = new[] { LorasCreateWebhookEvent.Completed },
                });
                Lora ready = await training.WaitAsync();
                Lora again = await client.Loras.GetLoraOperation(ready.Id!).WaitAsync();
                await client.Loras.DeleteAsync(ready.Id!);
                JobHandle upscale = await client.Midjourney.ActionAsync(new MidjourneyUpsampleAction("parent", 2));
                JobHandle pan = await client.Midjourney.ActionAsync(new MidjourneyPanAction("parent", MidjourneyPanActionDirection.Left));
                JobHandle stems = await client.Suno.ActionAsync(new SunoStemsAction("parent") { Index = 1 });
                SunoResult song = await client.Suno.WaitAsync(stems.Id);
            }
        }
        """;

    [Theory]
    [InlineData("apiframe-music.producergen.yaml", MusicConsumer)]
    [InlineData("awkward.producergen.yaml", AwkwardConsumer)]
    [InlineData("operations.producergen.yaml", OperationsConsumer)]
    public void Generated_code_and_consumer_compile_without_any_diagnostic(string schema, string consumer)
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(consumer), GeneratorHarness.Schema(schema));

        Assert.Empty(generatorDiagnostics);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).Select(d => d.ToString()).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    private const string ArrayDefaultsSchema =
        """
        producergen: 1
        api:
          name: Defaults
          namespace: Defaults.Client
          baseUrl: https://api.example.com
          auth: { header: X-API-Key }
          jobs:
            get: GET /v1/jobs/{id}
        endpoints:
          gen:
            request: POST /v1/generate
            fields:
              prompt: { type: string, required: true }
              tags: { type: array, items: { type: string, maxLength: 20 }, maxItems: 5, default: [] }
        models:
          alpha:
            endpoint: gen
            paramsKey: alphaParams
            params:
              styles:
                type: array
                items: { type: string, enum: [calm, "rock & roll"] }
                default:
                  - calm
                  - "rock & roll"
              grid: { type: array, items: { type: array, items: { type: integer, min: 0 } }, default: [[1, 2], []] }
        """;

    private const string ArrayDefaultsConsumer =
        """
        using System.Collections.Generic;
        using Defaults.Client;

        public static class Consumer
        {
            public static void Run()
            {
                var request = new AlphaRequest("p")
                {
                    Tags = new[] { "a" },
                    Params = new AlphaParams { Styles = new[] { AlphaStyle.Calm, AlphaStyle.RockRoll }, Grid = new IList<long>[] { new long[] { 1 } } },
                };
                _ = request.Validate();
            }
        }
        """;

    [Fact]
    public void Array_defaults_compile_without_any_diagnostic_and_are_documented()
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(ArrayDefaultsConsumer), GeneratorHarness.Schema("defaults.producergen.yaml", ArrayDefaultsSchema));

        Assert.Empty(generatorDiagnostics);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).Select(d => d.ToString()).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        var generated = string.Join("\n", output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).Select(t => t.ToString()));
        Assert.Contains("Server default when unset: [] (not sent unless you set it).", generated, System.StringComparison.Ordinal);
        Assert.Contains("Server default when unset: [\"calm\", \"rock &amp; roll\"] (not sent unless you set it).", generated, System.StringComparison.Ordinal);
        Assert.Contains("Server default when unset: [[1, 2], []] (not sent unless you set it).", generated, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_generated_file_starts_with_the_auto_generated_header_and_nullable_enable()
    {
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(), GeneratorHarness.Schema("apiframe-music.producergen.yaml"));

        var generated = output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(1 + 1 + 1 + 7, generated.Count); // client, model factory, endpoint result, seven models
        Assert.All(generated, tree =>
        {
            var text = tree.ToString();
            Assert.StartsWith("// <auto-generated/>\n", text, System.StringComparison.Ordinal);
            Assert.Contains("\n#nullable enable\n", text, System.StringComparison.Ordinal);
        });
    }
}
