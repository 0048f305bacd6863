using System.Text.Json;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>One file part of a multipart operation request, with its bytes.</summary>
/// <param name="Field">The part's name.</param>
/// <param name="FileName">The file name the client sent.</param>
/// <param name="DeclaredType">The Content-Type the client sent (never trusted).</param>
/// <param name="Bytes">The content.</param>
internal sealed record UploadedFile(string Field, string FileName, string DeclaredType, byte[] Bytes);

/// <summary>A validated operation request: who sent it, its body (with its query members typed in), files and path values.</summary>
internal sealed class OperationRequest
{
    public required OperationSpec Operation { get; init; }

    /// <summary>The caller's key; null for an <c>auth: none</c> call sent without a valid key.</summary>
    public required string? ApiKey { get; init; }

    /// <summary>The body's JSON view (a multipart form as in <see cref="Http.MultipartBody"/>) with the query members merged in.</summary>
    public required JsonElement Body { get; init; }

    public required IReadOnlyList<UploadedFile> Files { get; init; }

    public required IReadOnlyDictionary<string, string> PathValues { get; init; }

    /// <summary>The variant the discriminator named, or null.</summary>
    public VariantSpec? Variant { get; init; }

    public required DateTimeOffset Now { get; init; }

    public string? String(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public long? Integer(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    public bool? Boolean(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
