using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using BenchmarkDotNet.Attributes;
using ProducerGen.Benchmarks.Scale;

namespace ProducerGen.Benchmarks.RequestPath;

/// <summary>
/// One status poll through an in-memory <see cref="HttpMessageHandler"/> answering the emulator's 200 for a job in progress: the
/// generated client's <c>Jobs.GetAsync</c> (the retry pipeline and the attempt timeout on, the whole job read, checked to be the job
/// asked for) against the scale run's floor poll (<see cref="FloorScaleClient"/>: a cached URI, the key header, the status read into a
/// source-generated DTO). A poll is most of what a waiting job costs, so its allocations are most of the scale run's GC heap (issue 20
/// target 4).
/// </summary>
[MemoryDiagnoser]
public class PollBenchmarks
{
    private static readonly Uri BaseAddress = new("https://api.apiframe.ai");
    private static readonly Uri JobUri = new(BaseAddress, "/v2/jobs/" + CannedJobHandler.JobId);
    private HttpClient _http = null!;
    private ApiframeClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedJobHandler()) { BaseAddress = BaseAddress };
        _client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "afk_benchmark" }, _http);
        if (FloorAsync().GetAwaiter().GetResult() != "PROCESSING" || GeneratedAsync().GetAwaiter().GetResult() != "PROCESSING")
        {
            throw new InvalidOperationException("the canned job was not read");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true, Description = "floor: GET + key header + STJ source-gen status DTO")]
    public async Task<string?> FloorAsync()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, JobUri);
        message.Headers.TryAddWithoutValidation("X-API-Key", "afk_benchmark");
        using var response = await _http.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var job = await response.Content.ReadFromJsonAsync(FloorScaleJsonContext.Default.FloorJob).ConfigureAwait(false);
        return job?.Status;
    }

    [Benchmark(Description = "ProducerGen: Jobs.GetAsync (retries + timeout on)")]
    public async Task<string> GeneratedAsync() => (await _client.Jobs.GetAsync(CannedJobHandler.JobId).ConfigureAwait(false)).Status;
}

/// <summary>An in-memory server answering every request with the emulator's 200 for a Producer job at 33 % (285 bytes, with a request id).</summary>
public sealed class CannedJobHandler : HttpMessageHandler
{
    /// <summary>The job id of every answer.</summary>
    public const string JobId = "76d6a699-4583-4cb3-b812-288da75b243a";

    private static readonly byte[] Running = """{"id":"76d6a699-4583-4cb3-b812-288da75b243a","status":"PROCESSING","model":"producer","progress":33,"error":null,"creditCost":10,"webhookStatus":null,"createdAt":"2026-12-02T15:56:53.574Z","completedAt":null,"result":null,"expired":false,"input":{"model":"producer","prompt":"a song"}}"""u8.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Running);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("x-request-id", "req_2ecbca6fe9d64b84a884191e10f2cbc4");
        return Task.FromResult(response);
    }
}
