using System.Buffers.Binary;
using System.Text;

namespace ProducerGen.Emulator.Media.Video;

/// <summary>
/// Writes a WebM file (EBML/Matroska, DocType <c>webm</c>) around VP8 key frames: the EBML header, then a Segment with
/// a SeekHead, Info (duration), one <c>V_VP8</c> track, one Cluster per second of SimpleBlocks, each flagged as a key
/// frame, and Cues (one per Cluster) so players can seek.
/// </summary>
internal static class WebMWriter
{
    private const ulong TimestampScale = 1_000_000; // timestamps in milliseconds

    private const uint InfoId = 0x1549A966;
    private const uint TracksId = 0x1654AE6B;
    private const uint ClusterId = 0x1F43B675;
    private const uint CuesId = 0x1C53BB6B;

    public static byte[] Write(VideoPlan plan, IReadOnlyList<byte[]> frames)
    {
        var info = Build(b => b.Master(InfoId, info =>
        {
            info.UInt(0x2AD7B1, TimestampScale);
            info.String(0x4D80, "ProducerGen.Emulator"); // MuxingApp
            info.String(0x5741, "ProducerGen.Emulator"); // WritingApp
            info.Float(0x4489, frames.Count * 1000.0 / plan.FramesPerSecond); // Duration, in TimestampScale units
        }));
        var tracks = Build(b => b.Master(TracksId, tracks => tracks.Master(0xAE, track =>
        {
            track.UInt(0xD7, 1); // TrackNumber
            track.UInt(0x73C5, 1); // TrackUID
            track.UInt(0x83, 1); // TrackType: video
            track.UInt(0x9C, 0); // FlagLacing
            track.String(0x86, "V_VP8"); // CodecID
            track.UInt(0x23E383, (ulong)Math.Round(1e9 / plan.FramesPerSecond)); // DefaultDuration, ns
            track.Master(0xE0, video =>
            {
                video.UInt(0xB0, (ulong)plan.CodedWidth); // PixelWidth
                video.UInt(0xBA, (ulong)plan.CodedHeight); // PixelHeight
                video.UInt(0x54B0, (ulong)plan.DisplayWidth); // DisplayWidth
                video.UInt(0x54BA, (ulong)plan.DisplayHeight); // DisplayHeight
            });
        })));

        var clusters = new List<(long Time, byte[] Bytes)>();
        for (var first = 0; first < frames.Count; first += plan.FramesPerSecond)
        {
            var clusterTime = Milliseconds(first, plan.FramesPerSecond);
            var last = Math.Min(frames.Count, first + plan.FramesPerSecond);
            var clusterStart = first;
            clusters.Add((clusterTime, Build(b => b.Master(ClusterId, cluster =>
            {
                cluster.UInt(0xE7, (ulong)clusterTime); // Timestamp
                for (var i = clusterStart; i < last; i++)
                {
                    cluster.SimpleBlock(frames[i], (short)(Milliseconds(i, plan.FramesPerSecond) - clusterTime));
                }
            }))));
        }

        // Positions are relative to the start of the Segment's data; the SeekHead's fixed-width positions keep its size
        // independent of them, so it can be measured first.
        var seekHeadLength = SeekHead(0, 0, 0).Length;
        var infoPosition = (long)seekHeadLength;
        var tracksPosition = infoPosition + info.Length;
        var position = tracksPosition + tracks.Length;
        var clusterPositions = new List<long>();
        foreach (var (_, bytes) in clusters)
        {
            clusterPositions.Add(position);
            position += bytes.Length;
        }

        var cuesPosition = position;
        var cues = Build(b => b.Master(CuesId, cues =>
        {
            for (var i = 0; i < clusters.Count; i++)
            {
                var index = i;
                cues.Master(0xBB, point => // CuePoint
                {
                    point.UInt(0xB3, (ulong)clusters[index].Time); // CueTime
                    point.Master(0xB7, track => // CueTrackPositions
                    {
                        track.UInt(0xF7, 1); // CueTrack
                        track.UInt(0xF1, (ulong)clusterPositions[index]); // CueClusterPosition
                    });
                });
            }
        }));

        var output = new ElementBuilder();
        output.Master(0x1A45DFA3, ebml =>
        {
            ebml.UInt(0x4286, 1); // EBMLVersion
            ebml.UInt(0x42F7, 1); // EBMLReadVersion
            ebml.UInt(0x42F2, 4); // EBMLMaxIDLength
            ebml.UInt(0x42F3, 8); // EBMLMaxSizeLength
            ebml.String(0x4282, "webm"); // DocType
            ebml.UInt(0x4287, 4); // DocTypeVersion
            ebml.UInt(0x4285, 2); // DocTypeReadVersion
        });
        output.Master(0x18538067, segment =>
        {
            segment.Raw(SeekHead(infoPosition, tracksPosition, cuesPosition));
            segment.Raw(info);
            segment.Raw(tracks);
            foreach (var (_, bytes) in clusters)
            {
                segment.Raw(bytes);
            }

            segment.Raw(cues);
        });
        return output.ToArray();
    }

