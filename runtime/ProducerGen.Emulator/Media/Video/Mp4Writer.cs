using System.Buffers.Binary;
using System.Text;

namespace ProducerGen.Emulator.Media.Video;

/// <summary>
/// Writes an ISO-BMFF (MP4) file around VP8 key frames: <c>ftyp</c>, a <c>moov</c> (before the data, so players can
/// start at once) with one video track whose <c>vp08</c> sample entry carries a <c>vpcC</c> box (VP codec ISO media file
/// format binding), and one <c>mdat</c> chunk holding every frame. All samples are sync samples, so there is no <c>stss</c>.
/// </summary>
internal static class Mp4Writer
{
    private const uint MovieTimescale = 1000;
    private const int TicksPerFrame = 512;

    public static byte[] Write(VideoPlan plan, IReadOnlyList<byte[]> frames)
    {
        var ftyp = Box("ftyp", b =>
        {
            b.FourCc("isom");
            b.U32(0x200);
            b.FourCc("isom");
            b.FourCc("iso2");
            b.FourCc("mp41");
        });

        // The chunk offset is the only value that depends on the moov's own size, which does not depend on the offset.
        var moov = Moov(plan, frames, chunkOffset: 0);
        var dataStart = (uint)(ftyp.Length + moov.Length + 8);
        moov = Moov(plan, frames, dataStart);

        long dataLength = frames.Sum(f => (long)f.Length);
        using var output = new MemoryStream((int)(dataStart + dataLength));
        output.Write(ftyp);
        output.Write(moov);
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, checked((uint)(8 + dataLength)));
        "mdat"u8.CopyTo(header[4..]);
        output.Write(header);
        foreach (var frame in frames)
        {
            output.Write(frame);
        }

