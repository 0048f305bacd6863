using System.Linq;
using System.Text.Json;

namespace ProducerGen;

/// <summary>An <see cref="ErrorShape"/> with its paths parsed once.</summary>
internal sealed class ErrorReader
{
    private readonly ResponsePath[] _messages;
    private readonly ResponsePath? _code;

    public ErrorReader(ErrorShape shape)
    {
        Shape = shape;
        _messages = shape.MessagePaths.Select(path => ResponsePath.Parse(path, nameof(ErrorShape.MessagePaths))).ToArray();
        _code = shape.CodePath is { } code ? ResponsePath.Parse(code, nameof(ErrorShape.CodePath)) : null;
    }

    public ErrorShape Shape { get; }

    public string? ReadMessage(JsonElement root) => FirstText(_messages, root);

    public string? ReadCode(JsonElement root) => _code?.ReadText(root);

    /// <summary>The first path's value as text; an object gives its <c>message</c> (or <c>detail</c>) member.</summary>
    internal static string? FirstText(ResponsePath[] paths, JsonElement root)
    {
        foreach (var path in paths)
        {
            if (!path.TryGet(root, out var value))
            {
                continue;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Object => MessageOf(value),
                _ => null,
            };
            if (!string.IsNullOrEmpty(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The message of an error object: its <c>message</c>, <c>detail</c> or <c>msg</c> string member, or null.</summary>
    internal static string? MessageOf(JsonElement errorObject) =>
        Member(errorObject, "message") ?? Member(errorObject, "detail") ?? Member(errorObject, "msg");

    private static string? Member(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
