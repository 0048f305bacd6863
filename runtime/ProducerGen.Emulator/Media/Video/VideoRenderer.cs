namespace ProducerGen.Emulator.Media.Video;

/// <summary>Renders a video file. A stub until the encoder lands: a container signature and the seed, not a playable file.</summary>
internal static class VideoRenderer
{
    public static byte[] Render(VideoRenderRequest request)
    {
        byte[] head = request.Container == "webm" ? [0x1A, 0x45, 0xDF, 0xA3] : [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];
        return [.. head, .. BitConverter.GetBytes(request.Seed)];
    }
}
