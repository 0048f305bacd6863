using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 14 item 5: names are bounded in UTF-8 bytes, cut between grapheme clusters, and keep their extension.</summary>
public sealed class FileNameBoundTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "producergen-names-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    private static void AssertWellFormed(string name)
    {
        Assert.True(Bytes(name) <= FileNameSanitizer.MaxUtf8Bytes, $"{Bytes(name)} bytes");
        Assert.True(name.Length <= FileNameSanitizer.MaxLength, $"{name.Length} characters");
        Assert.Equal(name, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name))); // no lone surrogate
        Assert.False(char.IsHighSurrogate(name[^1]));
    }

    public static TheoryData<string, string> Titles => new()
    {
        { "cjk", string.Concat(Enumerable.Repeat("夜明けの歌", 20)) },                 // 100 characters, 300 bytes
        { "emoji", string.Concat(Enumerable.Repeat("🎵🎶", 40)) },                     // surrogate pairs everywhere
        { "flags", string.Concat(Enumerable.Repeat("🇯🇵🇫🇷", 30)) },                     // two-code-point grapheme clusters
        { "combining", string.Concat(Enumerable.Repeat("e\u0301\u0327", 100)) },      // letters with combining marks
        { "family", string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 20)) },                      // ZWJ sequences (the ZWJ is a format character)
        { "mixed", "Night drive — " + new string('a', 100) + string.Concat(Enumerable.Repeat("😀", 50)) },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void Download_names_are_bounded_in_bytes_and_cut_between_grapheme_clusters(string kind, string title)
    {
        var name = Downloader.FileNameFor(new Uri("https://cdn.test/t/1.mp3"), title);

        AssertWellFormed(name);
        Assert.EndsWith(".mp3", name);
        var stem = name[..^4];
        Assert.True(title.StartsWith(stem, StringComparison.Ordinal) || kind == "family", $"{kind}: '{stem}' is not a prefix of the title");
        var elements = StringInfo.ParseCombiningCharacters(title);
        if (title.StartsWith(stem, StringComparison.Ordinal))
        {
            Assert.Contains(stem.Length, elements.Append(title.Length)); // ends on a grapheme boundary
        }
    }

    [Fact]
    public void Download_a_title_exactly_at_the_byte_limit_is_kept_and_one_byte_over_is_cut()
    {
        var exact = new string('a', FileNameSanitizer.MaxLength - 4 - 40) + string.Concat(Enumerable.Repeat("é", 40)); // ASCII + 2-byte letters
        Assert.Equal(exact, FileNameSanitizer.Sanitize(exact));

        var cjkExact = string.Concat(Enumerable.Repeat("歌", FileNameSanitizer.MaxUtf8Bytes / 3)); // 80 characters, 240 bytes
        Assert.Equal(cjkExact, FileNameSanitizer.Sanitize(cjkExact));
        Assert.Equal(cjkExact, FileNameSanitizer.Sanitize(cjkExact + "a"));               // 241 bytes: the extra byte goes
        Assert.Equal("a" + cjkExact[..^1], FileNameSanitizer.Sanitize("a" + cjkExact));  // 241 bytes: a whole character goes, never part of one
        var withExtension = string.Concat(Enumerable.Repeat("歌", 78)) + "a.mp3";         // 78 × 3 + 1 + 4 = 239 bytes: kept
        Assert.Equal(withExtension, FileNameSanitizer.Sanitize(withExtension));
        Assert.Equal(string.Concat(Enumerable.Repeat("歌", 78)) + "ab.mp3", FileNameSanitizer.Sanitize(string.Concat(Enumerable.Repeat("歌", 78)) + "abc.mp3")); // 241 bytes: one byte of the stem goes
    }

    [Fact]
    public void Download_a_surrogate_pair_at_the_cut_is_never_split()
    {
        for (var pad = 0; pad < 4; pad++)
        {
            var title = new string('a', FileNameSanitizer.MaxUtf8Bytes - 4 - pad) + "😀😀😀.mp3";
            var name = FileNameSanitizer.Sanitize(title);
            AssertWellFormed(name);
            Assert.EndsWith(".mp3", name);
            Assert.DoesNotContain('\uFFFD', name);
        }

        Assert.Equal("a_b", FileNameSanitizer.Sanitize("a\uD83Db"));     // a lone high surrogate in the input
        Assert.Equal("a_b", FileNameSanitizer.Sanitize("a\uDE00b"));     // a lone low surrogate
    }

    [Fact]
    public void Download_one_giant_grapheme_cluster_is_cut_between_code_points()
    {
        var name = FileNameSanitizer.Sanitize("e" + new string('\u0301', 300));
        AssertWellFormed(name);
        Assert.StartsWith("e\u0301", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CON")]
    [InlineData("nul.txt")]
    [InlineData("com1")]
    [InlineData("LPT9.mp3")]
    public void Download_windows_reserved_names_are_still_prefixed(string name) => Assert.Equal("_" + name, FileNameSanitizer.Sanitize(name));

    [Fact]
    public void Download_reserved_room_keeps_a_callers_suffix()
    {
        var title = string.Concat(Enumerable.Repeat("夜", 200));
        var stem = FileNameSanitizer.Sanitize(title, "track", 24);
        Assert.True(Bytes(stem) <= FileNameSanitizer.MaxUtf8Bytes - 24);

        var name = Downloader.FileNameFor(new Uri("https://cdn.test/t/1.mp3"), stem + " - 12");
        Assert.EndsWith(" - 12.mp3", name);
        Assert.Throws<ArgumentOutOfRangeException>(() => FileNameSanitizer.Sanitize("x", "y", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FileNameSanitizer.Sanitize("x", "y", FileNameSanitizer.MaxReserved + 1));
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public async Task Download_to_directory_writes_every_long_title_and_its_collision(string kind, string title)
    {
        var time = TestApi.NewTime();
        using var client = TestApi.Client(new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) }, time), time);

        var first = await client.DownloadToDirectoryAsync(new Uri("https://cdn.test/t/1.mp3"), _directory, title);
        var second = await client.DownloadToDirectoryAsync(new Uri("https://cdn.test/t/1.mp3"), _directory, title);

        Assert.NotEqual(first, second);
        foreach (var path in new[] { first, second })
        {
            var name = Path.GetFileName(path);
            Assert.True(Bytes(name) <= 255, $"{kind}: {Bytes(name)} bytes");
            Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(path));
            Assert.Contains(Directory.GetFiles(_directory), f => Path.GetFileName(f) == name); // the name on disk is the name returned
        }
    }
}
