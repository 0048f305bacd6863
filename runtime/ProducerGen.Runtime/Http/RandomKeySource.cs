using System;
using System.IO;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace ProducerGen;

/// <summary>
/// Random version-4 UUIDs from the operating system's cryptographic generator, fetched in batches. <see cref="Guid.NewGuid"/> asks
/// the kernel for 16 bytes per call: on Linux that was one <c>read</c> of <c>/dev/urandom</c> per submission, a quarter to a half of a
/// submit's time (issue 20, profiled with perf). Same generator, same randomness, one system call per <see cref="KeysPerBatch"/> keys.
/// On Linux the batch is read from the kernel's device, the source <see cref="Guid.NewGuid"/> reads, rather than through
/// <see cref="RandomNumberGenerator"/>: there that goes through OpenSSL, and mapping libcrypto for 16 bytes a submission cost every
/// process ~4 MB of resident memory (issue 20 target 4, measured with <c>/proc/PID/smaps</c>; plain HTTP needs no OpenSSL otherwise).
/// </summary>
internal static class RandomKeySource
{
    /// <summary>How many keys one call to the generator supplies (per thread).</summary>
    internal const int KeysPerBatch = 32;

    private const int GuidBytes = 16;

    private const string KernelDevice = "/dev/urandom";

    // Opened once for the process, as the runtime keeps its own descriptor for Guid.NewGuid; null where there is none to open.
    private static readonly SafeFileHandle? s_kernel = OpenKernelDevice();

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
            Fill(batch, s_kernel);
            t_next = 0;
        }

        var bytes = batch.AsSpan(t_next++ * GuidBytes, GuidBytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4: the high nibble of the third group (stored little-endian)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10xx
        var uuid = new Guid(bytes);
        bytes.Clear(); // a key handed out does not stay readable in the batch
        return uuid;
    }

    /// <summary>Where the batches come from: the kernel's device on Linux, <see cref="RandomNumberGenerator"/> elsewhere.</summary>
    internal static string Source => s_kernel is null ? nameof(RandomNumberGenerator) : KernelDevice;

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="kernel"/>, or from the platform's generator when it cannot.</summary>
    internal static void Fill(Span<byte> buffer, SafeFileHandle? kernel)
    {
        if (kernel is null || !TryRead(kernel, buffer))
        {
            RandomNumberGenerator.Fill(buffer);
        }
    }

    private static bool TryRead(SafeFileHandle kernel, Span<byte> buffer)
    {
        try
        {
            // The device ignores the offset; a read can come back short when a signal arrives, so read until the batch is full.
            for (var rest = buffer; !rest.IsEmpty;)
            {
                var read = RandomAccess.Read(kernel, rest, fileOffset: 0);
                if (read <= 0)
                {
                    return false;
                }

                rest = rest[read..];
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The kernel's device at <paramref name="path"/>, or null off Linux or when it is not a random device: a regular file planted at
    /// the path (a chroot, a container image) would hand out the same bytes at offset 0 every time, which would be the same keys.
    /// </summary>
    internal static SafeFileHandle? OpenKernelDevice(string path = KernelDevice)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Span<byte> first = stackalloc byte[GuidBytes];
            Span<byte> second = stackalloc byte[GuidBytes];
            if (RandomAccess.GetLength(handle) == 0 && TryRead(handle, first) && TryRead(handle, second) && !first.SequenceEqual(second))
            {
                return handle; // a device: no length, and two reads that differ
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // a sandbox without the device: the platform's generator
        }

        handle?.Dispose();
        return null;
    }
}
