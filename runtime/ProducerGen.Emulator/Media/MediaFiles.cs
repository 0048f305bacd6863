using ProducerGen.Emulator.Audio;
using ProducerGen.Emulator.Jobs;
using ProducerGen.Emulator.Media.Video;

namespace ProducerGen.Emulator.Media;

/// <summary>
/// A job's files, named <c>/files/{jobId}/{n}.{extension}</c>: which extension a result URL member gets, and the bytes
/// behind each name, produced when the file is asked for (so submitting and polling stay fast).
/// </summary>
internal static class MediaFiles
{
    /// <summary>A music track's cover image.</summary>
    public const string CoverExtension = "jpg";

    /// <summary>A video's poster image.</summary>
    public const string PosterExtension = "jpg";

    /// <summary>The extension of the main file of each result entry (the track, the image, the video).</summary>
    public static string MainExtension(MediaPlan plan) =>
        plan.Modality.IsImage() ? plan.Format.Extension() : plan.Modality.IsVideo() ? plan.Container : "wav";

    /// <summary>The media type of the main file.</summary>
    public static string MainContentType(MediaPlan plan) =>
        plan.Modality.IsImage() ? plan.Format.ContentType() : plan.Modality.IsVideo() ? "video/" + plan.Container : "audio/wav";

    /// <summary>The extension a URL member named <paramref name="memberName"/> points at: an image-like name in music or video is the cover or poster.</summary>
    public static string ExtensionFor(MediaPlan plan, string memberName)
    {
        if (plan.Modality.IsImage())
        {
            return MainExtension(plan);
        }

        var lower = memberName.ToLowerInvariant();
        var picture = lower.Contains("image", StringComparison.Ordinal) || lower.Contains("cover", StringComparison.Ordinal) ||
                      lower.Contains("thumb", StringComparison.Ordinal) || lower.Contains("poster", StringComparison.Ordinal) ||
                      lower.Contains("preview", StringComparison.Ordinal) || lower.Contains("frame", StringComparison.Ordinal) ||
                      lower.Contains("art", StringComparison.Ordinal);
        return picture ? (plan.Modality.IsVideo() ? PosterExtension : CoverExtension) : MainExtension(plan);
    }

    /// <summary>The bytes and media type of file <paramref name="index"/> (0-based) with <paramref name="extension"/>, or null when the job has no such file.</summary>
    public static (byte[] Bytes, string ContentType)? Render(EmulatedJob job, int index, string extension) =>
        MediaCache.GetOrRender(job.Id, index, extension, () => RenderNew(job, index, extension));

    private static (byte[] Bytes, string ContentType)? RenderNew(EmulatedJob job, int index, string extension)
    {
        var plan = job.Media;
        var seed = job.TrackSeed(index);
        if (extension == MainExtension(plan))
        {
            return (MainFile(job, index), MainContentType(plan));
        }

        if (plan.Modality == Modality.Music && extension == CoverExtension)
        {
            return (CoverArt.Render(seed), CoverArt.ContentType);
        }

        if (plan.Modality.IsVideo() && extension == PosterExtension)
        {
            return (ImageRenderer.Generate(seed, plan.Width, plan.Height, ImageFormat.Jpeg), "image/jpeg");
        }

        return null;
    }

    /// <summary>The main file's bytes: the track, the image, the video.</summary>
    private static byte[] MainFile(EmulatedJob job, int index)
    {
        var plan = job.Media;
        var seed = job.TrackSeed(index);
        return plan.Modality switch
        {
            Modality.Image => ImageRenderer.Generate(seed, plan.Width, plan.Height, plan.Format),
            Modality.ImageEdit => ImageRenderer.Edit(plan, seed),
            Modality.ImageUpscale => ImageRenderer.Upscale(plan),
            Modality.BackgroundRemove => ImageRenderer.RemoveBackground(plan, seed),
            Modality.Video or Modality.VideoEdit or Modality.VideoUpscale =>
                VideoRenderer.Render(new VideoRenderRequest(plan.Width, plan.Height, plan.Seconds, plan.FramesPerSecond, plan.Container, seed)),
            _ => MusicSynthesizer.RenderWav(job.Recipe with { Seed = seed }),
        };
    }

    /// <summary>The picture beside the main file (a track's cover, a video's poster; an image is its own).</summary>
    public static (byte[] Bytes, string ContentType) Picture(EmulatedJob job, int index)
    {
        var plan = job.Media;
        var extension = plan.Modality.IsImage() ? MainExtension(plan) : plan.Modality.IsVideo() ? PosterExtension : CoverExtension;
        return Render(job, index, extension)!.Value;
    }
}
