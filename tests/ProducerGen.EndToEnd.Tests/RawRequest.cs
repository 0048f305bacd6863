using System.Text.Json;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>A request body sent as given, bypassing the generated validator, to see what the server says about it.</summary>
internal sealed class RawRequest(string json) : IGenerationRequest
{
    public ValidationResult Validate() => ValidationResult.Valid;

    public void WriteJson(Utf8JsonWriter writer)
    {
        using var document = JsonDocument.Parse(json);
        document.WriteTo(writer);
    }
}
