using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Apiframe.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Apiframe.Tests.Contract;

/// <summary>
/// Issue 17: every request the generated client sends for the 21 operations is valid against the provider's OpenAPI
/// document, as judged by an independent validator (Stoplight Prism's mock with request validation, pinned in
/// <c>tests/Shared/Prism</c>). Prism answers from the document's examples and schemas, and the generated call parses that.
/// </summary>
public sealed class OpenApiContractTests : IClassFixture<PrismFixture>
{
    private const string JobId = "9d222c6d-893e-4e79-8201-3c9ca16a0f39";

    // The document's example uuid: Prism's static answers carry it as every job's and LoRA's id, and the runtime refuses a
    // body describing another job than the one asked for, so the GETs ask for this one.
    private const string ExampleId = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
    private const string LoraId = ExampleId;

    // Prism 5.16 reads a multipart body into one string per part name (validator/validators/body.js,
    // parseMultipartFormDataParams: result[name] = data.toString()), so repeated parts, the standard encoding of an array of
    // files, reach its schema check as a single string and an array of files can never validate there.
    private const string PrismRepeatedPartsLimitation = "Request body property images must be array";
    private static readonly Uri ImageUrl = new("https://cdn.example.com/in.png");
    private static readonly Uri VideoUrl = new("https://cdn.example.com/in.mp4");

    private readonly PrismFixture _prism;
    private readonly ITestOutputHelper _output;

    public OpenApiContractTests(PrismFixture prism, ITestOutputHelper output)
    {
        _prism = prism;
        _output = output;
        _output.WriteLine($"Prism install/check {prism.InstallTime.TotalSeconds:F1} s, start {prism.StartTime.TotalSeconds:F1} s, at {prism.BaseAddress}");
    }

