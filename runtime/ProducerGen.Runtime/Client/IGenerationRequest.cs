using System.Text.Json;

namespace ProducerGen;

/// <summary>A request body of one model. Implemented by every generated request type.</summary>
public interface IGenerationRequest
{
    /// <summary>Checks every constraint of the schema and returns all violations at once.</summary>
    /// <returns>The violations, or <see cref="ValidationResult.Valid"/>.</returns>
    ValidationResult Validate();

    /// <summary>Writes the whole JSON body object, including the model id (a multipart request writes a JSON view of its parts, files by name).</summary>
    /// <param name="writer">The writer to write to.</param>
    void WriteJson(Utf8JsonWriter writer);
}
