namespace ProducerGen.Emulator.Operations;

/// <summary>
/// The media type of a file from its first bytes (magic numbers), whatever the client declared. The emulator does not
/// reference the client runtime, so this is its own reading of the formats, written apart from the runtime's
/// <c>MediaTypes</c>: the two check each other (a client that sniffs a type the server would not is caught by the tests).
/// </summary>
internal static class MediaSniffer
{
    /// <summary>The sniffed media type, or null when the bytes match no known format.</summary>
    public static string? Sniff(ReadOnlySpan<byte> data)
    {
        if (StartsWith(data, 0, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (StartsWith(data, 0, [0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (StartsWith(data, 0, "GIF87a"u8) || StartsWith(data, 0, "GIF89a"u8))
        {
            return "image/gif";
        }

        if (StartsWith(data, 0, "RIFF"u8) && data.Length >= 12)
        {
            return StartsWith(data, 8, "WEBP"u8) ? "image/webp" : StartsWith(data, 8, "WAVE"u8) ? "audio/wav" : null;
        }

        if (StartsWith(data, 0, [0x1A, 0x45, 0xDF, 0xA3]))
        {
            return "video/webm";
        }

        if (StartsWith(data, 0, "OggS"u8))
        {
            return "audio/ogg";
        }

        if (StartsWith(data, 0, "ID3"u8) || (data.Length >= 2 && data[0] == 0xFF && (data[1] & 0xE0) == 0xE0))
        {
            return "audio/mpeg";
        }

        if (data.Length >= 12 && StartsWith(data, 4, "ftyp"u8))
        {
            var brand = data.Slice(8, 4);
            return brand.SequenceEqual("qt  "u8) ? "video/quicktime"
                : brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("M4B "u8) ? "audio/mp4"
                : "video/mp4";
        }

        return null;
    }

    /// <summary>The kind of a media type: <c>image</c>, <c>video</c> or <c>audio</c> (its top-level type).</summary>
    public static string Kind(string mediaType) => mediaType[..mediaType.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>A file name extension for a media type.</summary>
    public static string Extension(string mediaType) => mediaType switch
    {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "video/webm" => "webm",
        "video/quicktime" => "mov",
        "video/mp4" => "mp4",
        "audio/mp4" => "m4a",
        "audio/ogg" => "ogg",
        "audio/wav" => "wav",
        "audio/mpeg" => "mp3",
        _ => "bin",
    };

    private static bool StartsWith(ReadOnlySpan<byte> data, int offset, ReadOnlySpan<byte> magic) =>
        data.Length >= offset + magic.Length && data.Slice(offset, magic.Length).SequenceEqual(magic);
}
