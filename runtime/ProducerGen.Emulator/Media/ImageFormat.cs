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

    /// <summary>Encodes <paramref name="image"/>; Skia's encoders are deterministic for the same pixels and quality.</summary>
    public static byte[] Encode(SKImage image, ImageFormat format)
    {
        var (skFormat, quality) = format switch
        {
            ImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, 88),
            ImageFormat.WebP => (SKEncodedImageFormat.Webp, 85),
            _ => (SKEncodedImageFormat.Png, 100),
        };
        using var data = image.Encode(skFormat, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}");
        return data.ToArray();
    }
}
