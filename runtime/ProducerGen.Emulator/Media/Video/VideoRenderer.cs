using SkiaSharp;

namespace ProducerGen.Emulator.Media.Video;

/// <summary>
/// Renders a short, playable clip of a seeded moving pattern as MP4 or WebM. Frames are VP8 key frames encoded by libwebp
/// (through SkiaSharp, so no ffmpeg or other native install is needed); the containers are written by
/// <see cref="Mp4Writer"/> and <see cref="WebMWriter"/>. The same request gives the same bytes.
/// </summary>
internal static class VideoRenderer
{
    private const int PosterQuality = 85;

    /// <summary>The clip's file bytes, in the request's container.</summary>
    public static byte[] Render(VideoRenderRequest request)
    {
        var plan = VideoPlan.From(request);
        var frames = EncodeFrames(plan);
        return plan.Container switch
        {
            VideoContainer.Mp4 => Mp4Writer.Write(plan, frames),
            _ => WebMWriter.Write(plan, frames),
        };
    }

    /// <summary>A JPEG of the clip's first frame, at the clip's coded size.</summary>
    public static byte[] Poster(VideoRenderRequest request)
    {
        var plan = VideoPlan.From(request);
        var pattern = Pattern(plan);
        using var bitmap = Draw(plan, pattern, 0);
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(PosterQuality))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the poster.");
        return data.ToArray();
    }

    /// <summary>
    /// Every frame of the clip, in order. The motion loops once a second as at most
    /// <see cref="FramePattern.MaxPicturesPerLoop"/> pictures, so only those are encoded (in parallel: each depends on
    /// its index alone, so the bytes do not depend on scheduling) and each frame reuses its picture's key frame.
    /// </summary>
    internal static IReadOnlyList<byte[]> EncodeFrames(VideoPlan plan)
    {
        var pattern = Pattern(plan);
        var distinct = new byte[pattern.Pictures][];
        Parallel.For(0, distinct.Length, i =>
        {
            using var bitmap = Draw(plan, pattern, i);
            using var pixmap = bitmap.PeekPixels();
            distinct[i] = Vp8FrameEncoder.Encode(pixmap);
        });
        var frames = new byte[plan.FrameCount][];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = distinct[pattern.PictureOf(i)];
        }

        return frames;
    }

    private static FramePattern Pattern(VideoPlan plan) =>
        new(plan.CodedWidth, plan.CodedHeight, plan.FramesPerSecond, plan.Seed);

    private static SKBitmap Draw(VideoPlan plan, FramePattern pattern, int index)
    {
        var bitmap = new SKBitmap(new SKImageInfo(plan.CodedWidth, plan.CodedHeight, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        pattern.Draw(canvas, index);
        canvas.Flush();
        return bitmap;
    }
}
