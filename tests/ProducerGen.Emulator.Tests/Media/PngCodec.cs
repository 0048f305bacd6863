using System.Buffers.Binary;
using System.IO.Compression;

namespace ProducerGen.Emulator.Tests.Media;

/// <summary>
/// A minimal PNG decoder and encoder for 8-bit RGB/RGBA, non-interlaced (the subset the emulator writes), built on
/// zlib from the base library: an independent check of the emulator's (SkiaSharp's) PNGs, and a way to make inputs.
/// </summary>
internal static class PngCodec
{
    /// <summary>The pixels as RGBA rows; fails on anything but 8-bit RGB/RGBA, non-interlaced.</summary>
    public static (int Width, int Height, byte[] Rgba) Decode(byte[] png)
    {
        var (kind, width, height) = ImageHeader.Read(png);
        Assert.Equal(ImageKind.Png, kind);
        Assert.Equal(8, png[24]);
        var colour = png[25];
        Assert.True(colour is 2 or 6, $"colour type {colour}");
        Assert.Equal(0, png[28]);
        var channels = colour == 6 ? 4 : 3;
        using var idat = new MemoryStream();
        for (var i = 8; i < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            var type = System.Text.Encoding.ASCII.GetString(png, i + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, i + 8, length);
            }

            i += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        Assert.Equal(height * (stride + 1), raw.Length);
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[(y * (stride + 1)) + 1 + x];
                int a = x >= channels ? pixels[(y * stride) + x - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? pixels[((y - 1) * stride) + x - channels] : 0;
                pixels[(y * stride) + x] = (byte)(value + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new Xunit.Sdk.XunitException($"filter {filter}"),
                });
            }
        }

        if (channels == 4)
        {
            return (width, height, pixels);
        }

        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            rgba[i * 4] = pixels[i * 3];
            rgba[(i * 4) + 1] = pixels[(i * 3) + 1];
            rgba[(i * 4) + 2] = pixels[(i * 3) + 2];
            rgba[(i * 4) + 3] = 255;
        }

        return (width, height, rgba);
    }

    /// <summary>An RGB PNG of <paramref name="width"/> × <paramref name="height"/> with a simple gradient.</summary>
    public static byte[] EncodeGradient(int width, int height)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + (x * 3)] = (byte)(x * 255 / width);
                raw[row + 2 + (x * 3)] = (byte)(y * 255 / height);
                raw[row + 3 + (x * 3)] = 128;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
