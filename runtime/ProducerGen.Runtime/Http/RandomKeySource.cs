using System;
using System.Security.Cryptography;

namespace ProducerGen;

/// <summary>
/// Random version-4 UUIDs from the operating system's cryptographic generator, fetched in batches. <see cref="Guid.NewGuid"/> asks
/// the kernel for 16 bytes per call: on Linux that was one <c>read</c> of <c>/dev/urandom</c> per submission, a quarter to a half of a
/// submit's time (issue 20, profiled with perf). Same generator, same randomness, one system call per <see cref="KeysPerBatch"/> keys.
/// </summary>
internal static class RandomKeySource
{
    /// <summary>How many keys one call to the generator supplies (per thread).</summary>
    internal const int KeysPerBatch = 32;

    private const int GuidBytes = 16;

    // Per thread: no lock on the submit path, and no two threads can hand out the same bytes.
    [ThreadStatic]
    private static byte[]? t_batch;

    [ThreadStatic]
    private static int t_next;

    /// <summary>A new random (version 4, RFC 9562 variant) UUID, as <see cref="Guid.NewGuid"/> makes one.</summary>
    public static Guid NewUuid()
    {
        var batch = t_batch;
        if (batch is null || t_next == KeysPerBatch)
        {
            batch = t_batch ??= new byte[GuidBytes * KeysPerBatch];
            RandomNumberGenerator.Fill(batch);
            t_next = 0;
        }

        var bytes = batch.AsSpan(t_next++ * GuidBytes, GuidBytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4: the high nibble of the third group (stored little-endian)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10xx
        var uuid = new Guid(bytes);
        bytes.Clear(); // a key handed out does not stay readable in the batch
        return uuid;
    }
}
