using SkiaSharp;

namespace ProducerGen.Emulator.Media;

/// <summary>An encoded image format the emulator writes.</summary>
internal enum ImageFormat
{
    /// <summary>PNG (lossless, alpha).</summary>
    Png,

    /// <summary>JPEG.</summary>
    Jpeg,

    /// <summary>WebP (lossy).</summary>
    WebP,
}

/// <summary>File extensions, media types and encoder settings of <see cref="ImageFormat"/>.</summary>
internal static class ImageFormats
{
    /// <summary>The format a request's output-format value names (<c>png</c>, <c>jpg</c>, <c>jpeg</c>, <c>webp</c>, <c>image/webp</c>), or null.</summary>
    public static ImageFormat? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "png" or "image/png" => ImageFormat.Png,
        "jpg" or "jpeg" or "image/jpeg" or "image/jpg" => ImageFormat.Jpeg,
        "webp" or "image/webp" => ImageFormat.WebP,
        _ => null,
    };

    /// <summary>The format a file extension names, or null.</summary>
    public static ImageFormat? FromExtension(string extension) => extension switch
    {
        "png" => ImageFormat.Png,
        "jpg" => ImageFormat.Jpeg,
        "webp" => ImageFormat.WebP,
        _ => null,
    };

    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpg",
        ImageFormat.WebP => "webp",
        _ => "png",
    };

    public static string ContentType(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.WebP => "image/webp",
        _ => "image/png",
    };

    /// <summary>
    /// Encodes <paramref name="image"/>; Skia's encoders are deterministic for the same pixels and settings. PNGs use the
    /// Sub filter and zlib level 1: about three times faster than the defaults for a larger file, which suits a test double.
    /// </summary>
    public static byte[] Encode(SKImage image, ImageFormat format)
    {
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("SkiaSharp image has no pixels to encode");
        using var data = format switch
        {
            ImageFormat.Jpeg => pixels.Encode(new SKJpegEncoderOptions(88, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            ImageFormat.WebP => pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80)),
            _ => pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1)),
        };
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}");
    }
}
