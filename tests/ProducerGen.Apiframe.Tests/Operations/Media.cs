using System;
using System.Linq;
using System.Text;

namespace ProducerGen.Apiframe.Tests.Operations;

/// <summary>The smallest byte strings each media type is recognised by (its magic bytes, padded).</summary>
internal static class Media
{
    public static byte[] Png(int size = 64) => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Of(string format) => format switch
    {
        "png" => Png(),
        "jpeg" => Pad([0xFF, 0xD8, 0xFF, 0xE0], 64),
        "webp" => Pad([.. Encoding.ASCII.GetBytes("RIFF"), 0x24, 0, 0, 0, .. Encoding.ASCII.GetBytes("WEBPVP8 ")], 64),
        "gif" => Pad(Encoding.ASCII.GetBytes("GIF89a"), 64),
        "mp4" => Pad([0, 0, 0, 0x18, .. Encoding.ASCII.GetBytes("ftypisom")], 64),
        "mov" => Pad([0, 0, 0, 0x14, .. Encoding.ASCII.GetBytes("ftypqt  ")], 64),
        "m4a" => Pad([0, 0, 0, 0x18, .. Encoding.ASCII.GetBytes("ftypM4A ")], 64),
        "webm" => Pad([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84, .. Encoding.ASCII.GetBytes("webm")], 64),
        "mp3" => Pad([.. Encoding.ASCII.GetBytes("ID3"), 4, 0, 0, 0, 0, 0, 0], 64),
        "wav" => Pad([.. Encoding.ASCII.GetBytes("RIFF"), 0x24, 0, 0, 0, .. Encoding.ASCII.GetBytes("WAVEfmt ")], 64),
        "ogg" => Pad(Encoding.ASCII.GetBytes("OggS"), 64),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static byte[] Pad(byte[] head, int size) => head.Concat(Enumerable.Repeat((byte)0x20, Math.Max(0, size - head.Length))).ToArray();
}
