using System.Text.Json;
using ProducerGen.Schema.Loading;

namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>An operation with no role, resource or job: a deterministic answer built from its response type.</summary>
public sealed class DefaultOperationTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Plain
          baseUrl: https://api.example.com
          auth: { header: X-API-Key, env: PLAIN_API_KEY }
          jobs:
            get: GET /v1/jobs/{id}
        endpoints:
          image:
            request: POST /v1/image
            fields:
              prompt: { type: string, required: true }
        models:
          basic:
            endpoint: image
            paramsKey: basicParams
        types:
          Quota:
            properties:
              id: { type: string, format: uuid, required: true }
              plan: { type: string, enum: [free, pro], required: true }
              limit: { type: integer, min: 5, required: true }
              renewsAt: { type: string, format: date-time, required: true }
              note: { type: string }
        operations:
          getQuota:
            group: Quota
            name: Get
            request: GET /v1/quota/{region}
            params: { region: { type: string, enum: [eu, us] } }
            fields:
              verbose: { type: boolean, in: query }
            response: Quota
          ping:
            group: Health
            name: Ping
            request: POST /v1/ping
            auth: none
            success: 202
            fields:
              echo: { type: string, maxLength: 4 }
            response: json
          getJob:
            group: Jobs
            name: Get
            request: GET /v1/jobs/{id}
            response: json
        """;

    [Fact]
    public async Task The_answer_is_built_from_the_type_with_placeholders_for_required_members_only()
    {
        Assert.False(SchemaLoader.Load(Schema).HasErrors, string.Join("\n", SchemaLoader.Load(Schema).Diagnostics.Select(d => d.Format("plain"))));
        await using var t = await TestEmulator.StartAsync(o => o.SchemaYaml = Schema);
        var (status, first) = await t.SendAsync(HttpMethod.Get, "v1/quota/eu?verbose=true");
        Assert.Equal(200, status);
        Assert.True(Guid.TryParse(first.GetProperty("id").GetString(), out _));
        Assert.Equal("free", first.GetProperty("plan").GetString());
        Assert.Equal(5, first.GetProperty("limit").GetInt32());
        Assert.Equal(TestEmulator.Start, first.GetProperty("renewsAt").GetDateTimeOffset());
        Assert.False(first.TryGetProperty("note", out _));
        var (_, second) = await t.SendAsync(HttpMethod.Get, "v1/quota/us");
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString()); // deterministic

        Assert.Equal(400, (await t.SendAsync(HttpMethod.Get, "v1/quota/mars")).Status);
        Assert.Equal(400, (await t.SendAsync(HttpMethod.Get, "v1/quota/eu?verbose=yes")).Status);
        Assert.Equal(401, (await t.SendAsync(HttpMethod.Get, "v1/quota/eu", key: null)).Status);
    }

    [Fact]
    public async Task An_operation_repeating_the_job_route_leaves_it_to_the_job_route()
    {
        await using var t = await TestEmulator.StartAsync(o => o.SchemaYaml = Schema);
        var id = await t.SubmitAsync("""{"prompt":"a cat","model":"basic"}""", path: "v1/image");
        var (status, job) = await t.SendAsync(HttpMethod.Get, "v1/jobs/" + id);
        Assert.Equal(200, status);
        Assert.Equal(id, job.GetProperty("id").GetString());
        Assert.Equal(404, (await t.SendAsync(HttpMethod.Get, "v1/jobs/" + Guid.NewGuid())).Status);
    }

    [Fact]
    public async Task A_json_operation_answers_an_empty_object_with_its_success_status_and_validates_its_body()
    {
        await using var t = await TestEmulator.StartAsync(o => o.SchemaYaml = Schema);
        var (status, body) = await t.SendAsync(HttpMethod.Post, "v1/ping", Ops.Json(new { echo = "hi" }), key: null);
        Assert.Equal(202, status);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Empty(body.EnumerateObject());

        var (tooLong, error) = await t.SendAsync(HttpMethod.Post, "v1/ping", Ops.Json(new { echo = "hello" }), key: null);
        Assert.Equal(400, tooLong);
        Assert.True(error.GetProperty("details").TryGetProperty("echo", out _));
        Assert.Equal(415, (await t.SendAsync(HttpMethod.Post, "v1/ping", new StringContent("echo=hi"), key: null)).Status);
    }
}
