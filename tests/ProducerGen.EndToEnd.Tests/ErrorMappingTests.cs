using System;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen.Emulator;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>Every error status the emulator answers maps to its typed exception, with the status code and x-request-id.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public async Task An_unknown_key_is_a_401_AuthenticationException_that_never_shows_the_key()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient(apiKey: "afk_not_a_real_key_123");

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => client.Producer.SubmitAsync(TestEnvironment.Request()));

        AssertApiError(error, 401);
        Assert.DoesNotContain("afk_not_a_real_key_123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("afk_not_a_real_key_123", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, env.Emulator.Stats.Responses(401)); // not retried
    }

    [Fact]
    public async Task An_inactive_key_is_a_403_AuthenticationException()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_inactive", IsActive: false)));
        using var client = env.CreateClient(apiKey: "afk_inactive");

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => client.Producer.SubmitAsync(TestEnvironment.Request()));

        AssertApiError(error, 403);
        Assert.Equal(0, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task A_short_balance_is_a_402_InsufficientCreditsException_with_the_figures()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_poor", Credits: 5)));
        using var client = env.CreateClient(apiKey: "afk_poor");

        var error = await Assert.ThrowsAsync<InsufficientCreditsException>(() => client.Producer.SubmitAsync(TestEnvironment.Request()));

        AssertApiError(error, 402);
        Assert.Equal(10, error.CreditsRequired);
        Assert.Equal(5, error.CreditsAvailable);
        Assert.Equal(5, env.Emulator.GetCredits("afk_poor"));
        Assert.Equal(0, env.Emulator.Stats.JobsCreated);
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_NotFoundException()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetAsync(Guid.NewGuid().ToString()));
        AssertApiError(error, 404);

        await Assert.ThrowsAsync<NotFoundException>(() => client.Producer.WaitAsync(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task Another_keys_job_is_a_404_NotFoundException()
    {
        await using var env = await TestEnvironment.StartAsync(o => o.ApiKeys.Add(new EmulatorApiKey("afk_other")));
        using var owner = env.CreateClient();
        using var stranger = env.CreateClient(apiKey: "afk_other");
        var handle = await owner.Producer.SubmitAsync(TestEnvironment.Request());

        var error = await Assert.ThrowsAsync<NotFoundException>(() => stranger.Jobs.GetAsync(handle.Id));

        AssertApiError(error, 404);
    }

    [Fact]
    public async Task A_body_the_server_refuses_is_a_400_ApiValidationException_with_per_path_details()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        var body = new RawRequest("""{"model":"producer","prompt":"x","producerParams":{"weirdness":1.5,"tempo":120}}""");

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => client.Runtime.SubmitAsync(ProducerOperations.Description, body));

        AssertApiError(error, 400);
        Assert.Contains("producerParams.weirdness", error.Details.Keys);
        Assert.Contains(error.Details["producerParams.weirdness"], m => m.Contains("between 0 and 1", StringComparison.Ordinal));
        Assert.Contains(error.Details.Keys, k => k.StartsWith("producerParams", StringComparison.Ordinal) && k.Contains("tempo", StringComparison.Ordinal));
        Assert.Contains("producerParams.weirdness", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Emulator.Stats.JobsCreated);
        Assert.Equal(1, env.Emulator.Stats.Responses(400)); // not retried
    }

    private static void AssertApiError(ProducerGenException error, int status)
    {
        Assert.Equal(status, error.StatusCode);
        Assert.StartsWith("req_", error.RequestId, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
