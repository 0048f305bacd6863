using System;
using System.IO;
using System.Linq;
using System.Text;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Fuzzing;

/// <summary>
/// Property test: thousands of random and mutated documents never make the loader throw, and a
/// result is either a document or at least one error. (The long-running fuzz campaign lives in the
/// reliability suite; this fast subset runs in CI with a fixed seed so failures reproduce.)
/// </summary>
public class LoaderNeverThrowsTests
{
    private static readonly string[] Seeds =
    {
        SchemaText.Minimal,
        File.ReadAllText(SchemaText.Shipped("apiframe-music.producergen.yaml")),
    };

    private static readonly string[] Tokens =
    {
        "type: string", "type: integer", "type: number", "type: array", "type: object", "min: -1e308", "max: .inf",
        "step: 0", "enum: [a, a]", "default: ~", "&x", "*x", "<<: *x", "- ", "{", "}", "[", "]", ": ", "\"", "'", "\t",
        "\u0000", "\u202e", "😀", "NaN", "9999999999999999999999", "---\n", "...", "? ", "!!binary", "%YAML 1.2\n",
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Mutated_documents_never_throw(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1_500; i++)
        {
            var text = Mutate(Seeds[random.Next(Seeds.Length)], random);

            var result = SchemaLoader.Load(text);

            Assert.True(result.Document is not null ^ result.HasErrors, $"seed {seed}, case {i}: a result is either a document or has errors");
            Assert.All(result.Diagnostics, d => Assert.True(d.Range.StartLine >= 1 && d.Range.StartColumn >= 1, d.Message));
        }
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(42);
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);

            var result = SchemaLoader.Load(Encoding.UTF8.GetString(bytes));

            Assert.True(result.HasErrors);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && builder.Length > 0; e++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0: // flip a character
                    builder[at] = (char)random.Next(1, 128);
                    break;
                case 1: // delete a line
                    var lines = builder.ToString().Split('\n').ToList();
                    lines.RemoveAt(random.Next(lines.Count));
                    builder = new StringBuilder(string.Join("\n", lines));
                    break;
                case 2: // insert a grammar token
                    builder.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3: // swap a type
                    var swapped = builder.ToString().Replace("type: number", "type: " + new[] { "string", "boolean", "url", "array", "object", "banana" }[random.Next(6)]);
                    builder = new StringBuilder(swapped);
                    break;
                default: // duplicate a span
                    var length = Math.Min(random.Next(1, 80), builder.Length - at);
                    builder.Insert(at, builder.ToString(at, length));
                    break;
            }
        }

        return builder.ToString();
    }
}
