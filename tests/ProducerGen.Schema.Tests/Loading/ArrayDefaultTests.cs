using System.Linq;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary>An array's <c>default</c> is a list checked against the array and its items; objects have no default.</summary>
public class ArrayDefaultTests
{
    private const string Weirdness = "      weirdness: { type: number, min: 0, max: 1, step: 0.05 }";

    /// <summary>The minimal schema with its one param (line 18, indented 6) replaced by <paramref name="member"/>.</summary>
    private static string WithParam(string member) => SchemaText.With(Weirdness, "      " + member);

    private static MemberSpec LoadParam(string member)
    {
        var result = SchemaLoader.Load(WithParam(member));

        Assert.Empty(result.Diagnostics.Select(d => d.Format("test.yaml")));
        return Assert.Single(result.Document!.Models[0].Params);
    }

    [Theory]
    [InlineData("tags: { type: array, items: { type: string, maxLength: 20 }, maxItems: 5, default: [] }", "[]")]
    [InlineData("tags: { type: array, items: { type: string }, default: [a, b] }", "[\"a\", \"b\"]")]
    [InlineData("tags: { type: array, items: { type: string }, default: ['say \"hi\"', 'a\\b', '1'] }", "[\"say \\\"hi\\\"\", \"a\\\\b\", \"1\"]")]
    [InlineData("tags: { type: array, items: { type: string }, default: [\"tab\\tline\\nnel\\N\"] }", "[\"tab\\tline\\nnel\\u0085\"]")]
    [InlineData("tags: { type: array, items: { type: string, enum: [x, y] }, default: [y] }", "[\"y\"]")]
    [InlineData("seeds: { type: array, items: { type: integer, min: 0, step: 2 }, minItems: 1, maxItems: 2, default: [4, 6.0] }", "[4, 6]")]
    [InlineData("weights: { type: array, items: { type: number, min: 0, max: 5 }, default: [1, 2.50] }", "[1, 2.5]")]
    [InlineData("flags: { type: array, items: { type: boolean }, default: [true, False] }", "[true, false]")]
    [InlineData("images: { type: array, items: { type: url }, default: [https://cdn.example.com/a.png] }", "[\"https://cdn.example.com/a.png\"]")]
    [InlineData("grid: { type: array, items: { type: array, items: { type: integer, max: 5 }, maxItems: 2 }, default: [[1, 2], [], [5]] }", "[[1, 2], [], [5]]")]
    [InlineData("tracks: { type: array, items: { type: object, properties: { id: { type: string } } }, default: [] }", "[]")]
    public void Flow_list_default_loads_with_its_canonical_text(string member, string canonical)
    {
        Assert.Equal(canonical, LoadParam(member).Default);
    }

    [Fact]
    public void Block_list_default_loads_like_a_flow_list()
    {
        var member = LoadParam(
            """
            tags:
                    type: array
                    items: { type: string, maxLength: 20 }
                    maxItems: 5
                    default:
                      - a
                      - "b c"
            """);

        Assert.Equal("[\"a\", \"b c\"]", member.Default);
        Assert.Equal(MemberType.Array, member.Type.Kind);
    }

    [Fact]
    public void Scalar_defaults_keep_their_plain_canonical_text()
    {
        Assert.Equal("a", LoadParam("tag: { type: string, default: a }").Default);
        Assert.Equal("0.5", LoadParam("weirdness: { type: number, default: 0.50 }").Default);
    }

