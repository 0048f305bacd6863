namespace ProducerGen.Emulator.Media.Video;

/// <summary>What a video file is rendered from.</summary>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Seconds">Duration.</param>
/// <param name="FramesPerSecond">Frame rate.</param>
/// <param name="Container"><c>mp4</c> or <c>webm</c>.</param>
/// <param name="Seed">Same seed, same bytes.</param>
internal sealed record VideoRenderRequest(int Width, int Height, double Seconds, int FramesPerSecond, string Container, ulong Seed);
