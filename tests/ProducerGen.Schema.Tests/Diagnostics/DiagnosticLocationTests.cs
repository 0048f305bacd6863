using System.Linq;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Diagnostics;

/// <summary>Every diagnostic id, provoked by a broken file, reported with its id at the offending line and column.</summary>
public class DiagnosticLocationTests
{
    public static TheoryData<string, string, string, int, int, string> BrokenFiles => new()
    {
        // find, replace, id, line, column, a phrase the message must contain
        { "producergen: 1", "producergen: 1\n  bad: [ indentation", "PG0001", 2, 6, "not valid YAML" },
        { "producergen: 1", "producergen: 2", "PG0002", 1, 14, "'producergen: 1'" },
        { "producergen: 1\n", string.Empty, "PG0002", 1, 1, "Add 'producergen: 1'" },
        { "  name: Demo", "  name: Demo\n  nmae: Demo", "PG0003", 4, 3, "Did you mean 'name'?" },
        { "  name: Demo\n", string.Empty, "PG0004", 3, 3, "missing the required key 'name'" },
        { "type: number, min: 0", "type: decimal, min: 0", "PG0005", 18, 26, "use one of string, integer, number" },
        { "{ type: string, required: true }", "{ type: string, required: true, step: 1 }", "PG0006", 12, 47, "'step' does not apply" },
        { "min: 0, max: 1", "min: 2, max: 1", "PG0007", 18, 39, "min 2 above max 1" },
        { "{ type: string, required: true }", "{ type: string, minLength: 9, maxLength: 3 }", "PG0007", 12, 42, "minLength 9 above maxLength 3" },
        { "step: 0.05", "step: 0", "PG0008", 18, 56, "greater than zero (was 0)" },
        { "step: 0.05", "step: -0.5", "PG0008", 18, 56, "greater than zero (was -0.5)" },
        { "step: 0.05 }", "step: 0.05, default: 0.33 }", "PG0009", 18, 71, "not on the grid of step 0.05" },
        { "step: 0.05 }", "step: 0.05, default: 1.5 }", "PG0009", 18, 71, "outside the allowed range 0..1" },
        { "{ type: string, required: true }", "{ type: string, enum: [a, b], default: c }", "PG0009", 12, 54, "not one of the enum values (a, b)" },
        { "{ type: string, required: true }", "{ type: string, enum: [a, b, a] }", "PG0010", 12, 44, "lists 'a' twice" },
        { "{ type: string, required: true }", "{ type: string, enum: [16:9, 16-9] }", "PG0011", 12, 44, "both map to the C# name '_16_9'" },
        { "      weirdness:", "      model_version: { type: string }\n      model-version: { type: string }\n      weirdness:", "PG0011", 19, 7, "'model_version' and 'model-version'" },
        { "endpoint: gen", "endpoint: gne", "PG0012", 15, 15, "Did you mean 'gen'?" },
        { "request: POST /v1/generate", "request: POST v1/generate", "PG0013", 10, 14, "is not a route" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs", "PG0013", 7, 10, "no '{id}' placeholder" },
        { "https://api.example.com", "api.example.com", "PG0014", 4, 12, "not an absolute http(s) URL" },
        { "https://api.example.com", "ftp://api.example.com", "PG0014", 4, 12, "not an absolute http(s) URL" },
        { "  name: Demo", "  name: [Demo]", "PG0015", 3, 9, "must be a single value" },
        { "min: 0, max: 1", "min: zero, max: 1", "PG0015", 18, 39, "'min' must be a number" },
        { "    paramsKey: alphaParams", "    paramsKey: alphaParams\n    averageCompletion: soon", "PG0016", 17, 24, "not a duration" },
        { "{ type: string, required: true }", "{ type: string, pattern: '[a-' }", "PG0016", 12, 40, "not a valid regular expression" },
        { "min: 0, max: 1", "min: .nan, max: 1", "PG0015", 18, 39, "'min' must be a number" },
        { "min: 0, max: 1", "min: 1e400, max: 1", "PG0016", 18, 39, "finite number" },
        { "{ type: string, required: true }", "{ type: string, required: true, type: url }", "PG0018", 12, 47, "appears twice" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    idPath: data..taskId", "PG0019", 8, 13, "not a path into the answer" },
        { "models:", "operations:\n  getMe:\n    group: Account\n    name: Get\n    request: GET /v1/me\n    response: Acount\nmodels:", "PG0020", 18, 15, "names the type 'Acount', which 'types:' does not declare" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: wait, max: 60s }", "PG0021", 8, 36, "must hold '{seconds}' exactly once" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: 'wait={seconds}&{seconds}', max: 60s }", "PG0021", 8, 36, "must hold '{seconds}' exactly once" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: 'wait={seconds};{ms}', max: 60s }", "PG0021", 8, 36, "no other brace" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: 'wait={seconds}', max: 0s }", "PG0022", 8, 59, "whole number of seconds from 1s to 1h" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: 'wait={seconds}', max: 1500ms }", "PG0022", 8, 59, "whole number of seconds" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: 'wait={seconds}', max: 2h }", "PG0022", 8, 59, "from 1s to 1h" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: 'wait={seconds}', max: soon }", "PG0022", 8, 59, "e.g. '60s'" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: 'Pre fer', value: 'wait={seconds}', max: 60s }", "PG0016", 8, 21, "is not an HTTP header name" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: X-API-Key, value: 'wait={seconds}', max: 60s }", "PG0016", 8, 21, "is set by the client itself" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: 'wait={seconds}' }", "PG0004", 8, 11, "missing the required key 'max'" },
        { "get: GET /v1/jobs/{id}", "get: GET /v1/jobs/{id}\n    hold: { header: Prefer, value: 'wait={seconds}', max: 60s, min: 1s }", "PG0003", 8, 64, "is not a key of" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Broken_file_reports_its_diagnostic_at_the_offending_position(string find, string replace, string id, int line, int column, string phrase)
    {
        var result = SchemaLoader.Load(SchemaText.With(find, replace));

        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(SchemaSeverity.Error, diagnostic.Severity);
        Assert.Equal((line, column), (diagnostic.Range.StartLine, diagnostic.Range.StartColumn));
        Assert.Contains(phrase, diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_bomb_is_a_bounded_diagnostic_not_a_hang()
    {
        var bomb = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        var result = SchemaLoader.Load(bomb.ToString());

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(SchemaDiagnosticIds.DocumentTooLarge, diagnostic.Id);
        // a5 is the first anchor whose expansion passes a million nodes (11, 111, ..., 1.1 M).
        Assert.Equal(6, diagnostic.Range.StartLine);
    }

    [Fact]
    public void Deep_nesting_is_a_diagnostic_not_a_stack_overflow()
    {
        var deep = "producergen: 1\napi: " + new string('[', 100_000) + new string(']', 100_000);

        var result = SchemaLoader.Load(deep);

        Assert.Equal(SchemaDiagnosticIds.DocumentTooLarge, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Oversized_file_is_rejected_before_parsing()
    {
        var huge = "producergen: 1\n# " + new string('x', (8 * 1024 * 1024) + 1);

        var result = SchemaLoader.Load(huge);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(SchemaDiagnosticIds.DocumentTooLarge, diagnostic.Id);
        Assert.Equal((1, 1), (diagnostic.Range.StartLine, diagnostic.Range.StartColumn));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_one_load()
    {
        var yaml = SchemaText.With("min: 0, max: 1, step: 0.05", "min: 2, max: 1, step: 0, colour: red");

        var ids = SchemaLoader.Load(yaml).Diagnostics.Select(d => d.Id).OrderBy(id => id).ToArray();

        Assert.Equal(new[] { "PG0003", "PG0007", "PG0008" }, ids);
    }

    [Fact]
    public void Every_catalogued_id_is_exercised_by_a_broken_file()
    {
        var catalogued = typeof(SchemaDiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        var tested = BrokenFiles.Select(row => (string)row[2]).ToHashSet();
        tested.Add(SchemaDiagnosticIds.DocumentTooLarge);

        Assert.Empty(catalogued.Except(tested));
    }
}
