using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>The operations' answers satisfy the provider's OpenAPI document (status documented, body fits its schema).</summary>
public sealed class OpenApiConformanceTests
{
    [Fact]
    public async Task Every_operation_answers_what_the_provider_documents()
    {
        await using var t = await Ops.StartAsync();
        var (status, body) = await t.SendAsync(HttpMethod.Get, "v2/me");
        OpenApi.AssertDocumentedResponse("GET", "/v2/me", status, body);

        (status, body) = await t.SendAsync(HttpMethod.Get, "v2/models?modality=video", key: null);
        OpenApi.AssertDocumentedResponse("GET", "/v2/models", status, body);

        var parent = await t.CompletedJobAsync("midjourney", "v2/images/generate");
        (status, body) = await t.SendAsync(HttpMethod.Get, "v2/jobs?limit=1");
        OpenApi.AssertDocumentedResponse("GET", "/v2/jobs", status, body);

        (status, body) = await t.SendAsync(HttpMethod.Post, "v2/uploads", Ops.Form([], [("file", "a.png", "image/png", SampleFiles.Png())]));
        OpenApi.AssertDocumentedResponse("POST", "/v2/uploads", status, body);

        (status, body) = await t.SendAsync(HttpMethod.Post, "v2/assets/create", Ops.Json(new { url = "https://example.com/a.png", type = "image" }));
        OpenApi.AssertDocumentedResponse("POST", "/v2/assets/create", status, body);
        (status, body) = await t.SendAsync(HttpMethod.Get, "v2/assets/" + body.GetProperty("assetId").GetString());
        OpenApi.AssertDocumentedResponse("GET", "/v2/assets/{assetId}", status, body);

        var images = Enumerable.Range(1, 15).Select(i => ("images", $"i{i}.png", "image/png", SampleFiles.Png()));
        (status, body) = await t.SendAsync(HttpMethod.Post, "v2/loras", Ops.Form([("name", "me")], images));
        OpenApi.AssertDocumentedResponse("POST", "/v2/loras", status, body);
        var lora = body.GetProperty("id").GetString();
        t.Time.Advance(TimeSpan.FromSeconds(10));
        (status, body) = await t.SendAsync(HttpMethod.Get, "v2/loras/" + lora);
        OpenApi.AssertDocumentedResponse("GET", "/v2/loras/{id}", status, body);
        (status, body) = await t.SendAsync(HttpMethod.Get, "v2/loras");
        OpenApi.AssertDocumentedResponse("GET", "/v2/loras", status, body);
        (status, _) = await t.SendAsync(HttpMethod.Delete, "v2/loras/" + lora);
        Assert.True(OpenApi.Documents("DELETE", "/v2/loras/{id}", status), status.ToString(System.Globalization.CultureInfo.InvariantCulture));

        (status, body) = await t.SendAsync(HttpMethod.Post, "v2/images/midjourney/action", Ops.Json(new { action = "upsample", parentJobId = parent, index = 1 }));
        OpenApi.AssertDocumentedResponse("POST", "/v2/images/midjourney/action", status, body);
        Assert.Equal(JsonValueKind.String, body.GetProperty("jobId").ValueKind);
    }
}
