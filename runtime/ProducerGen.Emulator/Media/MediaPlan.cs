using System.Globalization;
using System.Text.Json;

namespace ProducerGen.Emulator.Media;

/// <summary>
/// What a job's files are, decided at submission from the endpoint and the request's params (cheap: nothing is drawn or
/// encoded until a file is asked for).
/// </summary>
/// <param name="Modality">The endpoint's kind of output.</param>
/// <param name="Format">The main image format (images), or the poster's (videos) and cover's (music).</param>
/// <param name="Width">Output width in pixels (images, videos).</param>
/// <param name="Height">Output height in pixels.</param>
/// <param name="Count">The number of outputs the params ask for, or null for the endpoint's default.</param>
/// <param name="InputUrl">The input image or video URL (edit, upscale, background removal), or null.</param>
/// <param name="Input">The input's bytes when <see cref="InputUrl"/> is one of this emulator's uploads, else null.</param>
/// <param name="Seconds">Video duration.</param>
/// <param name="FramesPerSecond">Video frame rate.</param>
/// <param name="Container">Video container: <c>mp4</c> or <c>webm</c>.</param>
internal sealed record MediaPlan(
    Modality Modality,
    ImageFormat Format,
    int Width,
    int Height,
    int? Count,
    string? InputUrl,
    byte[]? Input,
    double Seconds,
    int FramesPerSecond,
    string Container)
{
    /// <summary>Generated images without a size param, and an input whose size is unknown.</summary>
    public const int DefaultSide = 1024;

    /// <summary>The side assumed for an input image that cannot be read (not an upload of this emulator).</summary>
    public const int UnknownInputSide = 512;

    /// <summary>The largest output side; bigger requests are scaled down to it, keeping the ratio.</summary>
    public const int MaxSide = 8192;

    private static readonly string[] CountParams = ["num_images", "n", "num_outputs", "number_of_images", "numberOfImages", "numImages", "count", "batch_size", "image_count", "num_videos"];
    private static readonly string[] FormatParams = ["output_format", "format", "outputFormat", "image_format", "file_format"];
    private static readonly string[] ImageInputParams = ["image", "image_url", "imageUrl", "input_image", "init_image", "source_image", "start_image"];
    private static readonly string[] VideoInputParams = ["video", "video_url", "videoUrl", "input_video"];
    private static readonly string[] ScaleParams = ["upscale_factor", "scale_factor", "scale", "upscaleFactor", "factor"];

    /// <summary>The plan for a submission of <paramref name="modality"/> with <paramref name="parameters"/> (the params block, or a flat body).</summary>
    /// <param name="modality">The endpoint's modality.</param>
    /// <param name="parameters">The params object (or default when there is none).</param>
    /// <param name="resolveUpload">The bytes of a URL that names one of this emulator's uploads, else null.</param>
    public static MediaPlan From(Modality modality, JsonElement parameters, Func<string, byte[]?> resolveUpload)
    {
        var inputUrl = modality.IsVideo() ? FirstString(parameters, VideoInputParams) : FirstString(parameters, ImageInputParams);
        var input = inputUrl is null || modality.IsVideo() ? null : resolveUpload(inputUrl);
        var count = modality == Modality.Music ? null : FirstInteger(parameters, CountParams) is { } n ? (int?)Math.Clamp(n, 1, 10) : null;
        var requested = ImageFormats.Parse(FirstString(parameters, FormatParams));
        if (modality.IsVideo())
        {
            return VideoPlan(modality, parameters, count, inputUrl);
        }

        var format = modality == Modality.Music ? ImageFormat.Jpeg : requested ?? ImageFormat.Png;
        var (width, height) = modality switch
        {
            Modality.Music => (Audio.CoverArt.Side, Audio.CoverArt.Side),
            Modality.Image => GeneratedSize(parameters),
            Modality.ImageUpscale => Upscaled(InputSize(input), ScaleOf(parameters)),
            _ => input is null ? GeneratedSize(parameters) : InputSize(input),
        };
        (width, height) = Capped(width, height);
        return new MediaPlan(modality, format, width, height, count, inputUrl, input, 0, 0, string.Empty);
    }

    /// <summary>The size of an encoded image's header (PNG, JPEG, WebP…), or the unknown-input size when it cannot be read.</summary>
    public static (int Width, int Height) InputSize(byte[]? input)
    {
        if (input is not null)
        {
            using var codec = SkiaSharp.SKCodec.Create(new SkiaSharp.SKMemoryStream(input));
            if (codec is not null)
            {
                return (codec.Info.Width, codec.Info.Height);
            }
        }

        return (UnknownInputSide, UnknownInputSide);
    }

    private static MediaPlan VideoPlan(Modality modality, JsonElement parameters, int? count, string? inputUrl)
    {
        var ratio = ImageSize.Ratio(FirstString(parameters, ["aspect_ratio", "aspectRatio", "ratio"])) ?? 16.0 / 9;
        var shortSide = ImageSize.ShortSideOf(FirstString(parameters, ["resolution", "target_resolution", "quality"])) ?? 720;
        var (width, height) = ImageSize.Explicit(FirstString(parameters, ["size", "resolution"])) ?? ImageSize.FromShortSide(ratio, shortSide);
        var seconds = FirstNumber(parameters, ["duration", "seconds", "duration_seconds", "length"]) is { } d and > 0 ? Math.Min(d, 60) : 5;
        var fps = FirstInteger(parameters, ["target_fps", "fps", "frame_rate", "frames_per_second"]) is { } f and > 0 ? (int)Math.Min(f, 60) : 24;
        var container = FirstString(parameters, ["output_format", "format", "container"])?.ToLowerInvariant() == "webm" ? "webm" : "mp4";
        return new MediaPlan(modality, ImageFormat.Jpeg, width, height, count, inputUrl, null, seconds, fps, container);
    }

    private static (int Width, int Height) GeneratedSize(JsonElement parameters)
    {
        if (FirstInteger(parameters, ["width"]) is { } w && FirstInteger(parameters, ["height"]) is { } h && w > 0 && h > 0)
        {
            return ((int)w, (int)h);
        }

        if (ImageSize.Explicit(FirstString(parameters, ["size", "image_size", "resolution", "dimensions"])) is { } size)
        {
            return size;
        }

        // A number alone is a square's side (size: 512).
        if (parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("size", out var side) && side.ValueKind == JsonValueKind.Number &&
            side.TryGetInt32(out var pixels) && pixels > 0)
        {
            return (pixels, pixels);
        }

        var ratio = ImageSize.Ratio(FirstString(parameters, ["aspect_ratio", "aspectRatio", "ratio", "image_size"])) ?? 1;
        var longSide = ImageSize.LongSideOf(FirstString(parameters, ["resolution", "image_size", "size"]), ratio) ?? ImageSize.LongSide;
        return ImageSize.FromRatio(ratio, longSide);
    }

    private static double ScaleOf(JsonElement parameters) => FirstNumber(parameters, ScaleParams) is { } s and > 0 ? s : 2;

    private static (int Width, int Height) Upscaled((int Width, int Height) input, double factor) =>
        ((int)Math.Round(input.Width * factor), (int)Math.Round(input.Height * factor));

    private static (int Width, int Height) Capped(int width, int height)
    {
        var longest = Math.Max(width, height);
        if (longest <= MaxSide)
        {
            return (Math.Max(1, width), Math.Max(1, height));
        }

        var factor = (double)MaxSide / longest;
        return (Math.Max(1, (int)(width * factor)), Math.Max(1, (int)(height * factor)));
    }

    private static string? FirstString(JsonElement obj, string[] names)
    {
        foreach (var name in names)
        {
            if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v))
            {
                if (v.ValueKind == JsonValueKind.String)
                {
                    return v.GetString();
                }

                if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String)
                {
                    return v[0].GetString();
                }
            }
        }

        return null;
    }

    private static double? FirstNumber(JsonElement obj, string[] names)
    {
        foreach (var name in names)
        {
            if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v))
            {
                if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d))
                {
                    return d;
                }

                // "2x", "5s" and "8" as strings.
                if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString()!.TrimEnd('x', 'X', 's'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }
            }
        }

        return null;
    }

    private static long? FirstInteger(JsonElement obj, string[] names) => FirstNumber(obj, names) is { } d ? (long)Math.Round(d) : null;
}
