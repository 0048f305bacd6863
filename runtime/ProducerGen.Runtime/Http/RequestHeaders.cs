using System;
using System.Collections.Generic;

namespace ProducerGen;

/// <summary>Checks the per-call headers of <see cref="RequestOptions.Headers"/> before anything is sent.</summary>
internal static class RequestHeaders
{
    public static void CheckPerCall(IDictionary<string, string>? headers, ApiDescription api)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (string.IsNullOrEmpty(name) || !IsToken(name))
            {
                throw new ArgumentException($"RequestOptions.Headers holds '{name}', which is not an HTTP header name.", nameof(headers));
            }

            if (IsReserved(name, api))
            {
                throw new ArgumentException($"RequestOptions.Headers cannot set '{name}': the client sets it itself (the key, the idempotency key, the body's type and length, the host).", nameof(headers));
            }

            if (value is null || !IsValue(value))
            {
                // Never echo the value: it may be a credential.
                throw new ArgumentException($"The value of header '{name}' in RequestOptions.Headers holds a character no header may carry (a line break, another control character, or one outside ASCII).", nameof(headers));
            }
        }
    }

    private static bool IsReserved(string name, ApiDescription api) =>
        name.Equals(api.AuthHeader, StringComparison.OrdinalIgnoreCase)
        || (api.IdempotencyHeader is { } idempotency && name.Equals(idempotency, StringComparison.OrdinalIgnoreCase))
        || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase);

    private static bool IsToken(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValue(string value)
    {
        foreach (var c in value)
        {
            if (!((c >= ' ' && c <= '~') || c == '\t'))
            {
                return false;
            }
        }

        return true;
    }
}
