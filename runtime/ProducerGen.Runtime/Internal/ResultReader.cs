using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace ProducerGen.Internal;

/// <summary>
/// Tolerant readers generated result types call: a missing member or one of another JSON type reads as
/// <see langword="null"/> (or an empty list), so a provider adding or changing a field never breaks reading.
/// For generated code; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResultReader
{
    /// <summary>The member <paramref name="name"/> of an object, or an undefined element.</summary>
    public static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>A string, or null.</summary>
    public static string? ReadString(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    /// <summary>A whole number that fits a <see cref="long"/>, or null.</summary>
    public static long? ReadLong(JsonElement element) => element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : null;

    /// <summary>A number, or null.</summary>
    public static double? ReadDouble(JsonElement element) => element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) ? value : null;

    /// <summary><see langword="true"/> or <see langword="false"/>, or null.</summary>
    public static bool? ReadBoolean(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>
    /// An absolute http(s) URI, or null. Anything else is null too: on Unix "/etc/passwd" parses as an absolute
    /// file:// URI, and a server's result must not hand a caller a local path to open.
    /// </summary>
    public static Uri? ReadUri(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
        && Uri.TryCreate(element.GetString(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <summary>An object read by <paramref name="read"/>, or null when the element is not an object.</summary>
    public static T? ReadObject<T>(JsonElement element, Func<JsonElement, T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return element.ValueKind == JsonValueKind.Object ? read(element) : null;
    }

    /// <summary>The value as a detached JSON element (any kind but null), or null when it is missing or JSON null.</summary>
    public static JsonElement? ReadJson(JsonElement element) =>
        element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : element.Clone();

    /// <summary>
    /// The element at <paramref name="path"/> (the schema's response-path syntax: <c>models</c>, <c>data.items[0]</c>, <c>$</c>)
    /// of an answer body, or an undefined element when the body is empty or the path leads nowhere.
    /// </summary>
    public static JsonElement At(JsonElement? body, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return body is { } root && ResponsePath.Parse(path, nameof(path)).TryGet(root, out var value) ? value : default;
    }

    /// <summary>
    /// An operation's answer at <paramref name="path"/>, read by <paramref name="read"/>. Members read tolerantly, but an answer
    /// with no object there is not one the schema describes: <see cref="UnexpectedResponseException"/>, never an empty value.
    /// </summary>
    public static T ReadAnswer<T>(OperationResponse response, string path, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(read);
        var element = At(response.Body, path);
        return element.ValueKind == JsonValueKind.Object ? read(element) : throw Unexpected(response, path, "an object");
    }

    /// <summary>The items of an operation's answer at <paramref name="path"/>; anything but an array there is <see cref="UnexpectedResponseException"/>.</summary>
    public static IReadOnlyList<T> ReadAnswerList<T>(OperationResponse response, string path, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(response);
        var element = At(response.Body, path);
        return element.ValueKind == JsonValueKind.Array ? ReadArray(element, read) : throw Unexpected(response, path, "a list");
    }

    /// <summary>An operation's opaque answer at <paramref name="path"/>; nothing there is <see cref="UnexpectedResponseException"/>.</summary>
    public static JsonElement ReadAnswerJson(OperationResponse response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        var element = At(response.Body, path);
        return element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? throw Unexpected(response, path, "a value") : element;
    }

    private static UnexpectedResponseException Unexpected(OperationResponse response, string path, string expected) =>
        new($"The answer (HTTP {response.StatusCode}) holds no {expected} at '{path}', where the schema says it is.", new ApiResponseInfo(response.StatusCode, response.RequestId, null, null));

    /// <summary>Every item read by <paramref name="read"/>; empty when the element is not an array.</summary>
    public static IReadOnlyList<T> ReadArray<T>(JsonElement element, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (element.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<T>();
        }

        var items = new List<T>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            items.Add(read(item));
        }

        return items;
    }
}
