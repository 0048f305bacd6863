namespace ProducerGen.Emulator.Media.Video;

/// <summary>What <see cref="VideoRenderer"/> renders: a clip of a seeded moving pattern.</summary>
/// <param name="Width">Requested width in pixels (positive).</param>
/// <param name="Height">Requested height in pixels (positive).</param>
/// <param name="Seconds">Requested duration; clamped to 0.5–10 s.</param>
/// <param name="FramesPerSecond">Frame rate; 0 or less means 24, at most 60.</param>
/// <param name="Container"><c>mp4</c> or <c>webm</c> (case-insensitive, a leading dot is ignored).</param>
/// <param name="Seed">The same seed gives the same bytes; another seed gives another pattern.</param>
internal sealed record VideoRenderRequest(int Width, int Height, double Seconds, int FramesPerSecond, string Container, ulong Seed);
