namespace ProducerGen.Emulator.Operations;

/// <summary>The file name extension an upload is served under when its own name is unusable.</summary>
internal static class MediaFileExtensions
{
    /// <summary>A file name extension for a sniffed media type (<see cref="MediaTypes"/>).</summary>
    public static string Of(string mediaType) => mediaType switch
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
}