    public static TheoryData<string, int, int, string> BrokenDefaults => new()
    {
        // member on line 18 (column 7 is its first character), line, column, a phrase the message must contain
        { "tags: { type: array, items: { type: string, maxLength: 3 }, default: [ab, abcd] }", 18, 81, "Item [1] 'abcd' of the default of 'alphaParams.tags' is longer than maxLength 3; change or remove that item." },
        { "tags: { type: array, items: { type: string, minLength: 2 }, default: [a] }", 18, 77, "Item [0] 'a' of the default of 'alphaParams.tags' is shorter than minLength 2" },
        { "tags: { type: array, items: { type: string, enum: [x, y] }, default: [x, z] }", 18, 80, "Item [1] 'z' of the default of 'alphaParams.tags' is not one of the enum values (x, y)" },
        { "tags: { type: array, items: { type: string, pattern: '^[a-z]+$' }, default: [ok, Not] }", 18, 88, "does not match the pattern '^[a-z]+$'" },
        { "seeds: { type: array, items: { type: integer, min: 1 }, default: [1, 0] }", 18, 76, "Item [1] '0' of the default of 'alphaParams.seeds' is outside the allowed range 1..Infinity" },
        { "seeds: { type: array, items: { type: integer, min: 0, step: 5 }, default: [10, 12] }", 18, 86, "Item [1] '12' of the default of 'alphaParams.seeds' is not on the grid of step 5 from 0" },
        { "seeds: { type: array, items: { type: integer }, default: [1.5] }", 18, 65, "Item [0] '1.5' of the default of 'alphaParams.seeds' is not a whole number" },
        { "seeds: { type: array, items: { type: integer }, default: [one] }", 18, 65, "is not a whole number" },
        { "flags: { type: array, items: { type: boolean }, default: [yes] }", 18, 65, "Item [0] 'yes' of the default of 'alphaParams.flags' is not true or false" },
        { "images: { type: array, items: { type: url }, default: [cdn.example.com/a.png] }", 18, 62, "Item [0] 'cdn.example.com/a.png' of the default of 'alphaParams.images' is not an absolute http(s) URL" },
        { "tags: { type: array, items: { type: string }, default: [a, ~] }", 18, 66, "Item [1] of the default of 'alphaParams.tags' is null, not a single text value; change or remove that item." },
        { "tags: { type: array, items: { type: string }, default: [[a]] }", 18, 63, "Item [0] of the default of 'alphaParams.tags' is a list, not a single text value" },
        { "tags: { type: array, items: { type: string }, maxItems: 1, default: [a, b] }", 18, 75, "The default of 'alphaParams.tags' has 2 items, more than the maxItems 1; remove items or raise maxItems." },
        { "tags: { type: array, items: { type: string }, minItems: 1, default: [] }", 18, 75, "The default of 'alphaParams.tags' has 0 items, fewer than the minItems 1; add items or lower minItems." },
        { "tags: { type: array, items: { type: string }, default: a }", 18, 62, "The default of 'alphaParams.tags' must be a list, e.g. [] or [a, b], but this is a scalar ('a')." },
        { "tags: { type: array, items: { type: string }, default: ~ }", 18, 62, "must be a list, e.g. [] or [a, b], but this is null." },
        { "tags: { type: array, items: { type: string }, default: { a: b } }", 18, 62, "must be a list, e.g. [] or [a, b], but this is a mapping." },
        { "grid: { type: array, items: { type: array, items: { type: integer, max: 5 } }, default: [[1], [2, 7]] }", 18, 105, "Item [1][1] '7' of the default of 'alphaParams.grid' is outside the allowed range -Infinity..5" },
        { "grid: { type: array, items: { type: array, items: { type: integer }, maxItems: 1 }, default: [[1, 2]] }", 18, 101, "Item [0] of the default of 'alphaParams.grid' has 2 items, more than the maxItems 1 of 'alphaParams.grid[]'" },
        { "grid: { type: array, items: { type: array, items: { type: integer } }, default: [1] }", 18, 88, "Item [0] of the default of 'alphaParams.grid' is a scalar ('1'), not a list, as 'alphaParams.grid[]' is an array" },
        { "tracks: { type: array, items: { type: object, properties: { id: { type: string } } }, default: [{ id: a }] }", 18, 103, "Item [0] of the default of 'alphaParams.tracks' cannot be given: objects have no defaults, so a list of objects can only default to []." },
        { "size: { type: object, properties: { w: { type: integer } }, default: { w: 1 } }", 18, 76, "The default of 'alphaParams.size' is not supported: an object member cannot have a default" },
        { "seed: { type: integer, default: [1] }", 18, 39, "The default of 'alphaParams.seed' must be a single whole number value, but this is a list." },
    };

    [Theory]
    [MemberData(nameof(BrokenDefaults))]
    public void Broken_default_is_PG0009_at_the_offending_item(string member, int line, int column, string phrase)
    {
        var result = SchemaLoader.Load(WithParam(member));

        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(SchemaDiagnosticIds.InvalidDefault, diagnostic.Id);
        Assert.Equal(SchemaSeverity.Error, diagnostic.Severity);
        Assert.Contains(phrase, diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Equal((line, column), (diagnostic.Range.StartLine, diagnostic.Range.StartColumn));
    }

    /// <summary>A block list starts at its first '-': a count violation is reported there, each item at its own line.</summary>
    [Fact]
    public void Every_broken_item_of_a_block_list_is_reported_at_its_line()
    {
        var result = SchemaLoader.Load(WithParam(
            """
            tags:
                    type: array
                    items: { type: string, maxLength: 3 }
                    maxItems: 2
                    default:
                      - toolong
                      - ok
                      - 'also too long'
            """));

        var diagnostics = result.Diagnostics.OrderBy(d => (d.Range.StartLine, d.Range.StartColumn)).ToArray();
        Assert.All(diagnostics, d => Assert.Equal(SchemaDiagnosticIds.InvalidDefault, d.Id));
        Assert.Equal(
            new[] { (23, 11, "has 3 items, more than the maxItems 2"), (23, 13, "Item [0] 'toolong'"), (25, 13, "Item [2] 'also too long'") },
            diagnostics.Select(d => (d.Range.StartLine, d.Range.StartColumn, Phrase(d.Message))));

        static string Phrase(string message) =>
            message.Contains("maxItems", System.StringComparison.Ordinal) ? "has 3 items, more than the maxItems 2" : message.Substring(0, message.IndexOf(" of the default", System.StringComparison.Ordinal));
    }
}