    [Fact]
    public async Task The_validator_is_live_a_body_without_prompt_gets_the_violation_answer()
    {
        using var http = new HttpClient { BaseAddress = _prism.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/images/generate")
        {
            Content = new StringContent("""{"model":"midjourney"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-API-Key", "afk_test");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("sl-violations", out var violations), "Prism named no violation");
        Assert.Contains("required property 'prompt'", string.Join(" ", violations));
    }

    [Fact]
    public async Task The_validator_is_live_a_request_without_the_key_is_a_violation()
    {
        using var http = new HttpClient { BaseAddress = _prism.BaseAddress };
        using var response = await http.GetAsync(new Uri("v2/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.Contains("sl-violations"));
    }

    // --- the 8 generate endpoints: the first model of each -------------------------------------------------------------

    [Fact]
    public Task Images_generate_midjourney() =>
        AssertSubmitted("POST", "/v2/images/generate", c => c.Midjourney.SubmitAsync(new MidjourneyRequest("a lighthouse at dawn")));

    [Fact]
    public Task Images_edit_flux_fill_pro() =>
        AssertSubmitted("POST", "/v2/images/edit", c => c.FluxFillPro.SubmitAsync(new FluxFillProRequest(
            new FluxFillProParams(ImageUrl, FluxFillProMode.Outpaint, "extend the sky") { Outpaint = FluxFillProOutpaint.ZoomOut1_5x })));

    [Fact]
    public Task Images_upscale_topaz() =>
        AssertSubmitted("POST", "/v2/images/upscale", c => c.TopazImageUpscale.SubmitAsync(new TopazImageUpscaleRequest(new TopazImageUpscaleParams(ImageUrl))));

    [Fact]
    public Task Images_background_remove_bria() =>
        AssertSubmitted("POST", "/v2/images/background-remove", c => c.BriaBgRemove.SubmitAsync(new BriaBgRemoveRequest(new BriaBgRemoveParams(ImageUrl))));

    [Fact]
    public Task Music_generate_suno() =>
        AssertSubmitted("POST", "/v2/music/generate", c => c.Suno.SubmitAsync(new SunoRequest("a calm piano piece")));

    [Fact]
    public Task Videos_generate_kling() =>
        AssertSubmitted("POST", "/v2/videos/generate", c => c.Kling2_1.SubmitAsync(new Kling2_1Request("waves on a beach")));

    [Fact]
    public Task Videos_edit_wan() =>
        AssertSubmitted("POST", "/v2/videos/edit", c => c.Wan2_7Videoedit.SubmitAsync(new Wan2_7VideoeditRequest("make it snow", new Wan2_7VideoeditParams(VideoUrl))));

    [Fact]
    public Task Videos_upscale_topaz() =>
        AssertSubmitted("POST", "/v2/videos/upscale", c => c.TopazVideoUpscale.SubmitAsync(new TopazVideoUpscaleRequest(
            new TopazVideoUpscaleParams(30, TopazVideoUpscaleTargetResolution._1080p, VideoUrl))));

    // --- the job and the 12 operations ---------------------------------------------------------------------------------

    [Fact]
    public async Task Jobs_get()
    {
        var job = await Call("GET", $"/v2/jobs/{ExampleId}", c => c.Jobs.GetAsync(ExampleId));
        Assert.Equal(ExampleId, job.Id);
        Assert.False(string.IsNullOrEmpty(job.Status));
    }

    [Fact]
    public async Task Account_get()
    {
        var account = await Call("GET", "/v2/me", c => c.Account.GetAsync());
        Assert.NotNull(account.User);
        Assert.Equal("user@example.com", account.User!.Email); // the schema's example email
        Assert.NotNull(account.Team?.Credits);
    }

    [Fact]
    public async Task Catalog_list_with_a_modality()
    {
        var models = await Call("GET", "/v2/models?modality=video", c => c.Catalog.ListAsync(new CatalogListRequest { Modality = CatalogListModality.Video }));
        Assert.NotEmpty(models);
        Assert.All(models, m => Assert.False(string.IsNullOrEmpty(m.Id)));
    }

    [Fact]
    public async Task Jobs_list_with_filters_and_a_page_size()
    {
        var page = await Call("GET", "/v2/jobs?", async c =>
        {
            // Prism's static mock answers every page with hasMore true and the same cursor, so only the first page is
            // meaningful: take it and stop (following the cursor would never end).
            await foreach (var p in c.Jobs.ListAsync(new JobsListRequest { Status = JobsListStatus.Completed, Model = "midjourney", Scope = JobsListScope.Team, Search = JobId })
                               .AsPages(pageSizeHint: 5))
            {
                return p;
            }

            throw new InvalidOperationException("no page");
        });
        Assert.NotEmpty(page.Values);
        Assert.Equal("string", page.ContinuationToken); // the schema's placeholder cursor
        var query = Sent("GET", "/v2/jobs?").Path;
        Assert.Contains("status=COMPLETED", query);
        Assert.Contains("limit=5", query);
        Assert.Contains("model=midjourney", query);
    }

    [Fact]
    public async Task Uploads_create_a_real_png_as_multipart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"producergen-contract-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, TinyPng.Bytes);
        try
        {
            var upload = await Call("POST", "/v2/uploads", c => c.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromFile(path))));
            Assert.NotNull(upload.Url);
            Assert.False(string.IsNullOrEmpty(upload.Kind));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Assets_create()
    {
        var created = await Call("POST", "/v2/assets/create", c => c.Assets.CreateAsync(new AssetsCreateRequest(AssetsCreateType.Image, ImageUrl)));
        Assert.False(string.IsNullOrEmpty(created.AssetId));
    }

    [Fact]
    public async Task Assets_get()
    {
        var asset = await Call("GET", "/v2/assets/asset_123", c => c.Assets.GetAsync("asset_123"));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Undefined, asset.ValueKind);
    }

    [Fact]
    public async Task Loras_create_with_15_png_images()
    {
        var images = Enumerable.Range(1, 15).Select(i => FileUpload.FromBytes(TinyPng.Bytes, $"face-{i}.png", "image/png")).ToList();
        var request = new LorasCreateRequest(images, "contract-lora")
        {
            SubjectKind = LorasCreateSubjectKind.Person,
            Gender = LorasCreateGender.Female,
            Ethnicity = "unspecified",
            Age = "30",
            Steps = 1000,
            LoraRank = 16,
            WebhookUrl = new Uri("https://hooks.example.com/lora"),
            WebhookEvents = [LorasCreateWebhookEvent.Completed, LorasCreateWebhookEvent.Failed],
        };
        // Every other field is validated by Prism; `images` only by the limitation above, which Prism answers with 400, so the
        // call ends in the runtime's validation error and the 15 parts are checked on the recorded body instead. (A 202 would
        // not be waited for either: Prism answers a PENDING LoRA on every GET.)
        await Call<object?>("POST", "/v2/loras", async c =>
        {
            await Assert.ThrowsAnyAsync<ProducerGen.ProducerGenException>(() => c.Loras.CreateAsync(request));
            return null;
        }, tolerated: PrismRepeatedPartsLimitation);
        var body = Sent("POST", "/v2/loras").RequestBody;
        Assert.Equal(15, CountOf(body, "name=\"images\"; filename="));
        Assert.Equal(15, CountOf(body, "Content-Type: image/png"));
        Assert.Contains("name=\"webhookEvents\"\r\n\r\ncompleted,failed\r\n", body, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Loras_get()
    {
        var lora = await Call("GET", $"/v2/loras/{LoraId}", c => c.Loras.GetAsync(LoraId));
        Assert.Equal(LoraId, lora.Id); // the schema's example uuid
        Assert.NotNull(lora.Status);
    }

    [Fact]
    public async Task Loras_list_with_archived_and_a_page_size()
    {
        var page = await Call("GET", "/v2/loras?", async c =>
        {
            // As for jobs: Prism repeats the same cursor forever, so only the first page is taken.
            await foreach (var p in c.Loras.ListAsync(new LorasListRequest { IncludeArchived = true }).AsPages(pageSizeHint: 10))
            {
                return p;
            }

            throw new InvalidOperationException("no page");
        });
        Assert.NotEmpty(page.Values);
        var query = Sent("GET", "/v2/loras?").Path;
        Assert.Contains("includeArchived=true", query);
        Assert.Contains("limit=10", query);
    }

    [Fact]
    public async Task Loras_delete()
    {
        await Call("DELETE", $"/v2/loras/{LoraId}", async c =>
        {
            await c.Loras.DeleteAsync(LoraId);
            return true;
        });
        Assert.Equal(204, Sent("DELETE", $"/v2/loras/{LoraId}").Status);
    }

    [Fact]
    public Task Midjourney_upsample_action() =>
        AssertSubmitted("POST", "/v2/images/midjourney/action", c => c.Midjourney.ActionAsync(new MidjourneyUpsampleAction(JobId, 2)));

    [Fact]
    public Task Suno_extend_action() =>
        AssertSubmitted("POST", "/v2/music/suno/action", c => c.Suno.ActionAsync(new SunoExtendAction(JobId)
        {
            Index = 1,
            ContinueAt = 42.5,
            Prompt = "keep the melody",
            Title = "Extended",
        }));

    // --- helpers --------------------------------------------------------------------------------------------------------

    private RecordingHandler? _recorder;

    private async Task AssertSubmitted(string method, string path, Func<ApiframeClient, Task<ProducerGen.JobHandle>> submit)
    {
        var handle = await Call(method, path, submit);
        Assert.False(string.IsNullOrEmpty(handle.Id));
        Assert.Equal("QUEUED", handle.Status); // the document's 202 answer
    }

    /// <summary>
    /// Sends one call through the generated client and asserts Prism saw a request to <paramref name="method"/>
    /// <paramref name="pathPrefix"/> and reported no violation on any request; a thrown call fails after that check so the
    /// violations are in the message.
    /// </summary>
    private async Task<T> Call<T>(string method, string pathPrefix, Func<ApiframeClient, Task<T>> call, string? tolerated = null)
    {
        _recorder = new RecordingHandler();
        using var http = new HttpClient(_recorder) { Timeout = TimeSpan.FromSeconds(30) };
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "afk_test", BaseAddress = _prism.BaseAddress }, http);
        Exception? failure = null;
        T result = default!;
        try
        {
            result = await call(client);
        }
        catch (Exception e)
        {
            failure = e;
        }

        var exchanges = _recorder.Exchanges;
        if (exchanges.Count == 0)
        {
            var log = _prism.Log;
            _output.WriteLine($"Prism exited: {_prism.Server.HasExited}; its last output:\n{log[Math.Max(0, log.Length - 4000)..]}");
        }

        foreach (var exchange in exchanges)
        {
            _output.WriteLine($"{exchange.Method} {exchange.Path} -> {exchange.Status}{(exchange.Violations is null ? "" : " VIOLATIONS " + exchange.Violations)}");
        }

        var violations = exchanges.Where(e => e.ViolationMessages().Any(m => m != tolerated)).ToList();
        Assert.True(violations.Count == 0, "Prism rejected the request:\n" + string.Join("\n", violations.Select(v => $"{v.Method} {v.Path} -> {v.Status}: {v.Violations} {v.Body}")));
        if (tolerated is not null)
        {
            // The tolerated violation must be the one seen, or the test is not checking what it claims.
            Assert.Contains(exchanges, e => e.ViolationMessages().Contains(tolerated));
        }
        Assert.Contains(exchanges, e => e.Method == method && e.Path.StartsWith(pathPrefix, StringComparison.Ordinal));
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException($"The generated call failed on Prism's valid answer: {failure}");
        }

        return result;
    }

    private Exchange Sent(string method, string pathPrefix) =>
        _recorder!.Exchanges.First(e => e.Method == method && e.Path.StartsWith(pathPrefix, StringComparison.Ordinal));
}
