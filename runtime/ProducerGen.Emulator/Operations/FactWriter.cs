using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProducerGen.Emulator.Jobs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>
/// Writes an answer of a response type from a dictionary of facts, member by member NAME: a member with a fact gets it
/// (a nested dictionary fills an object member, a list an array member), a required member without one gets a
/// deterministic placeholder of its type, and an optional member without one is left out.
/// </summary>
/// <remarks>
/// A fact is null (JSON null), a string, bool, int, long, double, <see cref="Guid"/>, <see cref="Uri"/>,
/// <see cref="DateTimeOffset"/>, <see cref="JsonElement"/>, a <see cref="Facts"/> dictionary, a list of facts, or an
/// <see cref="Action{T}"/> of <see cref="Utf8JsonWriter"/> that writes the value itself.
/// </remarks>
internal static class FactWriter
{
    private static readonly TypeSpec AnyJson = new(MemberType.Json);

    public static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<MemberSpec> members, Facts facts, DateTimeOffset now)
    {
        writer.WriteStartObject();
        foreach (var member in members)
        {
            if (facts.TryGetValue(member.Name, out var fact))
            {
                writer.WritePropertyName(member.Name);
                WriteFact(writer, member.Type, fact, now);
            }
            else if (member.Required)
            {
                writer.WritePropertyName(member.Name);
                WritePlaceholder(writer, member.Name, member.Type, now);
            }
        }

        writer.WriteEndObject();
    }

    public static void WriteFact(Utf8JsonWriter writer, TypeSpec type, object? fact, DateTimeOffset now)
    {
        switch (fact)
        {
            case null:
                writer.WriteNullValue();
                break;
            case Facts nested when type.Kind == MemberType.Object:
                WriteObject(writer, type.Properties, nested, now);
                break;
            case Facts nested:
                writer.WriteStartObject();
                foreach (var (name, value) in nested)
                {
                    writer.WritePropertyName(name);
                    WriteFact(writer, AnyJson, value, now);
                }

                writer.WriteEndObject();
                break;
            case Action<Utf8JsonWriter> write:
                write(writer);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case Guid id:
                writer.WriteStringValue(id.ToString("D"));
                break;
            case Uri uri:
                writer.WriteStringValue(uri.AbsoluteUri);
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(JobJson.Timestamp(instant));
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteFact(writer, type.Items ?? AnyJson, item, now);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"A fact of type {fact.GetType().Name} cannot be written.");
        }
    }

    /// <summary>A value of <paramref name="type"/> that is the same for the same member name (times are the clock's now).</summary>
    public static void WritePlaceholder(Utf8JsonWriter writer, string name, TypeSpec type, DateTimeOffset now)
    {
        switch (type.Kind)
        {
            case MemberType.String when type.IsEnum:
                writer.WriteStringValue(type.EnumValues[0]);
                break;
            case MemberType.String:
                writer.WriteStringValue(type.Format switch
                {
                    MemberFormat.Uuid => StableId(name).ToString("D"),
                    MemberFormat.DateTime => JobJson.Timestamp(now),
                    MemberFormat.Email => "emulator@example.com",
                    MemberFormat.Uri => "https://example.com/" + Uri.EscapeDataString(name),
                    _ => name,
                });
                break;
            case MemberType.Url:
                writer.WriteStringValue("https://example.com/" + Uri.EscapeDataString(name));
                break;
            case MemberType.Integer when type.IsEnum && long.TryParse(type.EnumValues[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first):
                writer.WriteNumberValue(first);
                break;
            case MemberType.Integer:
                writer.WriteNumberValue((long)Math.Ceiling(type.Minimum ?? 0));
                break;
            case MemberType.Number:
                writer.WriteNumberValue(type.Minimum ?? 0);
                break;
            case MemberType.Boolean:
                writer.WriteBooleanValue(false);
                break;
            case MemberType.Array:
                writer.WriteStartArray();
                writer.WriteEndArray();
                break;
            case MemberType.Object:
                WriteObject(writer, type.Properties, new Facts(), now);
                break;
            case MemberType.Json:
                writer.WriteStartObject();
                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>A version-4-shaped id derived from <paramref name="seed"/>: the same text gives the same id.</summary>
    public static Guid StableId(string seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
