namespace ProducerGen.Emulator.Media.Video;

/// <summary>The file formats <see cref="VideoRenderer"/> writes; both carry the same VP8 key frames.</summary>
internal enum VideoContainer
{
    /// <summary>ISO-BMFF (<c>.mp4</c>) with a <c>vp08</c> sample entry, per the VP codec ISO media file format binding.</summary>
    Mp4,

    /// <summary>WebM (Matroska, <c>V_VP8</c>).</summary>
    WebM,
}