    /// <summary>The SeekHead: where Info, Tracks and Cues start, so a player can seek without reading every Cluster.</summary>
    private static byte[] SeekHead(long info, long tracks, long cues) => Build(b => b.Master(0x114D9B74, head =>
    {
        foreach (var (id, position) in new[] { (InfoId, info), (TracksId, tracks), (CuesId, cues) })
        {
            head.Master(0x4DBB, seek => // Seek
            {
                Span<byte> idBytes = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(idBytes, id);
                seek.Binary(0x53AB, idBytes); // SeekID
                seek.FixedUInt(0x53AC, (ulong)position); // SeekPosition
            });
        }
    }));

    private static byte[] Build(Action<ElementBuilder> content)
    {
        var builder = new ElementBuilder();
        content(builder);
        return builder.ToArray();
    }

    private static long Milliseconds(int frame, int framesPerSecond) => (long)Math.Round(frame * 1000.0 / framesPerSecond);

    /// <summary>EBML elements: an ID, a size as a variable-length integer, then the content.</summary>
    private sealed class ElementBuilder
    {
        private readonly MemoryStream _stream = new();

        public void Master(uint id, Action<ElementBuilder> content)
        {
            var child = new ElementBuilder();
            content(child);
            Element(id, child._stream.GetBuffer().AsSpan(0, (int)child._stream.Length));
        }

        public void UInt(uint id, ulong value)
        {
            var length = 1;
            while (length < 8 && value >> (length * 8) != 0)
            {
                length++;
            }

            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
            Element(id, bytes[(8 - length)..]);
        }

        public void Float(uint id, double value)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
            Element(id, bytes);
        }

        /// <summary>An unsigned integer always 8 bytes wide, so the element's size does not depend on the value.</summary>
        public void FixedUInt(uint id, ulong value)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
            Element(id, bytes);
        }

        public void String(uint id, string value) => Element(id, Encoding.ASCII.GetBytes(value));

        public void Binary(uint id, ReadOnlySpan<byte> value) => Element(id, value);

        /// <summary>Appends elements built elsewhere.</summary>
        public void Raw(byte[] elements) => _stream.Write(elements);

        public void SimpleBlock(byte[] frame, short relativeTimestamp)
        {
            var block = new byte[4 + frame.Length];
            block[0] = 0x81; // track number 1 as a one-byte variable-length integer
            BinaryPrimitives.WriteInt16BigEndian(block.AsSpan(1), relativeTimestamp);
            block[3] = 0x80; // key frame
            frame.CopyTo(block, 4);
            Element(0xA3, block);
        }

        public byte[] ToArray() => _stream.ToArray();

        private void Element(uint id, ReadOnlySpan<byte> content)
        {
            Span<byte> idBytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(idBytes, id);
            var idLength = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
            _stream.Write(idBytes[(4 - idLength)..]);
            WriteSize((ulong)content.Length);
            _stream.Write(content);
        }

        private void WriteSize(ulong size)
        {
            // The shortest variable-length integer whose value bits are not all ones (all ones means "unknown size").
            var length = 1;
            while (length < 8 && size >= (1UL << (7 * length)) - 1)
            {
                length++;
            }

            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, size | (1UL << (7 * length)));
            _stream.Write(bytes[(8 - length)..]);
        }
    }
}
