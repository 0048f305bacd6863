using System.Linq;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary><c>api.jobs.hold</c>: a submission the service can hold until the job is done (issue 20, target 3).</summary>
public class JobHoldLoadingTests
{
    private const string Jobs = "    get: GET /v1/jobs/{id}";

    private static string WithHold(string hold) => SchemaText.With(Jobs, Jobs + "\n    hold: " + hold);

    [Fact]
    public void A_hold_loads_its_header_value_and_maximum_in_seconds()
    {
        var result = SchemaLoader.Load(WithHold("{ header: Prefer, value: \"wait={seconds}\", max: 1m }"));

        Assert.Empty(result.Diagnostics);
        var hold = result.Document!.Api.Jobs.Hold!;
        Assert.Equal(("Prefer", "wait={seconds}", 60), (hold.Header, hold.Value, hold.MaxSeconds));
        Assert.Null(result.Document.Api.Jobs.Shape); // the hold is no part of the job's shape: the v1 shape stays v1
    }

    [Fact]
    public void Without_a_hold_the_jobs_spec_has_none()
    {
        var result = SchemaLoader.Load(SchemaText.Minimal);

        Assert.Null(result.Document!.Api.Jobs.Hold);
    }

    [Fact]
    public void A_hold_header_that_every_request_already_sends_is_refused_at_the_hold()
    {
        var yaml = WithHold("{ header: Prefer, value: \"wait={seconds}\", max: 60s }")
            .Replace("  auth: { header: X-API-Key, env: DEMO_KEY }", "  auth: { header: X-API-Key, env: DEMO_KEY }\n  headers: { prefer: respond-async }", System.StringComparison.Ordinal);

        var diagnostic = Assert.Single(SchemaLoader.Load(yaml).Diagnostics);

        Assert.Equal(SchemaDiagnosticIds.InvalidValue, diagnostic.Id);
        Assert.Contains("also in 'api.headers'", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Equal((9, 21), (diagnostic.Range.StartLine, diagnostic.Range.StartColumn));
    }

    [Fact]
    public void A_hold_header_that_is_the_idempotency_header_is_refused()
    {
        var yaml = WithHold("{ header: Idempotency-Key, value: \"wait={seconds}\", max: 60s }")
            .Replace("  auth: { header: X-API-Key, env: DEMO_KEY }", "  auth: { header: X-API-Key, env: DEMO_KEY }\n  idempotency: { header: idempotency-key }", System.StringComparison.Ordinal);

        var diagnostic = Assert.Single(SchemaLoader.Load(yaml).Diagnostics);

        Assert.Equal(SchemaDiagnosticIds.InvalidValue, diagnostic.Id);
        Assert.Contains("set by the client itself", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_hold_with_every_key_wrong_reports_each_problem_in_one_load()
    {
        var ids = SchemaLoader.Load(WithHold("{ header: 'a b', value: wait, max: 0s }")).Diagnostics.Select(d => d.Id).OrderBy(id => id).ToArray();

        Assert.Equal(new[] { SchemaDiagnosticIds.InvalidValue, SchemaDiagnosticIds.MalformedHoldValue, SchemaDiagnosticIds.InvalidHoldMaximum }, ids);
    }
}
