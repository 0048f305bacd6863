using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>A burst of submissions over real loopback HTTP: the client's own handler keeps to its connection limit.</summary>
public sealed class ConnectionPoolTests
{
    private const int Burst = 8;

    [Fact]
    public async Task A_burst_of_submissions_shares_the_configured_number_of_connections()
    {
        await using var env = await SlowEmulatorAsync();
        using var client = env.CreateClient(configure: o => o.MaxConnectionsPerServer = 2);

        var handles = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => client.Producer.SubmitAsync(TestEnvironment.Request(seed: "pool-" + i))));

        Assert.Equal(Burst, handles.Select(h => h.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Burst, env.Emulator.Stats.JobsCreated);
        Assert.InRange(env.Emulator.Stats.Connections, 1, 2);
    }

    [Fact]
    public async Task With_the_default_limit_the_same_burst_runs_in_parallel()
    {
        await using var env = await SlowEmulatorAsync();
        using var client = env.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => client.Producer.SubmitAsync(TestEnvironment.Request(seed: "pool-" + i))));

        Assert.Equal(Burst, env.Emulator.Stats.JobsCreated);
        Assert.InRange(env.Emulator.Stats.Connections, 3, Burst); // one per concurrent request, well above the limit of 2 above
    }

    // Every request takes 300 ms on the server, so the burst's requests overlap.
    private static Task<TestEnvironment> SlowEmulatorAsync() => TestEnvironment.StartAsync(o =>
    {
        o.Faults.MinLatency = TimeSpan.FromMilliseconds(300);
        o.Faults.MaxLatency = TimeSpan.FromMilliseconds(300);
    });
}
