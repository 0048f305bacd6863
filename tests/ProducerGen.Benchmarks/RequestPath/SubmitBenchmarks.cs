using System;
using System.Net.Http;
using System.Threading.Tasks;
using Apiframe;
using BenchmarkDotNet.Attributes;

namespace ProducerGen.Benchmarks.RequestPath;

/// <summary>
/// One submission through an in-memory <see cref="HttpMessageHandler"/> answering a canned 202: the generated client's
/// <c>Producer.SubmitAsync</c> (validate, serialize, send through the retry pipeline with retries and the per-attempt timeout ON,
/// parse the 202) against the hand-written floor (<see cref="FloorClient"/>: hand checks, STJ source-generated DTO, HttpClient).
/// </summary>
[MemoryDiagnoser]
public class SubmitBenchmarks
{
    private static readonly Uri BaseAddress = new("https://api.apiframe.ai");
    private HttpClient _http = null!;
    private ApiframeClient _client = null!;
    private FloorClient _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new Canned202Handler()) { BaseAddress = BaseAddress };
        // Defaults: retries on (RetryOptions), RequestTimeout 100 s per attempt.
        _client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "afk_benchmark" }, _http);
        _floor = new FloorClient(_http, BaseAddress, "afk_benchmark");
        if (_client.Producer.SubmitAsync(Request()).GetAwaiter().GetResult().Id != "job-123" || FloorAsync().GetAwaiter().GetResult() != "job-123")
        {
            throw new InvalidOperationException("the canned answer was not read");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true, Description = "floor: hand checks + STJ source-gen DTO + HttpClient")]
    public async Task<string?> FloorAsync() => (await _floor.SubmitAsync(RequestPathBenchmarks.HandWritten()).ConfigureAwait(false)).JobId;

    [Benchmark(Description = "ProducerGen: Producer.SubmitAsync (retries + timeout on)")]
    public async Task<string> GeneratedAsync() => (await _client.Producer.SubmitAsync(Request()).ConfigureAwait(false)).Id;

    private static ProducerRequest Request() => RequestPathBenchmarks.GeneratedRequest();
}
