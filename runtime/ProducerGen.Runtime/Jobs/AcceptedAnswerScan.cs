using System;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ProducerGen;

/// <summary>
/// Reads the texts at a few member-only paths (<c>jobId</c>, <c>data.taskId</c>) of a submit's accepted answer in one pass of a
/// <see cref="Utf8JsonReader"/> over its bytes, where a <see cref="JsonDocument"/> would build a metadata table for the whole body
/// first (the larger part of reading a 202). It gives what <see cref="ResponsePath.ReadText"/> gives on the parsed document: the
/// last of duplicate members wins at every level, escaped names match, a number is its JSON text. Anything else it does not claim
/// to read the same way — a body that is not a valid JSON object up to its end, a string that is not valid UTF-8 — makes
/// <see cref="TryRead"/> return false, and the caller reads the document as before, errors and all.
/// </summary>
internal sealed class AcceptedAnswerScan
{
    /// <summary>The most paths one scan reads: three v1 id members, the status and two links.</summary>
    public const int MaxPaths = 6;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly byte[][][] _paths;

    private AcceptedAnswerScan(byte[][][] paths) => _paths = paths;

    /// <summary>A scan of <paramref name="paths"/> (null entries read nothing), or null when one of them is not member names only.</summary>
    public static AcceptedAnswerScan? Create(ReadOnlySpan<ResponsePath?> paths)
    {
        if (paths.Length > MaxPaths)
        {
            return null;
        }

        var members = new byte[paths.Length][][];
        for (var i = 0; i < paths.Length; i++)
        {
            if (paths[i] is { } path)
            {
                if (path.Utf8Members is not { } names)
                {
                    return null; // an index, the root or a name with no UTF-8 form: the document reads it
                }

                members[i] = names;
            }
            else
            {
                members[i] = [];
            }
        }

        return new AcceptedAnswerScan(members);
    }

    /// <summary>
    /// Puts the text at each path into <paramref name="texts"/> (null where missing, JSON null, an object or an array); false when the
    /// body is not read here (not an object, not valid JSON up to the object's end, text that cannot be decoded).
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> body, Span<string?> texts)
    {
        var count = _paths.Length;
        texts[..count].Clear();

        // matched[i]: how many of path i's names the open objects match, from the root down; a member at depth d is path i's next
        // name when matched[i] == d - 1. One path's pending: 1 when the value just read is its last name's, 2 when an inner name's.
        Span<int> matched = stackalloc int[MaxPaths];
        Span<byte> pending = stackalloc byte[MaxPaths];
        matched.Clear();
        try
        {
            var reader = new Utf8JsonReader(body, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var depth = reader.CurrentDepth;
                        var any = false;
                        for (var i = 0; i < count; i++)
                        {
                            pending[i] = 0;
                            var names = _paths[i];
                            if (matched[i] == depth - 1 && depth <= names.Length && reader.ValueTextEquals(names[depth - 1]))
                            {
                                pending[i] = depth == names.Length ? (byte)1 : (byte)2;
                                texts[i] = null; // a later duplicate replaces what an earlier one held
                                any = true;
                            }
                        }

                        if (any)
                        {
                            reader.Read();
                            for (var i = 0; i < count; i++)
                            {
                                if (pending[i] == 1)
                                {
                                    texts[i] = Text(ref reader);
                                }
                                else if (pending[i] == 2 && reader.TokenType == JsonTokenType.StartObject)
                                {
                                    matched[i] = depth;
                                }
                            }
                        }

                        break;
                    case JsonTokenType.EndObject:
                        if (reader.CurrentDepth == 0)
                        {
                            return true; // the root's end: what follows is not read, as the document parse of the first value did not
                        }

                        for (var i = 0; i < count; i++)
                        {
                            matched[i] = Math.Min(matched[i], reader.CurrentDepth - 1);
                        }

                        break;
                }
            }

            return false;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return false; // the document's read reports it
        }
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan), // a number's JSON text, as GetRawText gives it
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    /// <summary>Room for the texts of one scan, on the stack.</summary>
    [InlineArray(MaxPaths)]
    internal struct Texts
    {
        private string? _first;
    }
}
