using System.Buffers.Binary;
using SkiaSharp;

namespace ProducerGen.Emulator.Media.Video;

/// <summary>
/// Encodes pictures as VP8 key frames with libwebp (inside SkiaSharp): a lossy, opaque WebP file is a RIFF wrapper around
/// exactly one VP8 key frame (RFC 6386), which is what a VP8 video track carries per sample. No codec is written here.
/// </summary>
internal static class Vp8FrameEncoder
{
    private const float Quality = 60;

    /// <summary>The VP8 key frame of an opaque picture.</summary>
    public static byte[] Encode(SKPixmap pixmap)
    {
        using var data = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, Quality))
            ?? throw new InvalidOperationException("SkiaSharp could not encode a WebP frame.");
        return ExtractVp8(data.AsSpan());
    }

    /// <summary>The payload of the <c>VP8 </c> chunk of a WebP file (simple or extended layout).</summary>
    public static byte[] ExtractVp8(ReadOnlySpan<byte> webp)
    {
        if (webp.Length < 12 || !webp[..4].SequenceEqual("RIFF"u8) || !webp.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            throw new InvalidDataException("Not a WebP file.");
        }

        var offset = 12;
        while (offset + 8 <= webp.Length)
        {
            var fourCc = webp.Slice(offset, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.Slice(offset + 4, 4));
            if (size < 0 || offset + 8 + size > webp.Length)
            {
                throw new InvalidDataException("Truncated WebP chunk.");
            }

            if (fourCc.SequenceEqual("VP8 "u8))
            {
                return webp.Slice(offset + 8, size).ToArray();
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidDataException("The WebP file has no lossy VP8 chunk.");
    }
}
