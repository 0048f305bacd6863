using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProducerGen.Emulator.Media.Video;
using Xunit.Abstractions;

namespace ProducerGen.Emulator.Tests.Media.Video;

public sealed class VideoRendererTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1280, 720, 5.0, 24)]
    [InlineData(720, 1280, 2.0, 30)]
    [InlineData(333, 333, 0.5, 0)]
    public void Mp4_walks_as_iso_bmff_with_one_vp8_key_frame_per_sample(int width, int height, double seconds, int fps)
    {
        var file = VideoRenderer.Render(new VideoRenderRequest(width, height, seconds, fps, "mp4", 7));
        var frames = (int)Math.Round(seconds * (fps == 0 ? 24 : fps));

        var boxes = IsoBox.Parse(file);
        Assert.Equal(["ftyp", "moov", "mdat"], boxes.Select(b => b.Type));
        var trak = boxes[1].Find("trak");
        var tkhd = trak.Find("tkhd");
        Assert.Equal((uint)width << 16, BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(tkhd.Offset + tkhd.Size - 8)));
        Assert.Equal((uint)height << 16, BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(tkhd.Offset + tkhd.Size - 4)));

        var stbl = trak.Find("mdia", "minf", "stbl");
        var stsd = stbl.Find("stsd");
        Assert.Equal("vp08", System.Text.Encoding.ASCII.GetString(file, stsd.ContentOffset + 12, 4));
        var stsz = stbl.Find("stsz");
        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(stsz.ContentOffset + 8));
        Assert.Equal(frames, count);
        var stco = stbl.Find("stco");
        var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(stco.ContentOffset + 8));
        Assert.Equal(boxes[2].ContentOffset, offset);

        for (var i = 0; i < count; i++)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(stsz.ContentOffset + 12 + (4 * i)));
            AssertVp8KeyFrame(file.AsSpan(offset, size), width, height);
            offset += size;
        }

        Assert.Equal(boxes[2].Offset + boxes[2].Size, offset); // the samples fill mdat exactly
    }

    [Theory]
    [InlineData(1280, 720, 5.0, 24)]
    [InlineData(480, 854, 1.5, 25)]
    public void WebM_walks_as_ebml_with_a_vp8_track_of_key_frames(int width, int height, double seconds, int fps)
    {
        var file = VideoRenderer.Render(new VideoRenderRequest(width, height, seconds, fps, "webm", 7));
        var frames = (int)Math.Round(seconds * fps, MidpointRounding.AwayFromZero);

        var top = EbmlElement.Parse(file);
        Assert.Equal([0x1A45DFA3u, 0x18538067u], top.Select(e => e.Id));
        Assert.Equal("webm", top[0].Child(0x4282).String(file));
        var segment = top[1];
        Assert.Equal(frames * 1000.0 / fps, segment.Child(0x1549A966).Child(0x4489).Float(file), 3); // whole frames
        var track = segment.Child(0x1654AE6B).Child(0xAE);
        Assert.Equal("V_VP8", track.Child(0x86).String(file));
        var video = track.Child(0xE0);
        Assert.Equal((ulong)width, video.Child(0xB0).UInt(file));
        Assert.Equal((ulong)height, video.Child(0xBA).UInt(file));

        Assert.Equal([0x114D9B74u, 0x1549A966u, 0x1654AE6Bu], segment.Children.Take(3).Select(e => e.Id));
        Assert.Equal(0x1C53BB6Bu, segment.Children[^1].Id);
        foreach (var seek in segment.Children[0].Children)
        {
            // SeekPosition is relative to the Segment's data and must land on the element SeekID names.
            var target = segment.DataOffset + (int)seek.Child(0x53AC).UInt(file);
            Assert.Equal(seek.Child(0x53AB).UInt(file), IdAt(file, target));
            Assert.Contains(segment.Children, e => e.Id == IdAt(file, target) && e.DataOffset > target && e.DataOffset - target <= 12);
        }

        var clusters = segment.Children.Where(c => c.Id == 0x1F43B675).ToList();
        var cuePoints = segment.Children[^1].Children;
        Assert.Equal(clusters.Count, cuePoints.Count);
        for (var i = 0; i < clusters.Count; i++)
        {
            var position = segment.DataOffset + (int)cuePoints[i].Child(0xB7).Child(0xF1).UInt(file);
            Assert.Equal(0x1F43B675u, IdAt(file, position));
            Assert.True(position < clusters[i].DataOffset && clusters[i].DataOffset - position <= 12, $"cue {i} points at cluster {i}");
            Assert.Equal(clusters[i].Child(0xE7).UInt(file), cuePoints[i].Child(0xB3).UInt(file));
        }

        var blocks = segment.Children.Where(c => c.Id == 0x1F43B675).SelectMany(c => c.Children.Where(b => b.Id == 0xA3)).ToList();
        Assert.Equal(frames, blocks.Count);
        foreach (var block in blocks)
        {
            Assert.Equal(0x81, file[block.DataOffset]); // track 1
            Assert.Equal(0x80, file[block.DataOffset + 3] & 0x80); // key frame flag
            AssertVp8KeyFrame(file.AsSpan(block.DataOffset + 4, block.DataSize - 4), width, height);
        }
    }

    [FfprobeTheory]
    [InlineData("mp4", 1280, 720, 5.0, 24)]
    [InlineData("webm", 1280, 720, 5.0, 24)]
    [InlineData("mp4", 720, 1280, 3.0, 30)]
    [InlineData("webm", 720, 720, 0.5, 0)]
    [InlineData("mp4", 640, 480, 10.0, 12)]
    public void Ffprobe_reads_the_codec_size_duration_and_frame_count_and_ffmpeg_decodes_every_frame(
        string container, int width, int height, double seconds, int fps)
    {
        var request = new VideoRenderRequest(width, height, seconds, fps, container, 42);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var file = VideoRenderer.Render(request);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine($"{container} {width}x{height} {seconds} s @ {fps} fps: {file.Length:N0} bytes in {clock.ElapsedMilliseconds} ms ({cpu.TotalMilliseconds:F0} ms of CPU)");

        var rate = fps == 0 ? 24 : fps;
        var probe = Ffprobe.Probe(file, container);
        var stream = probe.GetProperty("streams")[0];
        Assert.Equal("vp8", stream.GetProperty("codec_name").GetString());
        Assert.Equal(width, stream.GetProperty("width").GetInt32());
        Assert.Equal(height, stream.GetProperty("height").GetInt32());
        Assert.Equal((int)Math.Round(seconds * rate), int.Parse(stream.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture));
        var format = probe.GetProperty("format");
        Assert.Contains(container == "mp4" ? "mp4" : "webm", format.GetProperty("format_name").GetString()!.Split(','));
        var duration = double.Parse(format.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(duration, seconds - (1.0 / rate), seconds + (1.0 / rate));
        Assert.Equal(string.Empty, Ffprobe.DecodeErrors(file, container));
    }

    [FfprobeTheory]
    [InlineData("mp4", 3840, 2160, 1280, 720, "16:9")]
    [InlineData("webm", 3840, 2160, 1280, 720, "16:9")]
    [InlineData("mp4", 1080, 1920, 720, 1280, "9:16")]
    [InlineData("webm", 1080, 1920, 720, 1280, "9:16")]
    public void A_request_larger_than_720p_is_coded_at_720p_and_displayed_at_the_requested_aspect(
        string container, int width, int height, int codedWidth, int codedHeight, string aspect)
    {
        var file = VideoRenderer.Render(new VideoRenderRequest(width, height, 1, 24, container, 1));
        var stream = Ffprobe.Probe(file, container).GetProperty("streams")[0];
        Assert.Equal(codedWidth, stream.GetProperty("width").GetInt32());
        Assert.Equal(codedHeight, stream.GetProperty("height").GetInt32());
        Assert.Equal(aspect, stream.GetProperty("display_aspect_ratio").GetString());
        Assert.Equal(string.Empty, Ffprobe.DecodeErrors(file, container));
    }

    [Theory]
    [InlineData(1920, 1080, 1280, 720)]
    [InlineData(1024, 1024, 960, 960)] // over 1280 x 720 pixels
    [InlineData(4000, 100, 1280, 32)] // over the longest side
    [InlineData(1280, 720, 1280, 720)]
    [InlineData(333, 555, 333, 555)]
    public void Only_frames_larger_than_720p_are_coded_smaller(int width, int height, int codedWidth, int codedHeight)
    {
        var plan = VideoPlan.From(new VideoRenderRequest(width, height, 1, 24, "mp4", 1));
        Assert.Equal((codedWidth, codedHeight, width, height), (plan.CodedWidth, plan.CodedHeight, plan.DisplayWidth, plan.DisplayHeight));
    }

    [FfprobeTheory]
    [InlineData(1280, 720)]
    [InlineData(500, 900)]
    public void The_poster_is_a_jpeg_of_the_clip_size(int width, int height)
    {
        var poster = VideoRenderer.Poster(new VideoRenderRequest(width, height, 5, 24, "mp4", 3));
        var stream = Ffprobe.Probe(poster, "jpg").GetProperty("streams")[0];
        Assert.Equal("mjpeg", stream.GetProperty("codec_name").GetString());
        Assert.Equal(width, stream.GetProperty("width").GetInt32());
        Assert.Equal(height, stream.GetProperty("height").GetInt32());
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("webm")]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes(string container)
    {
        var a = VideoRenderer.Render(new VideoRenderRequest(640, 360, 2, 24, container, 11));
        var b = VideoRenderer.Render(new VideoRenderRequest(640, 360, 2, 24, container, 11));
        var c = VideoRenderer.Render(new VideoRenderRequest(640, 360, 2, 24, container, 12));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(VideoRenderer.Poster(new(640, 360, 2, 24, container, 11)), VideoRenderer.Poster(new(640, 360, 2, 24, container, 11)));
        Assert.NotEqual(VideoRenderer.Poster(new(640, 360, 2, 24, container, 11)), VideoRenderer.Poster(new(640, 360, 2, 24, container, 12)));
    }

    [Theory]
    [InlineData(24, 12, 2)] // a new picture every second frame
    [InlineData(8, 8, 1)] // every frame
    [InlineData(60, 12, 5)]
    public void The_picture_moves_through_a_one_second_loop(int fps, int pictures, int framesPerPicture)
    {
        var frames = VideoRenderer.EncodeFrames(VideoPlan.From(new VideoRenderRequest(320, 240, 2, fps, "webm", 5)));
        Assert.Equal(2 * fps, frames.Count);
        Assert.Equal(pictures, frames.Distinct(ByteArrayComparer.Instance).Count());
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.Equal(frames[i], frames[i % fps]); // the loop repeats
            Assert.Equal(i % framesPerPicture != 0, frames[i].AsSpan().SequenceEqual(frames[(i + frames.Count - 1) % frames.Count]));
        }
    }

    [Theory]
    [InlineData(20.0, 24, 240)] // clamped to 10 s
    [InlineData(0.1, 24, 12)] // clamped to 0.5 s
    [InlineData(double.NaN, 24, 12)]
    [InlineData(2.0, 0, 48)] // 24 fps by default
    [InlineData(2.0, 240, 120)] // at most 60 fps
    public void Duration_and_rate_are_clamped(double seconds, int fps, int frames)
    {
        var plan = VideoPlan.From(new VideoRenderRequest(64, 64, seconds, fps, "MP4", 1));
        Assert.Equal(frames, plan.FrameCount);
    }

    [Theory]
    [InlineData(0, 10, "mp4")]
    [InlineData(10, -1, "mp4")]
    [InlineData(10, 10, "gif")]
    public void A_bad_size_or_container_is_refused(int width, int height, string container) =>
        Assert.ThrowsAny<ArgumentException>(() => VideoRenderer.Render(new VideoRenderRequest(width, height, 1, 24, container, 1)));

    private static uint IdAt(byte[] file, int offset) => BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));

    /// <summary>RFC 6386 §9.1: a key frame's tag has bit 0 clear, then the start code 9d 01 2a and the 14-bit sizes.</summary>
    private static void AssertVp8KeyFrame(ReadOnlySpan<byte> frame, int width, int height)
    {
        Assert.Equal(0, frame[0] & 1);
        Assert.True(frame.Slice(3, 3).SequenceEqual((byte[])[0x9D, 0x01, 0x2A]), "VP8 start code");
        Assert.Equal(width, BinaryPrimitives.ReadUInt16LittleEndian(frame[6..]) & 0x3FFF);
        Assert.Equal(height, BinaryPrimitives.ReadUInt16LittleEndian(frame[8..]) & 0x3FFF);
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => HashCode.Combine(obj.Length, obj.Length > 64 ? obj[64] : 0);
    }
}
