using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace ProducerGen;

/// <summary>
/// Wraps the runtime's logger so that values a server chose (a request id, a job id, a status) can never carry the API key
/// into a log line: both the formatted message and the structured values are redacted.
/// </summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        var message = redactor.Redact(formatter(state, exception));
        var values = new List<KeyValuePair<string, object?>>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                values.Add(new(key, value is string text && key != "{OriginalFormat}" ? redactor.Redact(text) : value));
            }
        }

        inner.Log(logLevel, eventId, new RedactedState(values, message), exception, static (s, _) => s.Message);
    }

    private sealed class RedactedState(List<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
