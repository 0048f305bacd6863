using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Apiframe;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>The emulator's audio, downloaded through the generated client's runtime.</summary>
public sealed class AudioTests
{
    [Fact]
    public async Task The_same_seed_gives_byte_identical_valid_wav_files_and_another_seed_does_not()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();

        var first = await client.Producer.GenerateAsync(TestEnvironment.Request(seed: "demo-1"));
        var again = await client.Producer.GenerateAsync(TestEnvironment.Request(seed: "demo-1"));
        var other = await client.Producer.GenerateAsync(TestEnvironment.Request(seed: "demo-2"));

        Assert.NotEqual(first.Job.Id, again.Job.Id);
        var a = await DownloadAsync(client, first.Tracks[0]);
        var b = await DownloadAsync(client, again.Tracks[0]);
        var c = await DownloadAsync(client, other.Tracks[0]);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, await DownloadAsync(client, first.Tracks[1])); // the two takes of a job differ

        var wav = Wav.Read(a);
        Assert.Equal(16, wav.BitsPerSample);
        Assert.InRange(wav.Channels, 1, 2);
        Assert.InRange(wav.SampleRate, 8000, 48000);
        Assert.Equal(first.Tracks[0].Duration!.Value, wav.Duration.TotalSeconds, 0.05);
        Assert.True(a.Skip(44).Any(x => x != 0), "the audio is silent");
    }

    [Fact]
    public async Task Tracks_download_to_a_directory_under_sanitized_names_from_their_titles()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        var directory = Directory.CreateTempSubdirectory("producergen-e2e-").FullName;
        try
        {
            var result = await client.Producer.GenerateAsync(TestEnvironment.Request(title: "AC/DC: live? <take>"));

            var paths = new[]
            {
                await client.Runtime.DownloadToDirectoryAsync(result.Tracks[0].AudioUrl!, directory, result.Tracks[0].Title),
                await client.Runtime.DownloadToDirectoryAsync(result.Tracks[1].AudioUrl!, directory, result.Tracks[1].Title),
                await client.Runtime.DownloadToDirectoryAsync(result.Tracks[0].ImageUrl!, directory),
            };

            Assert.All(paths, p => Assert.Equal(directory, Path.GetDirectoryName(p)));
            Assert.All(paths[..2], p => Assert.EndsWith(".wav", p, StringComparison.Ordinal));
            Assert.NotEqual(paths[0], paths[1]); // same title: never overwritten
            var name = Path.GetFileName(paths[0]);
            Assert.StartsWith("AC_DC", name, StringComparison.Ordinal);
            Assert.DoesNotContain(name, c => c is '/' or '\\' or ':' or '?' or '<' or '>');
            Wav.Read(await File.ReadAllBytesAsync(paths[0]));
            Assert.Equal([0xFF, 0xD8, 0xFF], (await File.ReadAllBytesAsync(paths[2]))[..3]); // the cover is a JPEG
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Every_output_url_of_a_result_downloads()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        var result = await client.Producer.GenerateAsync(TestEnvironment.Request());

        foreach (var url in result.OutputUrls)
        {
            using var buffer = new MemoryStream();
            var bytes = await client.Runtime.DownloadAsync(url, buffer);
            Assert.True(bytes > 0, url.ToString());
            Assert.Equal(bytes, buffer.Length);
        }
    }

    private static async Task<byte[]> DownloadAsync(ApiframeClient client, MusicTrack track)
    {
        using var buffer = new MemoryStream();
        await client.Runtime.DownloadAsync(track.AudioUrl!, buffer);
        return buffer.ToArray();
    }
}