        return output.ToArray();
    }

    private static byte[] Moov(VideoPlan plan, IReadOnlyList<byte[]> frames, uint chunkOffset)
    {
        var mediaTimescale = (uint)(plan.FramesPerSecond * TicksPerFrame);
        var mediaDuration = (uint)(frames.Count * TicksPerFrame);
        var movieDuration = (uint)Math.Round(frames.Count * (double)MovieTimescale / plan.FramesPerSecond);
        return Box("moov", moov =>
        {
            moov.Child("mvhd", b =>
            {
                b.U32(0); // version 0, flags 0
                b.U32(0); // creation time: fixed, so the bytes depend on the request alone
                b.U32(0); // modification time
                b.U32(MovieTimescale);
                b.U32(movieDuration);
                b.U32(0x00010000); // rate 1.0
                b.U16(0x0100); // volume 1.0
                b.Zeros(10);
                Matrix(b);
                b.Zeros(24); // pre_defined
                b.U32(2); // next track ID
            });
            moov.Child("trak", trak =>
            {
                trak.Child("tkhd", b =>
                {
                    b.U32(0x00000003); // version 0, flags: enabled, in movie
                    b.U32(0);
                    b.U32(0);
                    b.U32(1); // track ID
                    b.U32(0);
                    b.U32(movieDuration);
                    b.Zeros(8);
                    b.U16(0); // layer
                    b.U16(0); // alternate group
                    b.U16(0); // volume (video)
                    b.U16(0);
                    Matrix(b);
                    b.U32((uint)plan.DisplayWidth << 16); // 16.16 presentation size
                    b.U32((uint)plan.DisplayHeight << 16);
                });
                trak.Child("mdia", mdia =>
                {
                    mdia.Child("mdhd", b =>
                    {
                        b.U32(0);
                        b.U32(0);
                        b.U32(0);
                        b.U32(mediaTimescale);
                        b.U32(mediaDuration);
                        b.U16(0x55C4); // language "und"
                        b.U16(0);
                    });
                    mdia.Child("hdlr", b =>
                    {
                        b.U32(0);
                        b.U32(0);
                        b.FourCc("vide");
                        b.Zeros(12);
                        b.Bytes(Encoding.ASCII.GetBytes("VideoHandler\0"));
                    });
                    mdia.Child("minf", minf =>
                    {
                        minf.Child("vmhd", b =>
                        {
                            b.U32(1); // version 0, flags 1
                            b.Zeros(8); // graphics mode, opcolor
                        });
                        minf.Child("dinf", dinf => dinf.Child("dref", b =>
                        {
                            b.U32(0);
                            b.U32(1);
                            b.Child("url ", u => u.U32(1)); // flags 1: the data is in this file
                        }));
                        minf.Child("stbl", stbl => SampleTable(stbl, plan, frames, chunkOffset));
                    });
                });
            });
        });
    }

    private static void SampleTable(BoxBuilder stbl, VideoPlan plan, IReadOnlyList<byte[]> frames, uint chunkOffset)
    {
        stbl.Child("stsd", b =>
        {
            b.U32(0);
            b.U32(1);
            b.Child("vp08", e =>
            {
                e.Zeros(6);
                e.U16(1); // data reference index
                e.Zeros(16); // pre_defined, reserved
                e.U16((ushort)plan.CodedWidth);
                e.U16((ushort)plan.CodedHeight);
                e.U32(0x00480000); // 72 dpi
                e.U32(0x00480000);
                e.U32(0);
                e.U16(1); // frame count per sample
                var name = "ProducerGen VP8"u8;
                e.U8((byte)name.Length);
                e.Bytes(name);
                e.Zeros(31 - name.Length);
                e.U16(0x0018); // depth
                e.U16(0xFFFF); // pre_defined -1
                e.Child("vpcC", c =>
                {
                    c.U32(0x01000000); // version 1, flags 0
                    c.U8(0); // profile
                    c.U8(10); // level 1.0
                    c.U8((8 << 4) | (1 << 1) | 0); // 8 bits, 4:2:0 colocated with luma, studio range
                    c.U8(1); // colour primaries BT.709
                    c.U8(1); // transfer characteristics BT.709
                    c.U8(1); // matrix coefficients BT.709
                    c.U16(0); // no codec initialisation data
                });
            });
        });
        stbl.Child("stts", b =>
        {
            b.U32(0);
            b.U32(1);
            b.U32((uint)frames.Count);
            b.U32(TicksPerFrame);
        });
        stbl.Child("stsc", b =>
        {
            b.U32(0);
            b.U32(1);
            b.U32(1); // first chunk
            b.U32((uint)frames.Count); // samples per chunk
            b.U32(1); // sample description index
        });
        stbl.Child("stsz", b =>
        {
            b.U32(0);
            b.U32(0); // sizes vary
            b.U32((uint)frames.Count);
            foreach (var frame in frames)
            {
                b.U32((uint)frame.Length);
            }
        });
        stbl.Child("stco", b =>
        {
            b.U32(0);
            b.U32(1);
            b.U32(chunkOffset);
        });
    }

    private static void Matrix(BoxBuilder b)
    {
        b.U32(0x00010000);
        b.U32(0);
        b.U32(0);
        b.U32(0);
        b.U32(0x00010000);
        b.U32(0);
        b.U32(0);
        b.U32(0);
        b.U32(0x40000000);
    }

    private static byte[] Box(string type, Action<BoxBuilder> content)
    {
        var builder = new BoxBuilder();
        builder.Child(type, content);
        return builder.ToArray();
    }

    /// <summary>Big-endian fields and nested boxes, each box's 32-bit size written once its content is known.</summary>
    private sealed class BoxBuilder
    {
        private readonly MemoryStream _stream = new();

        public void U8(byte value) => _stream.WriteByte(value);

        public void U16(ushort value)
        {
            Span<byte> bytes = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
            _stream.Write(bytes);
        }

        public void U32(uint value)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            _stream.Write(bytes);
        }

        public void FourCc(string code) => _stream.Write(Encoding.ASCII.GetBytes(code));

        public void Bytes(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

        public void Zeros(int count)
        {
            for (var i = 0; i < count; i++)
            {
                _stream.WriteByte(0);
            }
        }

        public void Child(string type, Action<BoxBuilder> content)
        {
            var start = _stream.Position;
            U32(0);
            FourCc(type);
            content(this);
            var end = _stream.Position;
            _stream.Position = start;
            U32(checked((uint)(end - start)));
            _stream.Position = end;
        }

        public byte[] ToArray() => _stream.ToArray();
    }
}
