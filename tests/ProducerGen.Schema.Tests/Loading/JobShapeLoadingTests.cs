using System.Linq;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Schema.Tests.Loading;

/// <summary>Where the job's facts are (issue 15, items 1, 2, 3 and 7): paths, status sources, progress forms, result and content endpoints, links, envelopes.</summary>
public class JobShapeLoadingTests
{
    private const string Get = "    get: GET /v1/jobs/{id}";

    private static Model.SchemaDocument Load(string jobs, string? apiExtra = null)
    {
        var text = SchemaText.With(Get, jobs);
        if (apiExtra is not null)
        {
            text = text.Replace("  jobs:\n", apiExtra + "\n  jobs:\n", System.StringComparison.Ordinal);
        }

        var result = SchemaLoader.Load(text);
        Assert.Empty(result.Diagnostics);
        return result.Document!;
    }

    [Fact]
    public void A_v1_jobs_section_has_no_shape()
    {
        var jobs = SchemaLoader.Load(SchemaText.Minimal).Document!.Api.Jobs;
        Assert.Null(jobs.Shape);
        Assert.Equal("id", jobs.IdField);
        Assert.Null(SchemaLoader.Load(SchemaText.Minimal).Document!.Api.Envelope);
    }

    [Fact]
    public void Every_path_and_form_loads_as_written()
    {
        var document = Load(
            """
                get: GET /api/v1/jobs/recordInfo?taskId={id}
                idPath: data.taskId
                statusPath: data.state
                pending: [waiting, queuing]
                succeeded: [success]
                failed: [fail]
                progress: { path: data.progress, scale: fraction }
                result: { path: data.resultJson, decode: json }
                error: { path: data.failMsg, codePath: data.failCode, failsJob: true }
                urls: { get: status_url, result: response_url }
                content: { get: "GET /v1/videos/{id}/content", variantQuery: variant, variants: [video, thumbnail] }
                modelPath: data.model
                createdAtPath: data.createTime
                completedAtPath: data.completeTime
            """,
            "  envelope: { codePath: code, success: [200], messagePath: [msg, message] }\n  errors: { messagePath: error.message, codePath: error.code }");

        var jobs = document.Api.Jobs;
        Assert.Equal("/api/v1/jobs/recordInfo?taskId={id}", jobs.Get.Path);
        var shape = jobs.Shape!;
        Assert.Equal(("data.taskId", "data.state", false), (shape.IdPath, shape.StatusPath, shape.StatusFromHttp));
        Assert.Equal(("data.progress", true, (string?)null), (shape.ProgressPath, shape.ProgressFraction, shape.ProgressPattern));
        Assert.Equal(("data.resultJson", true, (Model.Route?)null), (shape.ResultPath, shape.ResultIsJsonText, shape.ResultGet));
        Assert.Equal(("data.failMsg", "data.failCode", true), (shape.ErrorPath, shape.ErrorCodePath, shape.ErrorFailsJob));
        Assert.Equal(("status_url", "response_url"), (shape.StatusUrlPath, shape.ResultUrlPath));
        Assert.Equal("/v1/videos/{id}/content", shape.ContentGet!.Path);
        Assert.Equal(("data.model", "data.createTime", "data.completeTime"), (shape.ModelPath, shape.CreatedAtPath, shape.CompletedAtPath));
        Assert.Equal("variant", shape.ContentVariantQuery);
        Assert.Equal(new[] { "video", "thumbnail" }, shape.ContentVariants);
        var envelope = document.Api.Envelope!;
        Assert.Equal("code", envelope.CodePath);
        Assert.Equal(new[] { "200" }, envelope.Success);
        Assert.Equal(new[] { "msg", "message" }, envelope.MessagePaths);
        Assert.Equal(new[] { "error.message" }, document.Api.Errors!.MessagePaths);
        Assert.Equal("error.code", document.Api.Errors.CodePath);
    }

