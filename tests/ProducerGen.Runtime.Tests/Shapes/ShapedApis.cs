using System;
using System.Net.Http;
using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Runtime.Tests;

/// <summary>API descriptions in the shapes real providers use (issue 15): nested ids, other status members, fractions, links.</summary>
internal static class ShapedApis
{
    public static ApiDescription Create(JobShape shape, string jobPath = "/v1/tasks/{id}", string[]? pending = null, string[]? succeeded = null, string[]? failed = null, ResponseEnvelope? envelope = null, ErrorShape? errors = null)
        => new(
            name: "Shaped",
            defaultBaseAddress: new Uri("https://api.shaped.test"),
            authHeader: "Authorization",
            authEnvironmentVariable: null,
            idempotencyHeader: null,
            idempotencyKeyMaxLength: null,
            jobGetPath: jobPath,
            jobIdField: "id",
            pendingStatuses: pending ?? ["PENDING", "RUNNING"],
            succeededStatuses: succeeded ?? ["SUCCEEDED"],
            failedStatuses: failed ?? ["FAILED"],
            webhookSignatureHeader: null,
            webhookEventHeader: null,
            authPrefix: "Bearer ")
        {
            JobShape = shape,
            Envelope = envelope,
            ErrorShape = errors ?? ErrorShape.Default,
        };

    public static ProducerGenClient Client(ApiDescription api, FakeHttpHandler handler, FakeTimeProvider time)
        => new(api, TestApi.Options(time, o => o.Waiting.AverageCompletion = TimeSpan.FromSeconds(2)), new HttpClient(handler));
}
