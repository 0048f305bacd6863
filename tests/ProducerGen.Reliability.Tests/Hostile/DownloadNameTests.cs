using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Apiframe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ProducerGen.Reliability.Tests.Hostile;

/// <summary>Issue 14 item 5, on a real file system: long titles in any script become names the file system accepts, exactly as returned.</summary>
public sealed class DownloadNameTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "producergen-names-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public static TheoryData<string, string> Titles => new()
    {
        { "cjk-100", string.Concat(Enumerable.Repeat("夜明けの歌", 20)) },                   // 100 characters, 300 UTF-8 bytes
        { "emoji", string.Concat(Enumerable.Repeat("🎵", 119)) },                           // a surrogate pair at every possible cut
        { "combining", string.Concat(Enumerable.Repeat("a\u0308\u0301", 90)) },
        { "at-limit", string.Concat(Enumerable.Repeat("歌", 78)) + "ab" },                  // 236 bytes + ".mp3" = 240: kept whole
        { "one-over", string.Concat(Enumerable.Repeat("歌", 78)) + "abc" },                 // 241 bytes with ".mp3"
        { "surrogate-at-cut", new string('a', 234) + "😀😀" },
        { "reserved", "CON" },
        { "traversal", "../../" + string.Concat(Enumerable.Repeat("日本", 100)) },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public async Task Download_each_long_title_to_a_temp_directory_over_loopback(string kind, string title)
    {
        await using var server = await LoopbackServer.StartAsync(ctx => ctx.Response.Body.WriteAsync(new byte[] { 1, 2, 3, 4 }).AsTask());
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "afk_names_key_0123456789", BaseAddress = new Uri(server.Urls.First()) });
        var url = new Uri(server.Urls.First() + "/files/track.mp3");

        var first = await client.Runtime.DownloadToDirectoryAsync(url, _directory, title);
        var second = await client.Runtime.DownloadToDirectoryAsync(url, _directory, title);

        var onDisk = Directory.GetFiles(_directory).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var path in new[] { first, second })
        {
            var name = Path.GetFileName(path);
            Assert.True(Encoding.UTF8.GetByteCount(name) <= 255, $"{kind}: {Encoding.UTF8.GetByteCount(name)} bytes");
            Assert.EndsWith(".mp3", name, StringComparison.Ordinal);
            Assert.DoesNotContain('\uFFFD', name);
            Assert.Contains(name, onDisk); // the file on disk has exactly the returned name
            Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(path));
        }

        Assert.Equal(2, onDisk.Count);
        if (kind == "at-limit")
        {
            Assert.Equal(title + ".mp3", Path.GetFileName(first));
        }
        else if (kind == "reserved")
        {
            Assert.Equal("_CON.mp3", Path.GetFileName(first));
        }
    }
}
