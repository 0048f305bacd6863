using System.IO;
using System.Linq;
using System.Net;

namespace ProducerGen.Runtime.Tests;

public sealed class DownloadTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "producergen-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static FakeHttpHandler Cdn(TimeProvider time, byte[] bytes) => new(r =>
        r.Uri.Host == "api.apiframe.test" && r.Uri.AbsolutePath == "/redirect"
            ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://cdn.test/moved.mp3") } }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }, time);

    [Theory]
    [InlineData("../../etc/passwd", "etc_passwd")]
    [InlineData("..\\..\\windows\\system32", "windows_system32")]
    [InlineData("CON", "_CON")]
    [InlineData("nul.txt", "_nul.txt")]
    [InlineData("com1", "_com1")]
    [InlineData("bad\u0000name\u001f\u007f.mp3", "bad_name_.mp3")]
    [InlineData("  .hidden  ", "hidden")]
    [InlineData("a:b*c?d\"e<f>g|h", "a_b_c_d_e_f_g_h")]
    [InlineData("", "download")]
    [InlineData("..", "download")]
    [InlineData("Upbeat synthwave — night drive", "Upbeat synthwave — night drive")]
    public void File_names_are_sanitized(string name, string expected) => Assert.Equal(expected, FileNameSanitizer.Sanitize(name));

    [Theory]
    [InlineData("https://cdn.test/t/1.wav", "Night drive", "Night drive.wav")]
    [InlineData("https://cdn.test/t/1.wav", "Mix v1.2", "Mix v1.2.wav")]
    [InlineData("https://cdn.test/t/1.wav", "already.WAV", "already.WAV")]
    [InlineData("https://cdn.test/t/1.wav", "../../etc/passwd", "etc_passwd.wav")]
    [InlineData("https://cdn.test/t/1.wav", null, "1.wav")]
    [InlineData("https://cdn.test/t/noext", "Title", "Title")]
    public void Download_names_take_the_urls_extension(string url, string? suggested, string expected) =>
        Assert.Equal(expected, Downloader.FileNameFor(new Uri(url), suggested));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = FileNameSanitizer.Sanitize(new string('a', 300) + ".mp3");
        Assert.Equal(FileNameSanitizer.MaxLength, name.Length);
        Assert.EndsWith(".mp3", name);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://cdn.test/a.mp3")]
    [InlineData("javascript:alert(1)")]
    public async Task Non_http_urls_are_refused(string url)
    {
        var time = TestApi.NewTime();
        var handler = Cdn(time, [1]);
        using var client = TestApi.Client(handler, time);

        await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadAsync(new Uri(url), Stream.Null));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadToDirectoryAsync(new Uri(url), _directory));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Downloads_stream_with_progress_and_never_send_the_key_to_other_hosts()
    {
        var time = TestApi.NewTime();
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        var handler = Cdn(time, bytes);
        using var client = TestApi.Client(handler, time);
        var progress = new ListProgress<long>();
        using var destination = new MemoryStream();

        var written = await client.DownloadAsync(new Uri("https://cdn.test/a.mp3"), destination, progress);

        Assert.Equal(bytes.Length, written);
        Assert.Equal(bytes, destination.ToArray());
        Assert.Equal(bytes.Length, progress.Items[^1]);
        Assert.Null(handler.RequestList.Single().Header("X-API-Key"));
    }

    [Fact]
    public async Task Redirects_from_the_api_host_drop_the_key()
    {
        var time = TestApi.NewTime();
        var handler = Cdn(time, [1, 2, 3]);
        using var client = TestApi.Client(handler, time);

        await client.DownloadAsync(new Uri("https://api.apiframe.test/redirect"), Stream.Null);

        var requests = handler.RequestList;
        Assert.Equal(2, requests.Count);
        Assert.Equal(TestApi.Key, requests[0].Header("X-API-Key"));
        Assert.Equal("cdn.test", requests[1].Uri.Host);
        Assert.Null(requests[1].Header("X-API-Key"));
    }

    [Fact]
    public async Task Download_to_directory_uses_a_safe_unique_name()
    {
        var time = TestApi.NewTime();
        using var client = TestApi.Client(Cdn(time, [1, 2, 3]), time);

        var first = await client.DownloadToDirectoryAsync(new Uri("https://cdn.test/x/track.mp3"), _directory, "../../etc/passwd");
        var second = await client.DownloadToDirectoryAsync(new Uri("https://cdn.test/x/track.mp3"), _directory, "../../etc/passwd");
        var fromUrl = await client.DownloadToDirectoryAsync(new Uri("https://cdn.test/x/CON"), _directory);

        var root = Path.GetFullPath(_directory) + Path.DirectorySeparatorChar;
        Assert.Equal(root + "etc_passwd.mp3", first);
        Assert.Equal(root + "etc_passwd (1).mp3", second);
        Assert.Equal(root + "_CON", fromUrl);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(first));
    }

    [Fact]
    public async Task Expired_outputs_give_not_found_with_a_hint_and_no_partial_file()
    {
        var time = TestApi.NewTime();
        var handler = new FakeHttpHandler(_ => Responses.Text(HttpStatusCode.NotFound, "<Error>NoSuchKey</Error>"), time);
        using var client = TestApi.Client(handler, time);

        var exception = await Assert.ThrowsAsync<NotFoundException>(() => client.DownloadToDirectoryAsync(new Uri("https://cdn.test/gone.mp3"), _directory));

        Assert.Contains("expired", exception.Message);
        Assert.Empty(Directory.GetFiles(_directory));
    }
}