    [Fact]
    public void Short_forms_are_paths_and_a_result_endpoint_defaults_to_its_whole_answer()
    {
        var shape = Load("    get: GET /v1/{+id}\n    progress: logs_percent\n    error: failure\n    result: { get: \"GET /v1/requests/{id}\" }").Api.Jobs.Shape!;
        Assert.Equal(("logs_percent", "failure", "$"), (shape.ProgressPath, shape.ErrorPath, shape.ResultPath));
        Assert.Equal("/v1/requests/{id}", shape.ResultGet!.Path);
    }

    [Fact]
    public void An_http_status_source_takes_2xx_codes_and_a_boolean_status_its_text()
    {
        var http = Load("    get: GET /v2/results/{id}\n    statusFrom: httpStatus\n    pending: [202]\n    succeeded: [200]\n    failed: []").Api.Jobs;
        Assert.True(http.Shape!.StatusFromHttp);
        Assert.Equal(new[] { "202" }, http.Pending.ToArray());

        var flag = Load("    get: GET /v1/{+id}\n    statusPath: done\n    pending: [false]\n    succeeded: [true]\n    failed: []").Api.Jobs;
        Assert.Equal(new[] { "false" }, flag.Pending.ToArray());
    }

    [Theory]
    [InlineData("    get: GET /v1/jobs\n", 7, 10, "PG0013", "no '{id}'")]
    [InlineData("    get: GET /v1/{app}/jobs/{id}\n", 7, 10, "PG0013", "'{app}'")]
    [InlineData("    get: GET /v1/jobs?x={+id}\n", 7, 10, "PG0013", "query string")]
    [InlineData("    idPath: data..taskId\n", 8, 13, "PG0019", "not a path")]
    [InlineData("    statusPath: \"data.state \"\n", 8, 17, "PG0019", "not a path")]
    [InlineData("    result: \"images[x]\"\n", 8, 13, "PG0019", "not a path")]
    [InlineData("    result: \"images[99999999999]\"\n", 8, 13, "PG0019", "not a path")]
    [InlineData("    idField: jobId\n    idPath: data.taskId\n", 9, 5, "PG0016", "replaces 'idField'")]
    [InlineData("    statusFrom: httpstatus\n", 8, 17, "PG0016", "Did you mean 'httpStatus'")]
    [InlineData("    statusFrom: httpStatus\n    pending: [202]\n    succeeded: [200, 500]\n", 10, 22, "PG0016", "from 200 to 299")]
    [InlineData("    statusFrom: httpStatus\n    succeeded: [200]\n", 8, 17, "PG0004", "'jobs.pending'")]
    [InlineData("    progress: { path: logs, pattern: \"\\\\d+%\" }\n", 8, 38, "PG0016", "group capturing")]
    [InlineData("    progress: { path: logs, pattern: \"(\\\\d+\" }\n", 8, 38, "PG0016", "group capturing")]
    [InlineData("    progress: { path: p, scale: permille }\n", 8, 33, "PG0016", "percent, fraction")]
    [InlineData("    result: { get: \"POST /v1/requests/{id}\" }\n", 8, 20, "PG0013", "method is GET")]
    [InlineData("    result: { path: out, decode: yaml }\n", 8, 34, "PG0016", "not one of json")]
    [InlineData("    content: { variantQuery: variant }\n", 8, 14, "PG0004", "'get'")]
    [InlineData("    content: { get: \"GET /v1/c/{id}\", variants: [video] }\n", 8, 39, "PG0016", "go together")]
    [InlineData("    urls: { }\n", 8, 11, "PG0004", "submit answer's links")]
    [InlineData("    urls: { status: status_url }\n", 8, 13, "PG0003", "'status'")]
    public void Each_misuse_is_located(string jobs, int line, int column, string id, string phrase)
    {
        var text = SchemaText.With(Get + "\n", jobs.StartsWith("    get:", System.StringComparison.Ordinal) ? jobs : Get + "\n" + jobs);
        var result = SchemaLoader.Load(text);

        var error = result.Diagnostics.First(d => d.Id == id);
        Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Range.StartLine, error.Range.StartColumn));
        Assert.Null(result.Document);
    }

    [Theory]
    [InlineData("  envelope: { codePath: code }", "PG0004", "'success'")]
    [InlineData("  envelope: { codePath: code, success: [] }", "PG0015", "non-empty list")]
    [InlineData("  envelope: { codePath: \"code!.\", success: [200] }", "PG0019", "not a path")]
    [InlineData("  errors: { codePath: error.code }", "PG0004", "'messagePath'")]
    [InlineData("  errors: { messagePath: [detail, \"a b\"] }", "PG0019", "not a path")]
    public void Envelope_and_error_misuse_is_reported(string section, string id, string phrase)
    {
        var result = SchemaLoader.Load(SchemaText.Minimal.Replace("  jobs:\n", section + "\n  jobs:\n", System.StringComparison.Ordinal));

        var error = result.Diagnostics.First(d => d.Id == id);
        Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
        Assert.Equal(6, error.Range.StartLine);
    }
}

