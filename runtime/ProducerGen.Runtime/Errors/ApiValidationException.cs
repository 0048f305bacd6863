using System.Collections.Generic;

namespace ProducerGen;

/// <summary>The service refused the request body (HTTP 400), with its per-path details.</summary>
public sealed class ApiValidationException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response.</param>
    /// <param name="details">The service's messages keyed by JSON path.</param>
    public ApiValidationException(string message, ApiResponseInfo response, IReadOnlyDictionary<string, IReadOnlyList<string>> details)
        : base(message, response)
    {
        Details = details;
    }

    /// <summary>The service's messages keyed by JSON path (empty when it sent none).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Details { get; }
}
