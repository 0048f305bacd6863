using System;
using System.Globalization;

namespace ProducerGen;

/// <summary>Creates and checks idempotency keys: one per submission, reused by every retry of it.</summary>
internal static class IdempotencyKeys
{
    public static string Resolve(string? callerKey, int? maxLength)
    {
        if (callerKey is null)
        {
            var key = RandomKeySource.NewUuid().ToString("N");
            return maxLength is { } max && key.Length > max ? key[..max] : key;
        }

        if (callerKey.Length == 0 || string.IsNullOrWhiteSpace(callerKey))
        {
            throw new ArgumentException("RequestOptions.IdempotencyKey must not be empty; leave it null to have one generated.", nameof(callerKey));
        }

        if (maxLength is { } limit && callerKey.Length > limit)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"RequestOptions.IdempotencyKey must be at most {limit} characters (was {callerKey.Length})."), nameof(callerKey));
        }

        foreach (var c in callerKey)
        {
            if (c is < '!' or > '~')
            {
                throw new ArgumentException("RequestOptions.IdempotencyKey may hold only visible ASCII characters (no spaces, control or non-ASCII characters), since it travels in an HTTP header.", nameof(callerKey));
            }
        }

        return callerKey;
    }
}
