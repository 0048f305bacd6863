using System;
using System.Collections.Generic;
using System.Linq;

namespace ProducerGen;

/// <summary>The outcome of validating a request: every violation at once.</summary>
public sealed class ValidationResult
{
    /// <summary>Creates a result holding <paramref name="errors"/>.</summary>
    /// <param name="errors">The violations; empty when the request is valid.</param>
    public ValidationResult(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors.ToArray();
    }

    /// <summary>A result without violations.</summary>
    public static ValidationResult Valid { get; } = new([]);

    /// <summary>The violations, in the order they were found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Whether there are no violations.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Throws <see cref="RequestValidationException"/> listing every violation when there are any.</summary>
    /// <exception cref="RequestValidationException">The request is invalid.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new RequestValidationException(Errors);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IsValid ? "Valid" : string.Join("; ", Errors);
}
