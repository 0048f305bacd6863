using System;
using System.IO;
using System.Linq;
using ProducerGen.Generator.Tests.Naming;
using Xunit;

namespace ProducerGen.Generator.Tests.Compiling;

/// <summary>Issue 15, items 4 and 6: a key prefix, fixed headers and no idempotency reach the generated description, and compile.</summary>
public class AuthAndHeadersEmitTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Bearer
          namespace: Bearer.Client
          baseUrl: https://api.bearer.test
          auth: { header: Authorization, prefix: "Bearer " }
          headers: { X-Api-Version: "2024-11-06", X-Quote: "say \"hi\"" }
          jobs: { get: "GET /v1/tasks/{id}" }
        endpoints:
          images:
            request: POST /v1/images
            fields:
              prompt: { type: string, required: true }
        models:
          painter:
            endpoint: images
            paramsKey: painterParams
        """;

    [Fact]
    public void The_description_carries_the_prefix_and_headers_and_no_idempotency_header()
    {
        var run = NamingHarness.Run(new SchemaSource("bearer.producergen.yaml", Schema));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var client = run.Sources.Single(s => s.HintName.EndsWith(".BearerClient.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("idempotencyHeader: null,", client, StringComparison.Ordinal);
        Assert.Contains("webhookEventHeader: null,\n            authPrefix: \"Bearer \",\n            headers: new global::System.Collections.Generic.Dictionary<string, string> { [\"X-Api-Version\"] = \"2024-11-06\", [\"X-Quote\"] = \"say \\\"hi\\\"\" });", client, StringComparison.Ordinal);
        Assert.DoesNotContain("IdempotencyKeyHeader", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_without_the_new_keys_emits_the_description_as_before()
    {
        var text = File.ReadAllText(GeneratorHarness.SchemaPath("apiframe-music.producergen.yaml"));
        var run = NamingHarness.Run(new SchemaSource("apiframe-music.producergen.yaml", text));

        var client = run.Sources.Single(s => s.HintName.EndsWith(".ApiframeClient.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("webhookEventHeader: \"X-Webhook-Event\");", client, StringComparison.Ordinal);
        Assert.DoesNotContain("authPrefix", client, StringComparison.Ordinal);
        Assert.Contains("public const string IdempotencyKeyHeader = \"Idempotency-Key\";", client, StringComparison.Ordinal);
    }
}
