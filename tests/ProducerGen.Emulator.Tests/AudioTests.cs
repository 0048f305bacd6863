using ProducerGen.Emulator.Audio;

namespace ProducerGen.Emulator.Tests;

public sealed class AudioTests
{
    [Fact]
    public async Task Same_seed_and_request_give_byte_identical_audio_and_different_seeds_differ()
    {
        await using var t = await TestEmulator.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(5));
        var a = await TracksAsync(t, TestEmulator.ProducerBody(producerParams: new { seed = "demo-1", weirdness = 0.35 }));
        var b = await TracksAsync(t, TestEmulator.ProducerBody(producerParams: new { seed = "demo-1", weirdness = 0.35 }));
        var c = await TracksAsync(t, TestEmulator.ProducerBody(producerParams: new { seed = "demo-2", weirdness = 0.35 }));

        Assert.Equal(a[0], b[0]);
        Assert.Equal(a[1], b[1]);
        Assert.NotEqual(a[0], c[0]);
        Assert.NotEqual(a[1], c[1]);
        Assert.NotEqual(a[0], a[1]); // the two tracks of a job differ

        foreach (var track in a.Concat(c))
        {
            Wav.AssertValid(track, out var dataLength);
            Assert.Equal(MusicSynthesizer.SampleCount * 2, dataLength); // 4 s of 16-bit mono at 22050 Hz
        }
    }

    [Fact]
    public async Task Without_a_seed_each_job_composes_anew()
    {
        await using var t = await TestEmulator.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(5));
        var a = await TracksAsync(t, TestEmulator.ProducerBody());
        var b = await TracksAsync(t, TestEmulator.ProducerBody());
        Assert.NotEqual(a[0], b[0]);
    }

    [Fact]
    public void Instrumental_leaves_out_the_vocal_layer()
    {
        var sung = MusicSynthesizer.Render(new TrackRecipe(42, "a pop song", Instrumental: false, "la la la", 0.2, 0.7));
        var instrumental = MusicSynthesizer.Render(new TrackRecipe(42, "a pop song", Instrumental: true, "la la la", 0.2, 0.7));
        Assert.NotEqual(sung, instrumental);
    }

    [Fact]
    public void Audio_is_music_not_silence_or_noise()
    {
        var samples = MusicSynthesizer.Render(new TrackRecipe(7, "lo-fi hip hop beat with mellow piano", Instrumental: false, null, 0.1, 0.5));
        var peak = samples.Max(s => Math.Abs((int)s));
        var rms = Math.Sqrt(samples.Average(s => (double)s * s));
        Assert.InRange(peak, 8000, short.MaxValue);
        Assert.InRange(rms, 1000, 16000);

        // White noise crosses zero about every other sample; these low, tonal layers far less often.
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        Assert.True(crossings < samples.Length / 8, $"{crossings} zero crossings in {samples.Length} samples");
    }

    private static async Task<byte[][]> TracksAsync(TestEmulator t, string body)
    {
        var id = await t.SubmitAsync(body);
        t.Time.Advance(TimeSpan.FromSeconds(5));
        var job = await t.GetJobAsync(id);
        var tracks = job.GetProperty("result").GetProperty("tracks");
        return await Task.WhenAll(tracks.EnumerateArray().Select(track => t.DownloadAsync(track.GetProperty("audioUrl").GetString()!)));
    }
}
