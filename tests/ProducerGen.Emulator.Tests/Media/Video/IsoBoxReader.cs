using System.Buffers.Binary;
using System.Text;

namespace ProducerGen.Emulator.Tests.Media.Video;

/// <summary>A tiny ISO-BMFF reader written for the tests (independent of the emulator's writer): walks boxes by size.</summary>
internal sealed record IsoBox(string Type, int Offset, int Size, IReadOnlyList<IsoBox> Children)
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "dinf", "stbl"];

    public int ContentOffset => Offset + 8;

    public static IReadOnlyList<IsoBox> Parse(byte[] file) => Parse(file, 0, file.Length);

    public IsoBox Find(params string[] path)
    {
        var box = this;
        foreach (var type in path)
        {
            box = box.Children.Single(c => c.Type == type);
        }

        return box;
    }

    private static List<IsoBox> Parse(byte[] file, int start, int end)
    {
        var boxes = new List<IsoBox>();
        var offset = start;
        while (offset < end)
        {
            Assert.True(offset + 8 <= end, $"box header at {offset} runs past its parent");
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            Assert.True(size >= 8 && offset + size <= end, $"box '{type}' at {offset} has size {size} past its parent's end {end}");
            var children = Containers.Contains(type) ? Parse(file, offset + 8, offset + size) : [];
            boxes.Add(new IsoBox(type, offset, size, children));
            offset += size;
        }

        Assert.Equal(end, offset);
        return boxes;
    }
}
