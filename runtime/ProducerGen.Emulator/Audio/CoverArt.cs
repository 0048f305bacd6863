using ProducerGen.Emulator.Media;

namespace ProducerGen.Emulator.Audio;

/// <summary>A track's cover image: a 512 × 512 JPEG, its picture drawn from the track's seed.</summary>
internal static class CoverArt
{
    /// <summary>The side of a cover, in pixels.</summary>
    public const int Side = 512;

    /// <summary>The media type of a cover.</summary>
    public const string ContentType = "image/jpeg";

    public static byte[] Render(ulong seed) => ImageRenderer.Generate(seed, Side, Side, ImageFormat.Jpeg);
}
