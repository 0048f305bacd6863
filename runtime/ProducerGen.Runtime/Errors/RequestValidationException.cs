using System;
using System.Collections.Generic;
using System.Linq;

namespace ProducerGen;

/// <summary>A request broke the schema's constraints; it was refused before any byte went on the wire.</summary>
public sealed class RequestValidationException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">Every violation.</param>
    public RequestValidationException(IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors.ToArray();
    }

    /// <summary>Every violation, each with its JSON path.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count == 1 ? "1 constraint" : $"{errors.Count} constraints";
        return $"The request breaks {count}: " + string.Join("; ", errors.Select(e => $"{e.Path} {e.Message}"));
    }
}
