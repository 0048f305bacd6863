using System.Buffers.Binary;
using System.Text;

namespace ProducerGen.Emulator.Tests.Media.Video;

/// <summary>A tiny EBML (Matroska/WebM) reader written for the tests: IDs and sizes as variable-length integers.</summary>
internal sealed record EbmlElement(uint Id, int DataOffset, int DataSize, IReadOnlyList<EbmlElement> Children)
{
    // EBML header, Segment, SeekHead, Seek, Info, Tracks, TrackEntry, Video, Cluster, Cues, CuePoint, CueTrackPositions.
    private static readonly HashSet<uint> Masters =
        [0x1A45DFA3, 0x18538067, 0x114D9B74, 0x4DBB, 0x1549A966, 0x1654AE6B, 0xAE, 0xE0, 0x1F43B675, 0x1C53BB6B, 0xBB, 0xB7];

    public static IReadOnlyList<EbmlElement> Parse(byte[] file) => Parse(file, 0, file.Length);

    public EbmlElement Child(uint id) => Children.Single(c => c.Id == id);

    public ulong UInt(byte[] file)
    {
        ulong value = 0;
        for (var i = 0; i < DataSize; i++)
        {
            value = (value << 8) | file[DataOffset + i];
        }

        return value;
    }

    public double Float(byte[] file) => DataSize == 4
        ? BinaryPrimitives.ReadSingleBigEndian(file.AsSpan(DataOffset, 4))
        : BinaryPrimitives.ReadDoubleBigEndian(file.AsSpan(DataOffset, 8));

    public string String(byte[] file) => Encoding.ASCII.GetString(file, DataOffset, DataSize);

    private static List<EbmlElement> Parse(byte[] file, int start, int end)
    {
        var elements = new List<EbmlElement>();
        var offset = start;
        while (offset < end)
        {
            var id = (uint)ReadVint(file, ref offset, keepMarker: true);
            var size = ReadVint(file, ref offset, keepMarker: false);
            Assert.True(offset + (long)size <= end, $"element 0x{id:X} at {offset} runs past its parent");
            var children = Masters.Contains(id) ? Parse(file, offset, offset + (int)size) : [];
            elements.Add(new EbmlElement(id, offset, (int)size, children));
            offset += (int)size;
        }

        Assert.Equal(end, offset);
        return elements;
    }

    private static ulong ReadVint(byte[] file, ref int offset, bool keepMarker)
    {
        var first = file[offset];
        Assert.NotEqual(0, first);
        var length = 1;
        while ((first & (0x80 >> (length - 1))) == 0)
        {
            length++;
        }

        ulong value = keepMarker ? first : (ulong)(first & (0xFF >> length));
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | file[offset + i];
        }

        offset += length;
        return value;
    }
}
