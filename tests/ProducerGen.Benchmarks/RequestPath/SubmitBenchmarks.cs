using System;
using System.Net.Http;
using System.Threading.Tasks;
using Apiframe;
using BenchmarkDotNet.Attributes;

namespace ProducerGen.Benchmarks.RequestPath;

/// <summary>
/// One submission through an in-memory <see cref="HttpMessageHandler"/> answering a canned 202: the generated client's
/// <c>Producer.SubmitAsync</c> (validate, serialize, send through the retry pipeline with retries and the per-attempt timeout ON,
/// parse the 202) against the hand-written floor (<see cref="FloorClient"/>: hand checks, STJ source-generated DTO, HttpClient) and
/// the NSwag and Kiota clients generated from the provider's document (<see cref="PeerClients"/>; neither validates, NSwag does not
/// retry, Kiota retries through its default middleware). Every row ends in one <see cref="Canned202Handler"/>.
/// </summary>
[MemoryDiagnoser]
public class SubmitBenchmarks
{
    private static readonly Uri BaseAddress = new("https://api.apiframe.ai");
    private HttpClient _http = null!;
    private ApiframeClient _client = null!;
    private FloorClient _floor = null!;
    private FloorClient _floorBatchedKeys = null!;
    private Peers.NSwag.ApiframeNSwagClient _nswag = null!;
    private Peers.Kiota.ApiframeKiotaClient _kiota = null!;
    private HttpClient _kiotaHttp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new Canned202Handler()) { BaseAddress = BaseAddress };
        // Defaults: retries on (RetryOptions), RequestTimeout 100 s per attempt.
        _client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "afk_benchmark" }, _http);
        _floor = new FloorClient(_http, BaseAddress, "afk_benchmark");
        _floorBatchedKeys = new FloorClient(_http, BaseAddress, "afk_benchmark", static () => RandomKeySource.NewUuid().ToString("N"));
        _nswag = PeerClients.NSwagClient(_http, "afk_benchmark");
        _kiota = PeerClients.KiotaClient(new Canned202Handler(), BaseAddress, "afk_benchmark", out _kiotaHttp);
        if (GeneratedAsync().GetAwaiter().GetResult() != Canned202Handler.JobId || FloorAsync().GetAwaiter().GetResult() != Canned202Handler.JobId
            || FloorBatchedKeysAsync().GetAwaiter().GetResult() != Canned202Handler.JobId
            || NSwagAsync().GetAwaiter().GetResult() != Guid.Parse(Canned202Handler.JobId) || KiotaAsync().GetAwaiter().GetResult() != Guid.Parse(Canned202Handler.JobId))
        {
            throw new InvalidOperationException("the canned answer was not read");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        _kiotaHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "floor: hand checks + STJ source-gen DTO + HttpClient")]
    public async Task<string?> FloorAsync() => (await _floor.SubmitAsync(RequestPathBenchmarks.HandWritten()).ConfigureAwait(false)).JobId;

    /// <summary>
    /// Like for like: the floor taking its keys where ProducerGen does (<c>RandomKeySource</c>: the OS generator in batches).
    /// <see cref="Guid.NewGuid"/> makes one system call per key, which on this VM is about half the floor's time.
    /// </summary>
    [Benchmark(Description = "floor, keys batched as ProducerGen's (like for like)")]
    public async Task<string?> FloorBatchedKeysAsync() => (await _floorBatchedKeys.SubmitAsync(RequestPathBenchmarks.HandWritten()).ConfigureAwait(false)).JobId;

    [Benchmark(Description = "ProducerGen: Producer.SubmitAsync (retries + timeout on)")]
    public async Task<string> GeneratedAsync() => (await _client.Producer.SubmitAsync(Request()).ConfigureAwait(false)).Id;

    [Benchmark(Description = "NSwag: GenerateAsync (no validation, no retries)")]
    public async Task<Guid> NSwagAsync() =>
        (await _nswag.GenerateAsync(Guid.NewGuid().ToString("N"), PeerClients.NSwagRequest()).ConfigureAwait(false)).JobId;

    [Benchmark(Description = "Kiota: V2.Music.Generate.PostAsync (no validation, default middleware)")]
    public async Task<Guid?> KiotaAsync() => (await PeerClients.KiotaSubmitAsync(_kiota).ConfigureAwait(false))?.JobId;

    private static ProducerRequest Request() => RequestPathBenchmarks.GeneratedRequest();
}
