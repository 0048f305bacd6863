using System.Net;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task Missing_key_is_401()
    {
        await using var t = await TestEmulator.StartAsync();
        using var response = await t.PostAsync(TestEmulator.ProducerBody(), key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Missing API key", await ErrorAsync(response), StringComparison.Ordinal);
        var (status, _, get) = await t.GetAsync($"v2/jobs/{Guid.NewGuid()}", key: null);
        get.Dispose();
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Unknown_key_is_401_and_inactive_key_is_403()
    {
        await using var t = await TestEmulator.StartAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_old", IsActive: false)));
        using (var invalid = await t.PostAsync(TestEmulator.ProducerBody(), key: "afk_nobody"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
            Assert.Equal("Invalid API key", await ErrorAsync(invalid));
        }

        using (var inactive = await t.PostAsync(TestEmulator.ProducerBody(), key: "afk_old"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, inactive.StatusCode);
            Assert.Equal("API key is inactive", await ErrorAsync(inactive));
        }

        Assert.Equal(0, t.Stats.JobsCreated);
    }

    [Fact]
    public async Task AcceptAnyKey_accepts_afk_keys_only()
    {
        await using var t = await TestEmulator.StartAsync(o => o.AcceptAnyKey = true);
        await t.SubmitAsync(TestEmulator.ProducerBody(), key: "afk_your_api_key_here");
        using var other = await t.PostAsync(TestEmulator.ProducerBody(), key: "sk_live_123");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Insufficient_credits_is_402_with_the_figures()
    {
        await using var t = await TestEmulator.StartAsync(o =>
        {
            o.ApiKeys.Add(new EmulatorApiKey("afk_poor", Credits: 25));
            o.CreditCost = 10;
        });
        await t.SubmitAsync(TestEmulator.ProducerBody(), key: "afk_poor");
        await t.SubmitAsync(TestEmulator.ProducerBody(), key: "afk_poor");
        using var response = await t.PostAsync(TestEmulator.ProducerBody(), key: "afk_poor");
        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Insufficient credits", body.GetProperty("error").GetString());
        Assert.Equal(10, body.GetProperty("creditsRequired").GetInt64());
        Assert.Equal(5, body.GetProperty("creditsAvailable").GetInt64());
        Assert.Equal(2, t.Stats.JobsCreatedFor("afk_poor"));
        Assert.Equal(20, t.Stats.CreditsCharged("afk_poor"));
        Assert.Equal(5, t.Emulator.GetCredits("afk_poor"));

        t.Emulator.SetApiKey(new EmulatorApiKey("afk_poor", Credits: 100));
        await t.SubmitAsync(TestEmulator.ProducerBody(), key: "afk_poor");
        Assert.Equal(90, t.Emulator.GetCredits("afk_poor"));
    }

    [Fact]
    public async Task Unknown_job_and_another_keys_job_are_404_and_a_bad_id_is_400()
    {
        await using var t = await TestEmulator.StartAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_other")));
        var id = await t.SubmitAsync(TestEmulator.ProducerBody());

        var (unknown, unknownBody, r1) = await t.GetAsync($"v2/jobs/{Guid.NewGuid()}");
        r1.Dispose();
        Assert.Equal(404, unknown);
        Assert.Equal("Job not found", unknownBody.GetProperty("error").GetString());

        var (foreign, foreignBody, r2) = await t.GetAsync($"v2/jobs/{id}", key: "afk_other");
        r2.Dispose();
        Assert.Equal(404, foreign);
        Assert.Equal("Job not found", foreignBody.GetProperty("error").GetString());

        var (bad, badBody, r3) = await t.GetAsync("v2/jobs/not-a-uuid");
        r3.Dispose();
        Assert.Equal(400, bad);
        Assert.StartsWith("Invalid job id", badBody.GetProperty("error").GetString(), StringComparison.Ordinal);

        var (own, _, r4) = await t.GetAsync($"v2/jobs/{id}");
        r4.Dispose();
        Assert.Equal(200, own);
    }

    [Fact]
    public async Task Unknown_routes_are_404_json()
    {
        await using var t = await TestEmulator.StartAsync();
        var (status, body, response) = await t.GetAsync("v2/nothing-here");
        response.Dispose();
        Assert.Equal(404, status);
        Assert.Equal("Not found", body.GetProperty("error").GetString());
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
}
