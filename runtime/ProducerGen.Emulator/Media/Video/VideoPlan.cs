namespace ProducerGen.Emulator.Media.Video;

/// <summary>A <see cref="VideoRenderRequest"/> normalised: clamped duration and rate, the coded frame size and the container.</summary>
internal sealed record VideoPlan(
    int DisplayWidth,
    int DisplayHeight,
    int CodedWidth,
    int CodedHeight,
    int FramesPerSecond,
    int FrameCount,
    VideoContainer Container,
    ulong Seed)
{
    /// <summary>
    /// The largest coded frame, in pixels (720p): larger requests are coded smaller, keeping the aspect ratio, and the
    /// container declares the requested size as the display size, so players show the requested size.
    /// </summary>
    public const int MaxCodedPixels = 1280 * 720;

    /// <summary>The longest coded side; longer requests are coded smaller the same way.</summary>
    public const int MaxCodedSide = 1280;

    public const double MinSeconds = 0.5;
    public const double MaxSeconds = 10;
    public const int DefaultFramesPerSecond = 24;
    public const int MaxFramesPerSecond = 60;

    /// <summary>The clip's duration: whole frames at <see cref="FramesPerSecond"/>.</summary>
    public double Seconds => (double)FrameCount / FramesPerSecond;

    public static VideoPlan From(VideoRenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Height);
        var container = ParseContainer(request.Container);
        var fps = request.FramesPerSecond <= 0 ? DefaultFramesPerSecond : Math.Min(request.FramesPerSecond, MaxFramesPerSecond);
        var seconds = double.IsNaN(request.Seconds) ? MinSeconds : Math.Clamp(request.Seconds, MinSeconds, MaxSeconds);
        var frames = Math.Max(1, (int)Math.Round(seconds * fps, MidpointRounding.AwayFromZero));

        var scale = Math.Min(
            Math.Sqrt((double)MaxCodedPixels / ((double)request.Width * request.Height)),
            (double)MaxCodedSide / Math.Max(request.Width, request.Height));
        var (codedWidth, codedHeight) = scale >= 1
            ? (request.Width, request.Height)
            : (Even(request.Width * scale), Even(request.Height * scale));
        return new VideoPlan(request.Width, request.Height, codedWidth, codedHeight, fps, frames, container, request.Seed);
    }

    /// <summary>A scaled side, rounded down to an even number (4:2:0 chroma halves it), at least 2.</summary>
    private static int Even(double side) => Math.Max(2, (int)side & ~1);

    private static VideoContainer ParseContainer(string? container) =>
        container?.Trim().TrimStart('.').ToLowerInvariant() switch
        {
            "mp4" => VideoContainer.Mp4,
            "webm" => VideoContainer.WebM,
            _ => throw new ArgumentException($"Unsupported video container '{container}'; expected 'mp4' or 'webm'.", nameof(container)),
        };
}
