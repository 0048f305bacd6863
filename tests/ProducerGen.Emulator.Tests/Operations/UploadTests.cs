namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>POST /v2/uploads: the type sniffed from the bytes, the limits per type, the file served back.</summary>
public sealed class UploadTests
{
    [Theory]
    [InlineData("png", "image/png", "image")]
    [InlineData("jpeg", "image/jpeg", "image")]
    [InlineData("webp", "image/webp", "image")]
    [InlineData("gif", "image/gif", "image")]
    [InlineData("mp4", "video/mp4", "video")]
    [InlineData("webm", "video/webm", "video")]
    [InlineData("mp3", "audio/mpeg", "audio")]
    [InlineData("wav", "audio/wav", "audio")]
    [InlineData("ogg", "audio/ogg", "audio")]
    public async Task An_upload_is_sniffed_and_served_back_with_its_type_until_it_expires(string format, string contentType, string kind)
    {
        await using var t = await Ops.StartAsync();
        var bytes = SampleFiles.Named(format);
        // The declared type is ignored: the bytes decide.
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v2/uploads", Ops.Form([], [("file", "input." + format, "application/octet-stream", bytes)]));
        Assert.Equal(201, status);
        Assert.Equal(contentType, body.GetProperty("contentType").GetString());
        Assert.Equal(kind, body.GetProperty("kind").GetString());
        Assert.Equal(bytes.Length, body.GetProperty("byteSize").GetInt64());
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.Equal(TestEmulator.Start.AddHours(1), DateTimeOffset.Parse(body.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var url = new Uri(body.GetProperty("url").GetString()!);
        using (var served = await t.Http.GetAsync(url))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(contentType, served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        }

        t.Time.Advance(TimeSpan.FromHours(1));
        using var expired = await t.Http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task A_file_labelled_png_that_is_not_an_accepted_type_is_400()
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v2/uploads", Ops.Form([], [("file", "doc.png", "image/png", SampleFiles.Pdf)]));
        Assert.Equal(400, status);
        Assert.Contains("image/png", body.GetProperty("details").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mislabelled_png_is_stored_as_a_png()
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v2/uploads", Ops.Form([], [("file", "photo.jpg", "image/jpeg", SampleFiles.Png())]));
        Assert.Equal(201, status);
        Assert.Equal("image/png", body.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task An_image_over_its_types_limit_is_413()
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v2/uploads", Ops.Form([], [("file", "big.png", "image/png", SampleFiles.Png(26214401))]));
        Assert.Equal(413, status);
        Assert.Contains("26214400", body.GetProperty("error").GetString(), StringComparison.Ordinal);

        // The same size is fine for a video, whose limit is 50 MB.
        var video = SampleFiles.Mp4.Concat(new byte[26214401 - 64]).ToArray();
        var (videoStatus, _) = await t.SendAsync(HttpMethod.Post, "v2/uploads", Ops.Form([], [("file", "big.mp4", "video/mp4", video)]));
        Assert.Equal(201, videoStatus);
    }

    [Fact]
    public async Task Without_the_file_part_it_is_400()
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v2/uploads", Ops.Form([("note", "x")], []));
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("details").TryGetProperty("file", out _));
    }
}
