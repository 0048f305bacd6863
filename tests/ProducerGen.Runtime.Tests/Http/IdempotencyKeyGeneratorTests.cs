using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 20, target 1: generated idempotency keys come 64 at a time from one read of the system's random source. Each must still
/// be 32 lowercase hex digits, never repeat (within a thread across refills, nor across threads), and carry random bits.
/// </summary>
public sealed class IdempotencyKeyGeneratorTests
{
    [Fact]
    public void Keys_are_32_lowercase_hex_digits_and_never_repeat_across_many_refills()
    {
        var keys = Enumerable.Range(0, 10_000).Select(_ => IdempotencyKeys.NewKey()).ToList();

        Assert.All(keys, key => Assert.Matches("^[0-9a-f]{32}$", key));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Keys_made_on_many_threads_at_once_never_repeat()
    {
        var keys = new ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                keys.Add(IdempotencyKeys.NewKey());
            }
        });

        Assert.Equal(8_000, keys.Count);
        Assert.Equal(8_000, keys.Distinct().Count());
    }

    [Fact]
    public void Every_hex_digit_occurs_in_every_position()
    {
        // 128 random bits: over 2,000 keys each of the 32 positions shows all 16 digits (a fixed nibble, a Guid's version digit,
        // or a byte left zero after use would not). The chance that a random position misses a digit here is below 1e-50.
        var keys = Enumerable.Range(0, 2_000).Select(_ => IdempotencyKeys.NewKey()).ToList();

        for (var position = 0; position < 32; position++)
        {
            Assert.Equal(16, keys.Select(key => key[position]).Distinct().Count());
        }
    }

    [Fact]
    public void A_length_limit_shortens_a_generated_key()
        => Assert.Equal(20, IdempotencyKeys.Resolve(callerKey: null, maxLength: 20).Length);
}
