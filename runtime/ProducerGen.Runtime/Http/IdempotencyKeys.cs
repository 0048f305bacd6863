using System;
using System.Globalization;
using System.IO;

namespace ProducerGen;

/// <summary>Creates and checks idempotency keys: one per submission, reused by every retry of it.</summary>
internal static class IdempotencyKeys
{
    private const int KeyBytes = 16; // 128 random bits, written as 32 lowercase hex digits (the length of a Guid's "N" form)
    private const int BufferedKeys = 64;

    // Issue 20: on Linux Guid.NewGuid reads the kernel's random source once per call (2.3 µs per key on the benchmark machine
    // under load, 18 % of an in-memory submit); reading /dev/urandom for 64 keys at once makes that one read per 64 submits.
    // Not RandomNumberGenerator: it maps OpenSSL (~5 MB resident) into a plain-HTTP client. Elsewhere, or when the device
    // cannot be opened, Guid.NewGuid as before.
    private static readonly Stream? Urandom = OpenUrandom();

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_next;

    /// <summary>A new idempotency key: 128 bits from the system's cryptographic random source, as 32 lowercase hex digits.</summary>
    internal static string NewKey()
    {
        if (Urandom is not { } urandom)
        {
            return Guid.NewGuid().ToString("N");
        }

        var buffer = t_random;
        var next = t_next;
        if (buffer is null || next >= buffer.Length)
        {
            buffer ??= t_random = new byte[KeyBytes * BufferedKeys];
            lock (urandom)
            {
                urandom.ReadExactly(buffer); // never reused: each key takes the next 16 bytes, then the buffer is read anew
            }

            next = 0;
        }

        var key = string.Create(KeyBytes * 2, (buffer, next), static (chars, source) =>
        {
            var bytes = source.buffer.AsSpan(source.next, KeyBytes);
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
                chars[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 0xF];
            }

            bytes.Clear();
        });
        t_next = next + KeyBytes;
        return key;
    }

    private static Stream? OpenUrandom()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return new FileStream("/dev/urandom", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public static string Resolve(string? callerKey, int? maxLength)
    {
        if (callerKey is null)
        {
            var key = NewKey();
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
