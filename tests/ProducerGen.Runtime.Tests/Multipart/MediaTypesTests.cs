using System;
using System.Linq;
using System.Text;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 17: media types recognised from their magic bytes.</summary>
public sealed class MediaTypesTests
{
    private static byte[] Bytes(params object[] parts) => parts.SelectMany(p => p switch
    {
        string s => Encoding.ASCII.GetBytes(s),
        byte[] b => b,
        int i => [(byte)i],
        _ => throw new ArgumentException("part"),
    }).Concat(new byte[16]).ToArray();

    public static TheoryData<byte[], string?> Samples => new()
    {
        { Bytes(0x89, "PNG", 0x0D, 0x0A, 0x1A, 0x0A), "image/png" },
        { Bytes(0xFF, 0xD8, 0xFF, 0xE0), "image/jpeg" },
        { Bytes("RIFF", new byte[4], "WEBPVP8 "), "image/webp" },
        { Bytes("GIF89a"), "image/gif" },
        { Bytes("GIF87a"), "image/gif" },
        { Bytes(0, 0, 0, 0x20, "ftypisom"), "video/mp4" },
        { Bytes(0, 0, 0, 0x20, "ftypmp42"), "video/mp4" },
        { Bytes(0, 0, 0, 0x14, "ftypqt  "), "video/quicktime" },
        { Bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84, "webm"), "video/webm" },
        { Bytes("ID3", 4, 0), "audio/mpeg" },
        { Bytes(0xFF, 0xFB, 0x90, 0x64), "audio/mpeg" },
        { Bytes("RIFF", new byte[4], "WAVEfmt "), "audio/wav" },
        { Bytes("OggS", 0, 2), "audio/ogg" },
        { Bytes(0, 0, 0, 0x20, "ftypM4A "), "audio/mp4" },
        { Bytes("%PDF-1.7"), null },
        { Bytes(0xFF, 0xF1, 0x50, 0x80), null }, // AAC ADTS: not MPEG audio's layers
        { Bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x88, "matroska"), null },
        { Bytes("RIFF", new byte[4], "AVI "), null },
        { Array.Empty<byte>(), null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_type_is_recognised_from_its_first_bytes(byte[] head, string? expected)
        => Assert.Equal(expected, MediaTypes.Sniff(head));

    [Theory]
    [InlineData("image/png", "image")]
    [InlineData("Video/MP4", "video")]
    [InlineData("audio/mpeg; rate=44100", "audio")]
    [InlineData("application/octet-stream", null)]
    [InlineData("nonsense", null)]
    public void The_kind_of_a_type_is_its_top_level_media_type(string contentType, string? kind)
        => Assert.Equal(kind, MediaTypes.KindOf(contentType));
}
