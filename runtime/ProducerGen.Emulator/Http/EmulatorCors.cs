using Microsoft.AspNetCore.Cors.Infrastructure;

namespace ProducerGen.Emulator.Http;

/// <summary>
/// The emulator's CORS policy, applied by ASP.NET Core's CORS middleware ahead of the API-key check, so a browser's
/// preflight (<c>OPTIONS</c> with <c>Access-Control-Request-Method</c>) is answered 204 without a key.
/// </summary>
internal static class EmulatorCors
{
    /// <summary>Headers a browser script may read from the emulator's answers.</summary>
    private static readonly string[] ExposedHeaders = ["x-request-id", "Retry-After", "Location"];

    /// <summary>Builds the policy for <paramref name="origins"/>: any origin when it holds <see cref="EmulatorOptions.AnyCorsOrigin"/>.</summary>
    public static void Configure(CorsPolicyBuilder policy, IEnumerable<string> origins)
    {
        var list = origins.ToList();
        if (list.Contains(EmulatorOptions.AnyCorsOrigin))
        {
            policy.AllowAnyOrigin();
        }
        else
        {
            policy.WithOrigins([.. list]);
        }

        // Keys travel in a header, not cookies: no credentials, so any origin may be allowed.
        policy.AllowAnyMethod().AllowAnyHeader().WithExposedHeaders(ExposedHeaders).SetPreflightMaxAge(TimeSpan.FromMinutes(10));
    }
}
