using System.Text;

namespace ProducerGen.Emulator.Tests.Contract;

/// <summary>
/// Media files made only of ASCII bytes. Prism's proxy reads a multipart body as UTF-8 text and forwards that text, so a
/// byte above 0x7F (a PNG's signature starts with 0x89) would reach the emulator as U+FFFD; these survive the round trip
/// and still carry the signature the emulator's sniffer checks.
/// </summary>
internal static class AsciiFile
{
    /// <summary>A GIF89a header, padded.</summary>
    public static byte[] Gif => Pad("GIF89a");

    /// <summary>A RIFF/WEBP container header (its size field spelled in ASCII bytes), padded.</summary>
    public static byte[] WebP => Pad("RIFF    WEBPVP8 ");

    private static byte[] Pad(string head) => Encoding.ASCII.GetBytes(head.PadRight(256, '.'));
}
