using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Media;

/// <summary>What kind of output an endpoint produces; it decides the file kinds of a result.</summary>
internal enum Modality
{
    /// <summary>Tracks: WAV audio with a cover image (the default when the endpoint names no other kind).</summary>
    Music,

    /// <summary>Generated images.</summary>
    Image,

    /// <summary>Images derived from an input image and a prompt.</summary>
    ImageEdit,

    /// <summary>An input image at a larger size.</summary>
    ImageUpscale,

    /// <summary>An input image's subject on a transparent background (PNG with alpha).</summary>
    BackgroundRemove,

    /// <summary>Generated videos, each with a poster image.</summary>
    Video,

    /// <summary>Videos derived from an input video.</summary>
    VideoEdit,

    /// <summary>An input video at a larger size.</summary>
    VideoUpscale,
}

/// <summary>Tells an endpoint's modality from its name and route, as the schema spells them.</summary>
internal static class ModalityOf
{
    /// <summary>The modality of <paramref name="endpoint"/>: words of its name and path (<c>imageUpscale</c>, <c>/v2/videos/edit</c>); music when none match.</summary>
    public static Modality Endpoint(EndpointSpec endpoint)
    {
        var words = (endpoint.Name + "/" + endpoint.Request.Path).ToLowerInvariant();
        bool Has(string word) => words.Contains(word, StringComparison.Ordinal);
        if (Has("background") || Has("bg-remove") || Has("bgremove") || Has("remove-bg"))
        {
            return Modality.BackgroundRemove;
        }

        if (Has("video"))
        {
            return Has("upscale") ? Modality.VideoUpscale : Has("edit") ? Modality.VideoEdit : Modality.Video;
        }

        if (Has("image"))
        {
            return Has("upscale") ? Modality.ImageUpscale : Has("edit") ? Modality.ImageEdit : Modality.Image;
        }

        return Modality.Music;
    }

    /// <summary>Whether <paramref name="modality"/> produces images as its main files.</summary>
    public static bool IsImage(this Modality modality) => modality is Modality.Image or Modality.ImageEdit or Modality.ImageUpscale or Modality.BackgroundRemove;

    /// <summary>Whether <paramref name="modality"/> produces videos as its main files.</summary>
    public static bool IsVideo(this Modality modality) => modality is Modality.Video or Modality.VideoEdit or Modality.VideoUpscale;
}
