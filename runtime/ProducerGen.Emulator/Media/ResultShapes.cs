using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Media;

/// <summary>
/// The result shape of an endpoint that declares none, by modality. The provider's OpenAPI document leaves <c>result</c>
/// open (<c>{}</c>); music is its tracks, images a list of image files, videos a list of videos each with a poster.
/// </summary>
internal static class ResultShapes
{
    /// <summary>Apiframe's music tracks: <c>{ tracks: [{ id, audioUrl, imageUrl, title, duration }] }</c>.</summary>
    public static readonly EquatableArray<MemberSpec> Music = EquatableArray.From(new[]
    {
        new MemberSpec("tracks", "Tracks", List(
            new MemberSpec("id", "Id", new TypeSpec(MemberType.String)),
            new MemberSpec("audioUrl", "AudioUrl", new TypeSpec(MemberType.Url)),
            new MemberSpec("imageUrl", "ImageUrl", new TypeSpec(MemberType.Url)),
            new MemberSpec("title", "Title", new TypeSpec(MemberType.String)),
            new MemberSpec("duration", "Duration", new TypeSpec(MemberType.Number)))),
    });

    /// <summary>Images: <c>{ images: [{ id, url, width, height, contentType }] }</c>, one entry per image.</summary>
    public static readonly EquatableArray<MemberSpec> Images = EquatableArray.From(new[]
    {
        new MemberSpec("images", "Images", List(
            new MemberSpec("id", "Id", new TypeSpec(MemberType.String)),
            new MemberSpec("url", "Url", new TypeSpec(MemberType.Url)),
            new MemberSpec("width", "Width", new TypeSpec(MemberType.Integer)),
            new MemberSpec("height", "Height", new TypeSpec(MemberType.Integer)),
            new MemberSpec("contentType", "ContentType", new TypeSpec(MemberType.String)))),
    });

    /// <summary>Videos: <c>{ videos: [{ id, videoUrl, thumbnailUrl, width, height, duration, contentType }] }</c>.</summary>
    public static readonly EquatableArray<MemberSpec> Videos = EquatableArray.From(new[]
    {
        new MemberSpec("videos", "Videos", List(
            new MemberSpec("id", "Id", new TypeSpec(MemberType.String)),
            new MemberSpec("videoUrl", "VideoUrl", new TypeSpec(MemberType.Url)),
            new MemberSpec("thumbnailUrl", "ThumbnailUrl", new TypeSpec(MemberType.Url)),
            new MemberSpec("width", "Width", new TypeSpec(MemberType.Integer)),
            new MemberSpec("height", "Height", new TypeSpec(MemberType.Integer)),
            new MemberSpec("duration", "Duration", new TypeSpec(MemberType.Number)),
            new MemberSpec("contentType", "ContentType", new TypeSpec(MemberType.String)))),
    });

    /// <summary>The result of an endpoint of <paramref name="modality"/> that declares none.</summary>
    public static EquatableArray<MemberSpec> For(Modality modality) =>
        modality.IsImage() ? Images : modality.IsVideo() ? Videos : Music;

    /// <summary>How many files an endpoint of <paramref name="modality"/> produces when its params do not say: two tracks, one image or video.</summary>
    public static int DefaultCount(Modality modality) => modality == Modality.Music ? 2 : 1;

    private static TypeSpec List(params MemberSpec[] properties) =>
        new(MemberType.Array, Items: new TypeSpec(MemberType.Object, Properties: EquatableArray.From(properties)));
}
