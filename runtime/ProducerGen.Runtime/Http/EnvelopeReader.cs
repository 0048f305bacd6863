using System;
using System.Linq;
using System.Text.Json;

namespace ProducerGen;

/// <summary>A <see cref="ResponseEnvelope"/> with its paths parsed once.</summary>
internal sealed class EnvelopeReader
{
    private readonly ResponsePath _code;
    private readonly ResponsePath[] _messages;

    public EnvelopeReader(ResponseEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope.SuccessCodes);
        if (envelope.SuccessCodes.Count == 0)
        {
            throw new ArgumentException("An envelope needs at least one success code.", nameof(envelope));
        }

        Envelope = envelope;
        _code = ResponsePath.Parse(envelope.CodePath, nameof(ResponseEnvelope.CodePath));
        _messages = envelope.MessagePaths.Select(path => ResponsePath.Parse(path, nameof(ResponseEnvelope.MessagePaths))).ToArray();
    }

    public ResponseEnvelope Envelope { get; }

    /// <summary>The failure code and message when <paramref name="root"/> is a failed envelope; null when it succeeded or names no code.</summary>
    public (string Code, string? Message)? Failure(JsonElement root)
    {
        if (_code.ReadText(root) is not { } code || Envelope.SuccessCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return (code, ErrorReader.FirstText(_messages, root));
    }
}
