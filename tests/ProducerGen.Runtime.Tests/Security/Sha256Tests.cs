using System.Text;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 20: the redactor's managed SHA-256 (which keeps OpenSSL out of a plain-HTTP client) is the platform's SHA-256.</summary>
public class Sha256Tests
{
    [Fact]
    public void Known_vectors_of_FIPS_180_2()
    {
        Assert.Equal("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Convert.ToHexString(Sha256.HashData([])));
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Convert.ToHexString(Sha256.HashData("abc"u8)));
        Assert.Equal("248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1", Convert.ToHexString(Sha256.HashData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8)));
    }

    [Fact]
    public void Equals_the_platform_hash_at_every_length_across_the_block_and_padding_boundaries()
    {
        var random = new Random(20);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.HashData(data));
        }
    }

    [Fact]
    public void The_redactor_still_removes_the_hex_and_base64_digest_of_the_key()
    {
        const string key = "sk-live-0123456789abcdef";
        var digest = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var redactor = SecretRedactor.For(key)!;
        Assert.Equal("sig=*** b64=***", redactor.Redact($"sig={Convert.ToHexString(digest)} b64={Convert.ToBase64String(digest).TrimEnd('=')}"));
    }
}
