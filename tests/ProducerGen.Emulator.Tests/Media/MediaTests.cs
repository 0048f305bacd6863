using System.Text.Json;
using ProducerGen.Emulator.Tests.Operations;
using SkiaSharp;

namespace ProducerGen.Emulator.Tests.Media;

/// <summary>
/// Each modality's files over real HTTP against the shipped Apiframe schema: images of the requested kind, size and
/// count (checked by an independent header reader and decoded), derived edits and upscales, background removal with
/// alpha, video results with a poster, and music covers, byte-identical for the same seed.
/// </summary>
public sealed class MediaTests
{
    [Theory]
    [InlineData("png", ImageKind.Png, "image/png")]
    [InlineData("jpg", ImageKind.Jpeg, "image/jpeg")]
    [InlineData("webp", ImageKind.WebP, "image/webp")]
    public async Task A_generated_image_has_the_requested_format_and_size(string format, ImageKind kind, string contentType)
    {
        await using var t = await Ops.StartAsync();
        var job = await CompletedAsync(t, "v2/images/generate", new { prompt = "a lighthouse", model = "flux-1.1-pro", fluxParams = new { width = 800, height = 608, output_format = format, seed = 7 } });

        var image = Assert.Single(job.GetProperty("result").GetProperty("images").EnumerateArray());
        Assert.Equal((800, 608, contentType), (image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32(), image.GetProperty("contentType").GetString()));
        var url = image.GetProperty("url").GetString()!;
        Assert.EndsWith("." + (format == "jpg" ? "jpg" : format), url, StringComparison.Ordinal);
        using var response = await t.Http.GetAsync(new Uri(url));
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((kind, 800, 608), ImageHeader.Read(bytes));
        AssertDecodes(bytes, 800, 608);
        if (kind == ImageKind.Png)
        {
            var (w, h, _) = PngCodec.Decode(bytes);
            Assert.Equal((800, 608), (w, h));
        }
    }

    [Theory]
    [InlineData("16:9", 1024, 576)]
    [InlineData("9:16", 576, 1024)]
    [InlineData("21:9", 1024, 438)]
    public async Task An_aspect_ratio_is_scaled_to_1024_on_the_long_side(string ratio, int width, int height)
    {
        await using var t = await Ops.StartAsync();
        var job = await CompletedAsync(t, "v2/images/generate", new { prompt = "a fox", model = "stable-diffusion-3.5-large", stableDiffusionParams = new { aspect_ratio = ratio, output_format = "jpg", seed = 1 } });
        var bytes = await t.DownloadAsync(Urls(job, "images", "url")[0]);
        Assert.Equal((ImageKind.Jpeg, width, height), ImageHeader.Read(bytes));
    }

    [Fact]
    public async Task One_file_per_requested_image_and_one_by_default()
    {
        await using var t = await Ops.StartAsync();
        var three = await CompletedAsync(t, "v2/images/generate", new { prompt = "a fox", model = "gpt-image-1.5", gptImageParams = new { number_of_images = 3, aspect_ratio = "3:2", output_format = "webp" } });
        var urls = Urls(three, "images", "url");
        Assert.Equal(3, urls.Count);
        var files = new List<byte[]>();
        foreach (var url in urls)
        {
            var bytes = await t.DownloadAsync(url);
            Assert.Equal((ImageKind.WebP, 1024, 682), ImageHeader.Read(bytes));
            files.Add(bytes);
        }

        Assert.Equal(3, files.Select(Convert.ToHexString).Distinct().Count());
        using var fourth = await t.Http.GetAsync(new Uri(urls[0].Replace("/1.webp", "/4.webp", StringComparison.Ordinal)));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, fourth.StatusCode);

        var single = await CompletedAsync(t, "v2/images/generate", new { prompt = "a fox", model = "midjourney" });
        var only = Assert.Single(Urls(single, "images", "url"));
        Assert.Equal((ImageKind.Png, 1024, 1024), ImageHeader.Read(await t.DownloadAsync(only)));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        await using var t = await Ops.StartAsync();
        async Task<byte[]> ImageAsync(int seed)
        {
            var job = await CompletedAsync(t, "v2/images/generate", new { prompt = "a fox", model = "flux-1.1-pro", fluxParams = new { seed, output_format = "png" } });
            return await t.DownloadAsync(Urls(job, "images", "url")[0]);
        }

