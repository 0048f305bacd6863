using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 20: idempotency keys come from the OS generator in batches; they must stay random v4 UUIDs, unique across threads.</summary>
public class RandomKeySourceTests
{
    [Fact]
    public void Every_key_is_a_version_4_uuid_of_the_rfc_variant()
    {
        for (var i = 0; i < 3 * RandomKeySource.KeysPerBatch; i++) // across batch refills
        {
            var text = RandomKeySource.NewUuid().ToString("D");
            Assert.Equal('4', text[14]);
            Assert.Contains(text[19], "89ab");
        }
    }

    [Fact]
    public void Keys_do_not_repeat_within_a_thread_or_across_threads()
    {
        var seen = new ConcurrentDictionary<Guid, byte>();
        var duplicates = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 10 * RandomKeySource.KeysPerBatch; i++)
            {
                if (!seen.TryAdd(RandomKeySource.NewUuid(), 0))
                {
                    Interlocked.Increment(ref duplicates);
                }
            }
        });

        Assert.Equal(0, duplicates);
        Assert.Equal(8 * 10 * RandomKeySource.KeysPerBatch, seen.Count);
    }

    [Fact]
    public void The_bits_are_random_not_a_counter()
    {
        // 4,096 keys: every one of the 122 random bits is set in between 40 % and 60 % of them (a counter or a fixed batch fails this).
        const int keys = 4096;
        var ones = new int[128];
        for (var k = 0; k < keys; k++)
        {
            var bytes = RandomKeySource.NewUuid().ToByteArray();
            for (var bit = 0; bit < 128; bit++)
            {
                ones[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
        }

        var fixedBits = new HashSet<int> { 60, 61, 62, 63, 70, 71 }; // byte 7's high nibble (version) and byte 8's top two bits (variant)
        for (var bit = 0; bit < 128; bit++)
        {
            if (!fixedBits.Contains(bit))
            {
                Assert.InRange(ones[bit], keys * 4 / 10, keys * 6 / 10);
            }
        }
    }

    [Fact]
    public void A_generated_idempotency_key_is_32_lower_case_hex_digits_and_honours_the_length_limit()
    {
        var key = IdempotencyKeys.Resolve(null, null);
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Equal(20, IdempotencyKeys.Resolve(null, 20).Length);
    }

    [Fact]
    public void On_linux_the_batches_come_from_the_kernel_device_not_through_openssl()
    {
        // RandomNumberGenerator goes through libcrypto on Linux, which a plain-HTTP client would otherwise never map (issue 20 target 4).
        Assert.Equal(OperatingSystem.IsLinux() ? "/dev/urandom" : "RandomNumberGenerator", RandomKeySource.Source);
    }

    [Fact]
    public void A_device_that_gives_nothing_falls_back_to_the_platform_generator() => WithTempFile(empty =>
    {
        // The file is empty: reads return 0 bytes, as a device that stopped answering would.
        using var handle = File.OpenHandle(empty);
        var first = new byte[64];
        var second = new byte[64];
        RandomKeySource.Fill(first, handle);
        RandomKeySource.Fill(second, handle);
        Assert.NotEqual(new byte[64], first);
        Assert.NotEqual(first, second);
    });

    [Fact]
    public void A_closed_device_handle_falls_back_to_the_platform_generator() => WithTempFile(file =>
    {
        var handle = File.OpenHandle(file);
        handle.Dispose();
        var buffer = new byte[64];
        RandomKeySource.Fill(buffer, handle);
        Assert.NotEqual(new byte[64], buffer);
    });

    [Fact]
    public void A_regular_file_planted_where_the_device_should_be_is_refused()
    {
        // Read at offset 0, a file would give the same bytes, so the same keys, every time.
        WithTempFile(planted =>
        {
            File.WriteAllBytes(planted, new byte[4096]);
            Assert.Null(RandomKeySource.OpenKernelDevice(planted));
            File.WriteAllBytes(planted, System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096));
            Assert.Null(RandomKeySource.OpenKernelDevice(planted));
            Assert.Null(RandomKeySource.OpenKernelDevice(planted + ".missing"));
        });

        using var device = RandomKeySource.OpenKernelDevice();
        Assert.Equal(OperatingSystem.IsLinux(), device is not null);
    }

    private static void WithTempFile(Action<string> test)
    {
        var path = Path.GetTempFileName();
        try
        {
            test(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
