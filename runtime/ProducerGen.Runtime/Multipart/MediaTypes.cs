using System;

namespace ProducerGen;

/// <summary>
/// Recognises common media files by their first bytes (magic numbers), whatever their name or declared type says.
/// Dependency-free, so the emulator checks uploads with the same rules.
/// </summary>
public static class MediaTypes
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at, at most.</summary>
    public const int SniffLength = 64;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Ebml => [0x1A, 0x45, 0xDF, 0xA3];

    /// <summary>
    /// The media type of a file starting with <paramref name="head"/>: <c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c>,
    /// <c>image/gif</c>, <c>video/mp4</c>, <c>video/quicktime</c>, <c>video/webm</c>, <c>audio/mpeg</c> (ID3 tag or MPEG frame sync),
    /// <c>audio/wav</c>, <c>audio/ogg</c>, <c>audio/mp4</c> (an <c>ftyp</c> of brand <c>M4A</c>); <see langword="null"/> when unknown.
    /// </summary>
    /// <param name="head">The file's first bytes (<see cref="SniffLength"/> are enough).</param>
    /// <returns>The media type, or <see langword="null"/>.</returns>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Png))
        {
            return "image/png";
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            var form = head.Slice(8, 4);
            return form.SequenceEqual("WEBP"u8) ? "image/webp" : form.SequenceEqual("WAVE"u8) ? "audio/wav" : null;
        }

        if (head.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (head.StartsWith(Ebml))
        {
            // EBML: WebM names its DocType "webm" in the header (Matroska says "matroska", which is not WebM).
            return head.IndexOf("webm"u8) >= 0 ? "video/webm" : null;
        }

        if (head.Length >= 8 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = head.Length >= 12 ? head.Slice(8, 4) : default;
            if (brand.SequenceEqual("qt  "u8))
            {
                return "video/quicktime";
            }

            return brand.StartsWith("M4A"u8) || brand.StartsWith("M4B"u8) ? "audio/mp4" : "video/mp4";
        }

        if (head.Length >= 8 && (head.Slice(4, 4).SequenceEqual("moov"u8) || head.Slice(4, 4).SequenceEqual("mdat"u8) || head.Slice(4, 4).SequenceEqual("wide"u8)))
        {
            return "video/quicktime"; // an old QuickTime file without ftyp
        }

        if (head.StartsWith("ID3"u8))
        {
            return "audio/mpeg";
        }

        if (head.Length >= 3 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)
        {
            // MPEG audio frame sync: version not reserved (01), layer not 00 (that is AAC's ADTS), bitrate index not 1111.
            var version = (head[1] >> 3) & 0x3;
            var layer = (head[1] >> 1) & 0x3;
            var bitrate = head[2] >> 4;
            if (version != 1 && layer != 0 && bitrate != 0xF)
            {
                return "audio/mpeg";
            }
        }

        return null;
    }

    /// <summary>The kind of a media type: <c>image</c>, <c>video</c> or <c>audio</c>; <see langword="null"/> for anything else.</summary>
    /// <param name="contentType">A media type such as <c>image/png</c> (parameters are ignored).</param>
    /// <returns>The kind, or <see langword="null"/>.</returns>
    public static string? KindOf(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var slash = contentType.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var type = contentType.AsSpan(0, slash).Trim();
        return type.Equals("image", StringComparison.OrdinalIgnoreCase) ? "image"
            : type.Equals("video", StringComparison.OrdinalIgnoreCase) ? "video"
            : type.Equals("audio", StringComparison.OrdinalIgnoreCase) ? "audio"
            : null;
    }
}
