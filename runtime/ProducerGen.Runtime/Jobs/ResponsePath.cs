using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProducerGen;

/// <summary>
/// A path into a JSON answer, as a schema writes it: dotted member names from the root (<c>data.taskId</c>), <c>[n]</c> to index
/// an array (<c>images[0].url</c>), <c>$</c> for the whole body. No wildcards or filters: one path names one value.
/// </summary>
internal sealed class ResponsePath
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Segment[] _segments;

    private ResponsePath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
        Utf8Members = MembersOnly(segments);
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>
    /// The member names' UTF-8 bytes, root first, when the path is member names only (no index, not <c>$</c>, every name encodable);
    /// otherwise null. <see cref="AcceptedAnswerScan"/> reads such paths off the bytes.
    /// </summary>
    public byte[][]? Utf8Members { get; }

    /// <summary>Whether the path is <c>$</c>, the whole body.</summary>
    public bool IsRoot => _segments.Length == 0;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">The text is not a path.</exception>
    public static ResponsePath Parse(string text, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text, paramName);
        if (text == "$")
        {
            return new ResponsePath(text, []);
        }

        var segments = new List<Segment>();
        foreach (var part in text.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length == 0 || name.Contains(']', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{text}' is not a response path: write member names joined by '.', each optionally followed by [n], e.g. 'data.images[0].url'.", paramName);
            }

            segments.Add(new Segment(name, Utf8Name(name), -1));
            var rest = bracket < 0 ? string.Empty : part[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 2 || !int.TryParse(rest.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw new ArgumentException($"'{text}' is not a response path: an index is written [n] with a whole number n, e.g. 'images[0]'.", paramName);
                }

                segments.Add(new Segment(null, null, index));
                rest = rest[(close + 1)..];
            }
        }

        return new ResponsePath(text, segments.ToArray());
    }

    /// <summary>The value at this path in <paramref name="root"/>; false when a member is missing, an index is out of range, or the value is JSON null.</summary>
    public bool TryGet(JsonElement root, out JsonElement value)
    {
        value = root;
        foreach (var segment in _segments)
        {
            if (segment.Name is { } name)
            {
                if (value.ValueKind != JsonValueKind.Object || !(segment.Utf8Name is { } utf8 ? value.TryGetProperty(utf8, out value) : value.TryGetProperty(name, out value)))
                {
                    return false;
                }
            }
            else if (value.ValueKind != JsonValueKind.Array || segment.Index >= value.GetArrayLength())
            {
                return false;
            }
            else
            {
                value = value[segment.Index];
            }
        }

        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>The value at this path as text: a string as is, a number or boolean as its JSON text; otherwise null.</summary>
    public string? ReadText(JsonElement root)
    {
        if (!TryGet(root, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    // The name's UTF-8 bytes, encoded once: TryGetProperty(string) transcodes the name on every lookup of every answer. Null for a
    // name that is not valid UTF-16 (a lone surrogate), which keeps the string lookup and its error.
    private static byte[]? Utf8Name(string name)
    {
        try
        {
            return StrictUtf8.GetBytes(name);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    private static byte[][]? MembersOnly(Segment[] segments)
    {
        if (segments.Length == 0)
        {
            return null;
        }

        var names = new byte[segments.Length][];
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Utf8Name is not { } name)
            {
                return null;
            }

            names[i] = name;
        }

        return names;
    }

    private readonly record struct Segment(string? Name, byte[]? Utf8Name, int Index);
}
