using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Reliability.Tests.Fuzzing;

/// <summary>
/// A response path the loader accepts is emitted into the generated <c>ApiDescription</c>; if the runtime then refused it,
/// the generated client would throw while its type initializes. Random paths over the syntax's alphabet: every path the
/// loader accepts must be one the runtime builds a description from and reads (the loader may be stricter, never looser).
/// </summary>
public sealed class ResponsePathAgreementTests
{
    private const string Alphabet = "ab_$.[]09 -\t";

    [Fact]
    public void Every_path_the_loader_accepts_is_one_the_runtime_reads()
    {
        var random = new Random(15);
        var disagreements = new List<string>();
        var accepted = 0;
        for (var i = 0; i < 20_000 && disagreements.Count < 10; i++)
        {
            var builder = new StringBuilder();
            for (var n = random.Next(1, 14); n > 0; n--)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            var path = builder.ToString();
            if (!ResponsePathSyntax.IsValid(path))
            {
                continue;
            }

            accepted++;
            try
            {
                var api = Api(new JobShape { StatusPath = path, ResultPath = path });
                Job.Parse(Encoding.UTF8.GetBytes("""{"id":"j","status":"QUEUED"}"""), api); // reading must not throw for a missing path either
            }
            catch (Exception exception) when (exception is ArgumentException or JsonException)
            {
                if (exception is ArgumentException)
                {
                    disagreements.Add($"'{path}': {exception.Message}");
                }
            }
        }

        Assert.True(accepted > 1_000, $"only {accepted} valid paths were generated; widen the alphabet");
        Assert.Empty(disagreements);
    }

    [Theory]
    [InlineData("items[1].url", """{"items":[{"url":"a"},{"url":"b"}]}""", "b")]
    [InlineData("a[0][1]", """{"a":[[1,2]]}""", "2")]
    [InlineData("$x.y", """{"$x":{"y":true}}""", "true")]
    public void Paths_the_loader_accepts_read_the_value_they_name(string path, string json, string expected)
    {
        // The value sits under 'v', so the status path is 'v.' + path; the status reads strings, numbers and booleans as text.
        Assert.True(ResponsePathSyntax.IsValid("v." + path));
        var api = Api(new JobShape { IdPath = "id", StatusPath = "v." + path });

        var job = Job.Parse(Encoding.UTF8.GetBytes($$"""{"id":"j","v":{{json}}}"""), api);

        Assert.Equal(expected, job.Status);
    }

    private static ApiDescription Api(JobShape shape) => new(
        "Fuzz", new Uri("https://api.fuzz.test"), "X-Key", null, null, null, "/v1/jobs/{id}", "id", ["QUEUED"], ["DONE"], ["FAILED"], null, null, authPrefix: null)
    {
        JobShape = shape,
    };
}
