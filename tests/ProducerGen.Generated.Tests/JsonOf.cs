using System.IO;
using System.Text;
using System.Text.Json;
using ProducerGen;

namespace ProducerGen.Generated.Tests;

internal static class JsonOf
{
    public static string Write(IGenerationRequest request)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            request.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
