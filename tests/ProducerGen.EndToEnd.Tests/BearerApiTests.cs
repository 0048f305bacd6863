using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bearer.Client;
using ProducerGen.Emulator;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>
/// Issue 15, items 4 and 6, end to end: a schema with a key prefix, a fixed header and no idempotency keys gives a client
/// (generated into this project) and an emulator of the same API, and the two work together.
/// </summary>
public sealed class BearerApiTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Schemas", "bearer.producergen.yaml");

    private static Task<ApiEmulator> StartAsync() => ApiEmulator.StartAsync(new EmulatorOptions { SchemaPath = SchemaPath, TimeScale = 0.01 });

    private static BearerApiClient Client(ApiEmulator emulator, HttpClient? http = null)
    {
        var options = new BearerApiClientOptions { ApiKey = EmulatorOptions.DefaultApiKey, BaseAddress = emulator.BaseAddress };
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(20);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(100);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(30);
        return new BearerApiClient(options, http);
    }

    [Fact]
    public async Task A_bearer_key_and_a_version_header_submit_and_wait_against_the_emulator_of_the_same_schema()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        var result = await client.Painter.GenerateAsync(new PainterRequest("a lighthouse at dusk") { Params = new PainterParams { Seed = 7 } });

        Assert.True(result.Job.IsSucceeded);
        Assert.Null((await client.Painter.SubmitAsync(new PainterRequest("again"))).IdempotencyKey);
        Assert.Equal(2, emulator.Stats.JobsCreated);
        Assert.Equal("2024-11-06", BearerApiClient.Description.Headers["X-Api-Version"]);
        Assert.Equal("Bearer ", BearerApiClient.Description.AuthPrefix);
    }

    [Fact]
    public async Task The_emulator_refuses_the_bare_key_and_a_missing_version_header_as_the_provider_would()
    {
        await using var emulator = await StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        async Task<HttpStatusCode> Post(Action<HttpRequestMessage> configure)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/images") { Content = new StringContent("""{"model":"painter","prompt":"x"}""", System.Text.Encoding.UTF8, "application/json") };
            configure(request);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Post(r => { r.Headers.TryAddWithoutValidation("Authorization", EmulatorOptions.DefaultApiKey); r.Headers.Add("X-Api-Version", "2024-11-06"); }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + EmulatorOptions.DefaultApiKey)));
        Assert.Equal(HttpStatusCode.Accepted, await Post(r => { r.Headers.TryAddWithoutValidation("Authorization", "bearer " + EmulatorOptions.DefaultApiKey); r.Headers.Add("X-Api-Version", "2024-11-06"); }));
    }

    [Fact]
    public async Task Without_idempotency_a_submission_answered_500_is_not_replayed_so_no_second_job_is_created()
    {
        await using var emulator = await ApiEmulator.StartAsync(new EmulatorOptions { SchemaPath = SchemaPath, TimeScale = 0.01, Faults = { ServerErrorRate = 1 } });
        using var client = Client(emulator);

        await Assert.ThrowsAsync<ServerErrorException>(() => client.Painter.SubmitAsync(new PainterRequest("x")));

        Assert.Equal(1, emulator.Stats.Responses(500));
    }
}
