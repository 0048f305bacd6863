namespace ProducerGen.Emulator.Tests.Media.Video;

/// <summary>A theory that needs ffprobe/ffmpeg: they are installed when missing (see <see cref="Ffprobe"/>), else it is skipped with the reason.</summary>
internal sealed class FfprobeTheoryAttribute : TheoryAttribute
{
    public FfprobeTheoryAttribute()
    {
        if (Ffprobe.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