/// <summary>An endpoint's own job routes (issue 15, item 2): filled per model from the same values as the submit route.</summary>
public class EndpointJobRoutesTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Queue
          baseUrl: https://queue.example.test
          auth: { header: Authorization, prefix: "Key " }
          jobs: { get: "GET /fal-ai/flux/requests/{id}/status" }
        endpoints:
          queue:
            request: POST /{+model}
            bodyLayout: flat
            modelMember: none
            jobs:
              get: GET /{+app}/requests/{id}/status
              result: GET /{+app}/requests/{+id}
        models:
          fal-ai/flux/dev:
            endpoint: queue
            routeParams: { app: fal-ai/flux }
          fal-ai/recraft/v3:
            endpoint: queue
            routeParams: { app: fal-ai/recraft }
        """;

    [Fact]
    public void Each_model_gets_its_endpoints_job_routes_with_its_own_values_and_the_id_kept()
    {
        var result = SchemaLoader.Load(Schema);

        Assert.Empty(result.Diagnostics);
        var models = result.Document!.Models;
        Assert.Equal(("/fal-ai/flux/requests/{id}/status", "/fal-ai/flux/requests/{+id}"), (models[0].JobGetPath, models[0].JobResultPath));
        Assert.Equal("/fal-ai/recraft/requests/{id}/status", models[1].JobGetPath);
        Assert.Equal("/fal-ai/flux/dev", models[0].SubmitPath);
    }

    [Theory]
    [InlineData("      get: GET /{+app}/requests/{id}/status\n", "      get: GET /{+app}/requests/status\n", "PG0013", "no '{id}'")]
    [InlineData("      get: GET /{+app}/requests/{id}/status\n", "      get: POST /{+app}/requests/{id}/status\n", "PG0013", "method is GET")]
    [InlineData("      get: GET /{+app}/requests/{id}/status\n", "      get: GET /{+ap-p}/requests/{id}/status\n", "PG0013", "cannot be expanded")]
    [InlineData("    routeParams: { app: fal-ai/recraft }", "    routeParams: { ap: fal-ai/recraft }", "PG0016", "not a placeholder")]
    [InlineData("    routeParams: { app: fal-ai/recraft }", "    routeParams: { app: \"../admin\" }", "PG0016", "another path")]
    [InlineData("      get: GET /{+app}/requests/{id}/status\n      result: GET /{+app}/requests/{+id}\n", "      nope: 1\n", "PG0003", "'nope'")]
    public void Each_misuse_is_reported(string find, string replace, string id, string phrase)
    {
        var result = SchemaLoader.Load(Schema.Replace(find, replace, System.StringComparison.Ordinal));

        var error = result.Diagnostics.First(d => d.Id == id);
        Assert.Contains(phrase, error.Message, System.StringComparison.Ordinal);
        Assert.Null(result.Document);
    }
}
