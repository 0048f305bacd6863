using System.Net;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Fidelity;

/// <summary>A known route asked with the wrong method answers 405 with an Allow header, as HTTP servers do; unknown paths stay 404.</summary>
public sealed class MethodNotAllowedTests
{
    [Theory]
    [InlineData("GET", "v2/music/generate", "POST")]
    [InlineData("PUT", "v2/music/generate", "POST")]
    [InlineData("DELETE", "v2/jobs/6f1c1f5e-8d1e-4c41-9a3b-2f3c4d5e6f70", "GET")]
    [InlineData("POST", "v2/jobs/6f1c1f5e-8d1e-4c41-9a3b-2f3c4d5e6f70", "GET")]
    public async Task Wrong_method_on_a_known_route_answers_405_with_allow(string method, string path, string allow)
    {
        await using var t = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-API-Key", TestEmulator.Key);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await t.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([allow], response.Content.Headers.Allow);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains(allow, error, StringComparison.Ordinal);
    }

    /// <summary>A schema whose submissions are routed per model (<c>POST /{+model}</c>, served by a catch-all).</summary>
    private const string RoutedSchema =
        """
        producergen: 1
        api:
          name: Studio
          baseUrl: https://api.studio.test
          auth: { header: X-API-Key }
          jobs: { get: "GET /v1/jobs/{id}" }
        endpoints:
          queue:
            request: POST /{+model}
            bodyLayout: flat
            modelMember: none
            fields:
              prompt: { type: string, required: true }
        models:
          fal-ai/flux/dev:
            endpoint: queue
            params:
              steps: { type: integer, min: 1, max: 50 }
        """;

    [Theory]
    [InlineData("GET", "fal-ai/flux/dev", "POST")]
    [InlineData("POST", "v1/jobs/6f1c1f5e-8d1e-4c41-9a3b-2f3c4d5e6f70", "GET")]
    public async Task Model_routed_submit_paths_and_job_routes_answer_405_too(string method, string path, string allow)
    {
        await using var t = await TestEmulator.StartAsync(o => o.SchemaYaml = RoutedSchema);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-API-Key", TestEmulator.Key);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"prompt":"a fox"}""", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await t.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([allow], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Unknown_path_still_answers_404_without_allow()
    {
        await using var t = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/nothing/here");
        request.Headers.Add("X-API-Key", TestEmulator.Key);

        using var response = await t.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Right_method_is_unaffected()
    {
        await using var t = await TestEmulator.StartAsync();

        using var response = await t.PostAsync(TestEmulator.ProducerBody());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