        var first = await ImageAsync(42);
        Assert.Equal(first, await ImageAsync(42));
        Assert.NotEqual(first, await ImageAsync(43));
    }

    [Fact]
    public async Task An_edit_keeps_an_uploaded_inputs_size_and_derives_from_it_deterministically()
    {
        await using var t = await Ops.StartAsync();
        var input = await UploadAsync(t, PngCodec.EncodeGradient(300, 200));
        object Body(string image, int seed) => new { model = "flux-fill-pro", fluxFillParams = new { image, mode = "inpaint", prompt = "add a moon", output_format = "jpg", seed } };

        var edited = await t.DownloadAsync(Urls(await CompletedAsync(t, "v2/images/edit", Body(input, 5)), "images", "url")[0]);
        Assert.Equal((ImageKind.Jpeg, 300, 200), ImageHeader.Read(edited));
        AssertDecodes(edited, 300, 200);
        Assert.Equal(edited, await t.DownloadAsync(Urls(await CompletedAsync(t, "v2/images/edit", Body(input, 5)), "images", "url")[0]));
        Assert.NotEqual(edited, await t.DownloadAsync(Urls(await CompletedAsync(t, "v2/images/edit", Body(input, 6)), "images", "url")[0]));

        // An input the emulator cannot fetch: a picture seeded by its URL, at the default size.
        var remote = await t.DownloadAsync(Urls(await CompletedAsync(t, "v2/images/edit", Body("https://cdn.example.com/in.png", 5)), "images", "url")[0]);
        Assert.Equal((ImageKind.Jpeg, 1024, 1024), ImageHeader.Read(remote));
        var other = await t.DownloadAsync(Urls(await CompletedAsync(t, "v2/images/edit", Body("https://cdn.example.com/other.png", 5)), "images", "url")[0]);
        Assert.NotEqual(remote, other);
    }

    [Theory]
    [InlineData("clarity-upscale", "clarityUpscaleParams", "scale_factor", 4, 800, 600)]
    [InlineData("topaz-image-upscale", "topazUpscaleParams", "upscale_factor", 6, 1200, 900)]
    [InlineData("topaz-image-upscale", "topazUpscaleParams", null, 0, 400, 300)]
    public async Task An_upscale_of_an_upload_is_its_size_times_the_factor(string model, string paramsKey, string? factorName, int factor, int width, int height)
    {
        await using var t = await Ops.StartAsync();
        var input = await UploadAsync(t, PngCodec.EncodeGradient(200, 150));
        var parameters = new Dictionary<string, object> { ["image"] = input, ["output_format"] = "png" };
        if (factorName is not null)
        {
            parameters[factorName] = factor;
        }

        var job = await CompletedAsync(t, "v2/images/upscale", new Dictionary<string, object> { ["model"] = model, [paramsKey] = parameters });
        var image = job.GetProperty("result").GetProperty("images")[0];
        Assert.Equal((width, height), (image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()));
        var bytes = await t.DownloadAsync(image.GetProperty("url").GetString()!);
        Assert.Equal((ImageKind.Png, width, height), ImageHeader.Read(bytes));
        var (_, _, rgba) = PngCodec.Decode(bytes);
        // The input's gradient survives: red grows left to right.
        Assert.True(rgba[((height / 2 * width) + (width - 5)) * 4] > rgba[((height / 2 * width) + 5) * 4] + 100);
    }

    [Fact]
    public async Task Background_removal_is_a_png_with_a_transparent_background_and_an_opaque_subject()
    {
        await using var t = await Ops.StartAsync();
        var input = await UploadAsync(t, PngCodec.EncodeGradient(320, 240));
        var job = await CompletedAsync(t, "v2/images/background-remove", new { model = "bria-bg-remove", briaBgRemoveParams = new { image = input } });
        var bytes = await t.DownloadAsync(Urls(job, "images", "url")[0]);
        Assert.Equal((ImageKind.Png, 320, 240), ImageHeader.Read(bytes));
        Assert.Equal(6, ImageHeader.PngColourType(bytes)); // RGBA
        var (width, height, rgba) = PngCodec.Decode(bytes);
        byte Alpha(int x, int y) => rgba[(((y * width) + x) * 4) + 3];
        Assert.Equal(0, Alpha(0, 0));
        Assert.Equal(0, Alpha(width - 1, height - 1));
        Assert.Equal(255, Alpha(width / 2, height / 2));
        var alphas = Enumerable.Range(0, width * height).Select(i => rgba[(i * 4) + 3]).ToList();
        Assert.InRange(alphas.Count(a => a == 0), width * height / 10, width * height * 9 / 10);
        Assert.InRange(alphas.Count(a => a == 255), width * height / 10, width * height * 9 / 10);
    }

    [Fact]
    public async Task A_video_result_holds_a_video_url_and_a_poster_at_the_requested_ratio_and_duration()
    {
        await using var t = await Ops.StartAsync();
        var job = await CompletedAsync(t, "v2/videos/generate", new { prompt = "waves", model = "sora-2", soraParams = new { aspect_ratio = "9:16", duration = 8, resolution = "high" } });
        var video = Assert.Single(job.GetProperty("result").GetProperty("videos").EnumerateArray());
        Assert.Equal((1080, 1920, 8.0, "video/mp4"), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32(), video.GetProperty("duration").GetDouble(), video.GetProperty("contentType").GetString()));
        using var file = await t.Http.GetAsync(new Uri(video.GetProperty("videoUrl").GetString()!));
        Assert.Equal("video/mp4", file.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".mp4", video.GetProperty("videoUrl").GetString(), StringComparison.Ordinal);
        // The served file is the renderer's real MP4 (VP8 frames), walked by the tests' own box reader.
        var boxes = Video.IsoBox.Parse(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("ftyp", boxes[0].Type);
        Assert.Contains(boxes, b => b.Type == "moov");
        Assert.Contains(boxes, b => b.Type == "mdat" && b.Size > 1000);
        var poster = await t.DownloadAsync(video.GetProperty("thumbnailUrl").GetString()!);
        Assert.Equal((ImageKind.Jpeg, 1080, 1920), ImageHeader.Read(poster));
        AssertDecodes(poster, 1080, 1920);
    }

    [Fact]
    public async Task A_music_cover_is_a_real_jpeg_the_same_for_the_same_seed()
    {
        await using var t = await Ops.StartAsync();
        var body = new { prompt = "night drive synthwave", model = "producer", producerParams = new { seed = "3" } };
        var covers = new List<byte[]>();
        for (var i = 0; i < 2; i++)
        {
            var job = await CompletedAsync(t, "v2/music/generate", body);
            var urls = Urls(job, "tracks", "imageUrl");
            Assert.Equal(2, urls.Count);
            var cover = await t.DownloadAsync(urls[0]);
            Assert.Equal((ImageKind.Jpeg, 512, 512), ImageHeader.Read(cover));
            AssertDecodes(cover, 512, 512);
            Assert.NotEqual(cover, await t.DownloadAsync(urls[1]));
            covers.Add(cover);
        }

        Assert.Equal(covers[0], covers[1]);
    }

    private static void AssertDecodes(byte[] bytes, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
    }

    private static List<string> Urls(JsonElement job, string list, string member) =>
        job.GetProperty("result").GetProperty(list).EnumerateArray().Select(e => e.GetProperty(member).GetString()!).ToList();

    private static async Task<string> UploadAsync(TestEmulator t, byte[] png)
    {
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v2/uploads", Ops.Form([], [("file", "input.png", "image/png", png)]));
        Assert.Equal(201, status);
        return body.GetProperty("url").GetString()!;
    }

    private static async Task<JsonElement> CompletedAsync(TestEmulator t, string path, object body)
    {
        var id = await t.SubmitAsync(JsonSerializer.Serialize(body), path: path);
        t.Time.Advance(TimeSpan.FromMinutes(30));
        var job = await t.GetJobAsync(id);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        return job;
    }
}
