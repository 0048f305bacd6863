using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Apiframe.Catalog;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Operations;

/// <summary><c>POST /v2/uploads</c> and the assets: files checked before sending, stored and served back at their URL.</summary>
public sealed class UploadAndAssetTests
{
    [Theory]
    [InlineData("png", "image/png", "image")]
    [InlineData("jpeg", "image/jpeg", "image")]
    [InlineData("webp", "image/webp", "image")]
    [InlineData("gif", "image/gif", "image")]
    [InlineData("mp4", "video/mp4", "video")]
    [InlineData("webm", "video/webm", "video")]
    [InlineData("mov", "video/quicktime", "video")]
    [InlineData("m4a", "audio/mp4", "audio")]
    [InlineData("mp3", "audio/mpeg", "audio")]
    [InlineData("wav", "audio/wav", "audio")]
    [InlineData("ogg", "audio/ogg", "audio")]
    public async Task Each_supported_kind_is_uploaded_typed_by_its_bytes_and_served_back(string format, string contentType, string kind)
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var bytes = Media.Of(format);

        // Declared as a plain binary: the type comes from the bytes, as the provider does.
        var upload = await client.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromBytes(bytes, "input." + format)));

        Assert.Equal(contentType, upload.ContentType);
        Assert.Equal(kind, upload.Kind);
        Assert.Equal(bytes.Length, upload.ByteSize);
        using var served = new MemoryStream();
        await client.Runtime.DownloadAsync(upload.Url!, served);
        Assert.Equal(bytes, served.ToArray());
    }

    [Fact]
    public async Task An_upload_from_a_file_path_works_like_bytes()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var path = Path.Combine(Path.GetTempPath(), $"pg-upload-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, Media.Png(1024));
        try
        {
            var upload = await client.Uploads.CreateAsync(FileUpload.FromFile(path)); // the overload that builds the request
            Assert.Equal("image/png", upload.ContentType);
            Assert.Equal(1024, upload.ByteSize);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_image_over_its_25_MB_limit_is_refused_and_nothing_is_sent()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var tooLarge = Media.Png((25 * 1024 * 1024) + 1);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromBytes(tooLarge, "big.png"))));

        Assert.Contains(error.Errors, e => e.Path == "file");
        Assert.Equal(0, emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_file_of_a_type_the_provider_does_not_take_is_refused_and_nothing_is_sent()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var text = System.Text.Encoding.UTF8.GetBytes("just some words, not an image");

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromBytes(text, "notes.png", "image/png"))));

        Assert.Contains(error.Errors, e => e.Path == "file");
        Assert.Equal(0, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Uploading_with_a_wrong_key_is_an_authentication_error()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator, "afk_wrong");

        await Assert.ThrowsAsync<AuthenticationException>(() => client.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromBytes(Media.Png(), "a.png"))));
    }

    [Fact]
    public async Task An_asset_registered_from_an_uploads_url_is_read_back_and_an_unknown_one_is_not_found()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var upload = await client.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromBytes(Media.Png(), "a.png")));

        var created = await client.Assets.CreateAsync(new AssetsCreateRequest(AssetsCreateType.Image, upload.Url!));
        var asset = await client.Assets.GetAsync(created.AssetId!);

        Assert.False(string.IsNullOrEmpty(created.AssetId));
        Assert.Equal(upload.Url!.AbsoluteUri, asset.GetProperty("url").GetString());
        await Assert.ThrowsAsync<NotFoundException>(() => client.Assets.GetAsync("no-such-asset"));
    }

    [Fact]
    public async Task An_asset_url_that_is_not_http_is_refused_before_sending()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.Assets.CreateAsync(new AssetsCreateRequest(AssetsCreateType.Video, new Uri("ftp://files.example/clip.mp4"))));
        Assert.Contains(error.Errors, e => e.Path == "url");
        Assert.Equal(0, emulator.Stats.Requests);
    }
}
