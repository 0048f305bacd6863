using System;
using System.Linq;
using ProducerGen.Generator.Tests.Naming;
using Xunit;

namespace ProducerGen.Generator.Tests.Compiling;

/// <summary>Issue 15, items 1, 3 and 7: where the job's facts are, the envelope and the error shape reach the generated description, and compile.</summary>
public class JobShapeEmitTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Market
          namespace: Market.Client
          baseUrl: https://api.market.test
          auth: { header: Authorization, prefix: "Bearer " }
          envelope: { codePath: code, success: [200], messagePath: [msg, message] }
          errors: { messagePath: error.message, codePath: error.code }
          jobs:
            get: GET /api/v1/jobs/recordInfo?taskId={id}
            idPath: data.taskId
            statusPath: data.state
            pending: [waiting, queuing, generating]
            succeeded: [success]
            failed: [fail]
            progress: { path: data.progress, scale: fraction }
            result: { path: data.resultJson, decode: json }
            error: { path: data.failMsg, codePath: data.failCode, failsJob: true }
            urls: { get: links.status, result: links.result }
            content: { get: "GET /v1/files/{+id}/content", variantQuery: variant, variants: [video, "say \"hi\""] }
        endpoints:
          market:
            request: POST /api/v1/jobs/createTask
            fields:
              prompt: { type: string, required: true }
        models:
          painter:
            endpoint: market
            paramsKey: input
        """;

    [Fact]
    public void The_description_carries_every_path_and_compiles_without_warnings()
    {
        var run = NamingHarness.Run(new SchemaSource("market.producergen.yaml", Schema));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var client = run.Sources.Single(s => s.HintName.EndsWith(".MarketClient.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("jobGetPath: \"/api/v1/jobs/recordInfo?taskId={id}\",", client, StringComparison.Ordinal);
        Assert.Contains(
            """
                        authPrefix: "Bearer ")
                    {
                        JobShape = new global::ProducerGen.JobShape
                        {
                            IdPath = "data.taskId",
                            StatusPath = "data.state",
                            ProgressPath = "data.progress",
                            ProgressScale = global::ProducerGen.JobProgressScale.Fraction,
                            ResultPath = "data.resultJson",
                            ResultIsJsonText = true,
                            ErrorPath = "data.failMsg",
                            ErrorCodePath = "data.failCode",
                            ErrorFailsJob = true,
                            StatusUrlPath = "links.status",
                            ResultUrlPath = "links.result",
                            ContentRoute = "/v1/files/{+id}/content",
                            ContentVariantParameter = "variant",
                            ContentVariants = new string[] { "video", "say \"hi\"" },
                        },
                        Envelope = new global::ProducerGen.ResponseEnvelope
                        {
                            CodePath = "code",
                            SuccessCodes = new string[] { "200" },
                            MessagePaths = new string[] { "msg", "message" },
                        },
                        ErrorShape = new global::ProducerGen.ErrorShape
                        {
                            MessagePaths = new string[] { "error.message" },
                            CodePath = "error.code",
                        },
                    };
            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            client,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jobs: { get: \"GET /v1/tasks/{id}\" }", false)]
    [InlineData("jobs: { get: \"GET /v1/{+id}\", statusPath: done, pending: [false], succeeded: [true], failed: [] }", true)]
    [InlineData("jobs: { get: \"GET /v2/results/{id}\", statusFrom: httpStatus, pending: [202], succeeded: [200], failed: [], result: $ }", true)]
    [InlineData("jobs: { get: \"GET /v1/videos/{id}\", content: { get: \"GET /v1/videos/{id}/content\" } }", true)]
    public void Each_form_compiles_and_only_a_changed_shape_gets_an_initializer(string jobs, bool hasShape)
    {
        var text = Schema.Substring(0, Schema.IndexOf("  envelope:", StringComparison.Ordinal)) + "  " + jobs + "\n" + Schema.Substring(Schema.IndexOf("endpoints:", StringComparison.Ordinal));
        var run = NamingHarness.Run(new SchemaSource("market.producergen.yaml", text));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var client = run.Sources.Single(s => s.HintName.EndsWith(".MarketClient.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Equal(hasShape, client.Contains("JobShape = new global::ProducerGen.JobShape", StringComparison.Ordinal));
    }
}
