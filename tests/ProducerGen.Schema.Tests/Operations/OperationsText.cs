using System;
using System.Linq;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Operations;

/// <summary>A small valid schema with one answer type, one resource and one operation, which the tests break one part at a time.</summary>
internal static class OperationsText
{
    /// <summary>Where a test adds an operation (a comment line, so the base loads as it is).</summary>
    public const string More = "  # more operations";

    /// <summary>The minimal schema plus <c>types:</c>, <c>resources:</c> and <c>operations:</c>.</summary>
    public static readonly string Base = SchemaText.Minimal + "\n" +
        """
        types:
          Thing:
            properties:
              id: { type: string, required: true }
        resources:
          lora:
            get: GET /v1/loras/{id}
            pending: [PENDING]
            succeeded: [READY]
            failed: [FAILED]
            type: Thing
        operations:
          getThing:
            group: Things
            name: Get
            request: GET /v1/things/{id}
            response: Thing
          # more operations
        """;

    /// <summary>The base with <paramref name="find"/> (which must occur once) replaced by <paramref name="replace"/>.</summary>
    public static string With(string find, string replace)
    {
        var index = Base.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0 && Base.IndexOf(find, index + 1, StringComparison.Ordinal) < 0, $"'{find}' is not in the base once.");
        return Base.Substring(0, index) + replace + Base.Substring(index + find.Length);
    }

    /// <summary>The base with one more operation, <c>extra</c>, written as <paramref name="body"/> (its lines, indented by four).</summary>
    public static string WithOperation(string body) => With(More, "  extra:\n" + body);

    /// <summary>
    /// The 1-based line and column in <paramref name="text"/> of <paramref name="at"/>, which occurs there once; a '|' in
    /// <paramref name="at"/> marks the position inside it (else its start).
    /// </summary>
    public static (int Line, int Column) PositionOf(string text, string at)
    {
        var marker = at.IndexOf('|', StringComparison.Ordinal);
        var plain = at.Replace("|", string.Empty, StringComparison.Ordinal);
        var index = text.IndexOf(plain, StringComparison.Ordinal);
        Assert.True(index >= 0 && text.IndexOf(plain, index + 1, StringComparison.Ordinal) < 0, $"'{plain}' does not occur exactly once in the schema.");
        index += Math.Max(marker, 0);
        var line = text.Take(index).Count(c => c == '\n') + 1;
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var column = index - lineStart + 1;
        return (line, column);
    }

    /// <summary>Loads <paramref name="text"/> and asserts its one diagnostic: id, position of <paramref name="at"/> and a phrase.</summary>
    public static SchemaDiagnostic AssertSingle(string text, string id, string at, string phrase)
    {
        var result = SchemaLoader.Load(text);

        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(SchemaSeverity.Error, diagnostic.Severity);
        Assert.Equal(PositionOf(text, at), (diagnostic.Range.StartLine, diagnostic.Range.StartColumn));
        Assert.Contains(phrase, diagnostic.Message, StringComparison.Ordinal);
        return diagnostic;
    }
}
