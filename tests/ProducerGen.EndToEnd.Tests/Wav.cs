using System;
using System.Buffers.Binary;
using System.Text;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>The header of a RIFF/WAVE file, read and checked chunk by chunk.</summary>
internal sealed record Wav(int Channels, int SampleRate, int BitsPerSample, int DataBytes)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)DataBytes / (SampleRate * Channels * (BitsPerSample / 8)));

    public static Wav Read(byte[] file)
    {
        Assert.True(file.Length > 44, $"{file.Length} bytes is too short for a WAV file");
        Assert.Equal("RIFF", Encoding.ASCII.GetString(file, 0, 4));
        Assert.Equal(file.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(file, 8, 4));

        Wav? format = null;
        var offset = 12;
        while (offset + 8 <= file.Length)
        {
            var id = Encoding.ASCII.GetString(file, offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(offset + 4));
            var body = file.AsSpan(offset + 8);
            if (id == "fmt ")
            {
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(body)); // PCM
                var channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                var rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                var bits = BinaryPrimitives.ReadInt16LittleEndian(body[14..]);
                Assert.Equal(rate * channels * bits / 8, BinaryPrimitives.ReadInt32LittleEndian(body[8..])); // byte rate
                format = new Wav(channels, rate, bits, 0);
            }
            else if (id == "data")
            {
                Assert.NotNull(format);
                Assert.Equal(file.Length, offset + 8 + size);
                return format with { DataBytes = size };
            }

            offset += 8 + size + (size & 1);
        }

        Assert.Fail("The file has no data chunk.");
        return null!;
    }
}
