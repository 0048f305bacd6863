using System;
using System.Net.Http;

namespace ProducerGen;

/// <summary>
/// Recognises the retrying handlers of the HttpClient ecosystem by type name, so the runtime need not reference their packages:
/// Microsoft.Extensions.Http.Resilience (<c>AddStandardResilienceHandler</c>, <c>AddResilienceHandler</c>) and Microsoft.Extensions.Http.Polly.
/// </summary>
internal static class RetryLayers
{
    private static readonly string[] HandlerTypeNames =
    [
        "Microsoft.Extensions.Http.Resilience.ResilienceHandler",
        "Microsoft.Extensions.Http.PolicyHttpMessageHandler",
    ];

    /// <summary>The retrying handler's type name, or <see langword="null"/> when <paramref name="handler"/> is none.</summary>
    public static string? Describe(DelegatingHandler handler)
    {
        for (var type = handler.GetType(); type is not null; type = type.BaseType)
        {
            if (Array.IndexOf(HandlerTypeNames, type.FullName) >= 0)
            {
                return type.Name;
            }
        }

        return null;
    }
}
