using System.Buffers.Binary;

namespace ProducerGen.Emulator.Tests.Media;

/// <summary>An encoded image's container, as its signature says (public: test data).</summary>
public enum ImageKind
{
    Png,
    Jpeg,
    WebP,
}

/// <summary>
/// Reads an image file's kind and dimensions from its header alone (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X), written
/// from the formats' specifications so the tests do not trust the emulator's encoder to describe its own output.
/// </summary>
internal static class ImageHeader
{
    public static (ImageKind Kind, int Width, int Height) Read(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
            return (ImageKind.Png, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }

        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return Jpeg(bytes);
        }

        if (bytes.Length > 30 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return WebP(bytes);
        }

        throw new Xunit.Sdk.XunitException($"not a PNG, JPEG or WebP file (starts {Convert.ToHexString(bytes.AsSpan(0, Math.Min(12, bytes.Length)))})");
    }

    /// <summary>The PNG's colour type (IHDR byte 25): 6 is RGBA, 2 RGB.</summary>
    public static int PngColourType(byte[] png) => png[25];

    private static (ImageKind, int, int) Jpeg(byte[] bytes)
    {
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            Assert.Equal(0xFF, bytes[i]);
            var marker = bytes[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 2));
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 5));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 7));
                return (ImageKind.Jpeg, width, height);
            }

            i += 2 + length;
        }

        throw new Xunit.Sdk.XunitException("JPEG without a frame header");
    }

    private static (ImageKind, int, int) WebP(byte[] bytes)
    {
        var chunk = System.Text.Encoding.ASCII.GetString(bytes, 12, 4);
        var data = bytes.AsSpan(20);
        return chunk switch
        {
            // Lossy: a key frame's start code, then 14-bit width and height.
            "VP8 " when data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A =>
                (ImageKind.WebP, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF),
            // Lossless: signature 0x2F, then 14-bit width-1 and height-1.
            "VP8L" when data[0] == 0x2F =>
                (ImageKind.WebP, 1 + (int)(BinaryPrimitives.ReadUInt32LittleEndian(data[1..]) & 0x3FFF), 1 + (int)((BinaryPrimitives.ReadUInt32LittleEndian(data[1..]) >> 14) & 0x3FFF)),
            // Extended: 24-bit canvas width-1 and height-1.
            "VP8X" => (ImageKind.WebP, 1 + (data[4] | (data[5] << 8) | (data[6] << 16)), 1 + (data[7] | (data[8] << 8) | (data[9] << 16))),
            _ => throw new Xunit.Sdk.XunitException($"WebP chunk '{chunk}' not understood"),
        };
    }
}
