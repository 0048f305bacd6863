using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace ProducerGen.Emulator.Jobs;

/// <summary>A canonical form of a JSON value (object members sorted by name, no whitespace) and hashes of it.</summary>
internal static class CanonicalJson
{
    public static byte[] ToBytes(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Hash(JsonElement value) => SHA256.HashData(ToBytes(value));

    /// <summary>The first 8 bytes of SHA-256 of <paramref name="parts"/>, joined by a separator, as a seed.</summary>
    public static ulong Seed(params ReadOnlySpan<byte[]> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(BitConverter.GetBytes(part.Length));
            hash.AppendData(part);
        }

        return BitConverter.ToUInt64(hash.GetHashAndReset(), 0);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
