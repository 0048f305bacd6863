using System;
using System.Threading.Tasks;
using Apiframe;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>
/// Issue 16, item 1, at the boundary: mureka overrides the music endpoint's shared prompt (1024 characters, not 5000).
/// Its generated <c>Validate()</c> and the emulator of the same schema both accept the model's limit and refuse one over,
/// while the other models keep the endpoint's limit.
/// </summary>
public sealed class FieldOverrideTests
{
    [Fact]
    public void Validate_applies_the_models_own_limit_and_the_others_keep_the_endpoints()
    {
        Assert.True(new MurekaRequest(new string('a', 1024)).Validate().IsValid);
        var over = new MurekaRequest(new string('a', 1025)).Validate();
        Assert.False(over.IsValid);
        Assert.Contains(over.Errors, e => e.Path == "prompt" && e.Message.Contains("1024", StringComparison.Ordinal));
        Assert.True(new ProducerRequest(new string('a', 1025)).Validate().IsValid);
        Assert.False(new ProducerRequest(new string('a', 5001)).Validate().IsValid);
    }

    [Fact]
    public async Task The_emulator_enforces_the_models_limit_as_the_service_does()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = env.CreateClient();
        static RawRequest Body(string model, int length) => new($$"""{"model":"{{model}}","prompt":"{{new string('a', length)}}"}""");

        await client.Runtime.SubmitAsync(MurekaOperations.Description, Body("mureka", 1024));
        var error = await Assert.ThrowsAsync<ApiValidationException>(() => client.Runtime.SubmitAsync(MurekaOperations.Description, Body("mureka", 1025)));
        Assert.Contains("prompt", error.Details.Keys);
        await client.Runtime.SubmitAsync(ProducerOperations.Description, Body("producer", 1025));

        Assert.Equal(2, env.Emulator.Stats.JobsCreated);
    }
}
