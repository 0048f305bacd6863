using System.Buffers.Binary;
using System.Text;

namespace ProducerGen.Emulator.Media.Video;

/// <summary>
/// Writes a WebM file (EBML/Matroska, DocType <c>webm</c>) around VP8 key frames: the EBML header, then a Segment with
/// Info (duration), one <c>V_VP8</c> track, and one Cluster per second of SimpleBlocks, each flagged as a key frame.
/// </summary>
internal static class WebMWriter
{
    private const ulong TimestampScale = 1_000_000; // timestamps in milliseconds

    public static byte[] Write(VideoPlan plan, IReadOnlyList<byte[]> frames)
    {
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
            segment.Master(0x1549A966, info =>
            {
                info.UInt(0x2AD7B1, TimestampScale);
                info.String(0x4D80, "ProducerGen.Emulator"); // MuxingApp
                info.String(0x5741, "ProducerGen.Emulator"); // WritingApp
                info.Float(0x4489, frames.Count * 1000.0 / plan.FramesPerSecond); // Duration, in TimestampScale units
            });
            segment.Master(0x1654AE6B, tracks => tracks.Master(0xAE, track =>
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
            }));
            for (var first = 0; first < frames.Count; first += plan.FramesPerSecond)
            {
                var clusterStart = first;
                var clusterTime = Milliseconds(clusterStart, plan.FramesPerSecond);
                segment.Master(0x1F43B675, cluster =>
                {
                    cluster.UInt(0xE7, (ulong)clusterTime); // Timestamp
                    var last = Math.Min(frames.Count, clusterStart + plan.FramesPerSecond);
                    for (var i = clusterStart; i < last; i++)
                    {
                        cluster.SimpleBlock(frames[i], (short)(Milliseconds(i, plan.FramesPerSecond) - clusterTime));
                    }
                });
            }
        });
        return output.ToArray();
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

        public void String(uint id, string value) => Element(id, Encoding.ASCII.GetBytes(value));

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
