using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.Benchmarks.Scale;

/// <summary>
/// The scale run's floor (<c>scale --floor</c>): what a hand-written client needs to run a job to the end, and no more. Submits the
/// same request as the generated run (a prompt, a seed and a weirdness) with hand checks of those members' rules, System.Text.Json
/// source generation and HttpClient, then polls <c>GET /v2/jobs/{id}</c> on a fixed schedule close to the adaptive policy's polls per
/// job (first at 0.85 of the average, then every 0.1 of it), reading the status into a source-generated DTO. No retries, no timeouts
/// but HttpClient's, no telemetry. Self-contained (no DataAnnotations), so the Native AOT client publishes it without trim warnings.
/// </summary>
internal sealed class FloorScaleClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _generate;
    private readonly Uri _baseAddress;
    private readonly string _apiKey;
    private readonly TimeSpan _first;
    private readonly TimeSpan _every;
    private readonly Action _onPoll;

    public FloorScaleClient(Uri baseAddress, string apiKey, TimeSpan averageCompletion, int connections, Action onPoll)
    {
        // The same connection bound as the generated client's default (MaxConnectionsPerServer 100).
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections });
        _generate = new Uri(baseAddress, "/v2/music/generate");
        _baseAddress = baseAddress;
        _apiKey = apiKey;
        _first = averageCompletion * 0.85;
        _every = averageCompletion * 0.1;
        _onPoll = onPoll;
    }

    /// <summary>Submits one job and polls it until it ends; true when it completed.</summary>
    public async Task<bool> RunJobAsync(int index, CancellationToken cancellationToken = default)
    {
        var request = new FloorScaleRequest
        {
            Prompt = $"scale test track {index}",
            Params = new FloorScaleParams { Seed = $"scale-{index}", Weirdness = 0.05 * (index % 21) },
        };
        var jobId = await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        var jobUri = new Uri(_baseAddress, "/v2/jobs/" + Uri.EscapeDataString(jobId));
        await Task.Delay(_first, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, jobUri);
            message.Headers.TryAddWithoutValidation("X-API-Key", _apiKey);
            using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            _onPoll();
            response.EnsureSuccessStatusCode();
            var job = await response.Content.ReadFromJsonAsync(FloorScaleJsonContext.Default.FloorJob, cancellationToken).ConfigureAwait(false);
            switch (job?.Status)
            {
                case "COMPLETED":
                    return true;
                case "FAILED" or "CANCELLED":
                    return false;
            }

            await Task.Delay(_every, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    // The request benchmark's FloorClient.SubmitAsync, for this DTO: that one takes the request path's DataAnnotations records,
    // which ILC refuses, and is left as it is so the submit benchmark's floor does not change.
    private async Task<string> SubmitAsync(FloorScaleRequest request, CancellationToken cancellationToken)
    {
        // The schema's rules for the members set: prompt 1-5,000 characters, weirdness 0-1 in steps of 0.05 (seed has none).
        if (request.Prompt.Length is 0 or > 5000
            || request.Params.Weirdness is < 0 or > 1 || request.Params.Weirdness is { } w && Math.Abs((w / 0.05) - Math.Round(w / 0.05)) > 1e-9)
        {
            throw new ArgumentException("invalid request", nameof(request));
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, _generate);
        message.Headers.TryAddWithoutValidation("X-API-Key", _apiKey);
        message.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, FloorScaleJsonContext.Default.FloorScaleRequest));
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted && !response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        }

        var accepted = await response.Content.ReadFromJsonAsync(FloorScaleJsonContext.Default.FloorScaleAccepted, cancellationToken).ConfigureAwait(false);
        return accepted?.JobId ?? throw new InvalidOperationException("no job id");
    }
}

/// <summary>The floor's Producer request: the members the scale run sets.</summary>
internal sealed record FloorScaleRequest
{
    [JsonPropertyName("model")]
    public string Model => "producer";

    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    [JsonPropertyName("producerParams")]
    public required FloorScaleParams Params { get; init; }
}

/// <summary>The floor's Producer parameters: the members the scale run sets.</summary>
internal sealed record FloorScaleParams
{
    [JsonPropertyName("seed")]
    public string? Seed { get; init; }

    [JsonPropertyName("weirdness")]
    public double? Weirdness { get; init; }
}

/// <summary>The 202 as the floor reads it: the job's id.</summary>
internal sealed record FloorScaleAccepted
{
    [JsonPropertyName("jobId")]
    public string? JobId { get; init; }
}

/// <summary>The job as the floor reads it: its status only.</summary>
internal sealed record FloorJob
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorScaleRequest))]
[JsonSerializable(typeof(FloorScaleAccepted))]
[JsonSerializable(typeof(FloorJob))]
internal sealed partial class FloorScaleJsonContext : JsonSerializerContext;
