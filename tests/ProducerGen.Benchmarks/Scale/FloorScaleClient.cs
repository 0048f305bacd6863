using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ProducerGen.Benchmarks.RequestPath;

namespace ProducerGen.Benchmarks.Scale;

/// <summary>
/// The scale run's floor (<c>scale --floor</c>): what a hand-written client needs to run a job to the end, and no more. Submits
/// with the request path's <see cref="FloorClient"/> (hand checks, System.Text.Json source generation, HttpClient), then polls
/// <c>GET /v2/jobs/{id}</c> on a fixed schedule close to the adaptive policy's polls per job (first at 0.85 of the average, then
/// every 0.1 of it), reading the status into a source-generated DTO. No retries, no timeouts but HttpClient's, no telemetry.
/// </summary>
internal sealed class FloorScaleClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly FloorClient _submit;
    private readonly Uri _baseAddress;
    private readonly string _apiKey;
    private readonly TimeSpan _first;
    private readonly TimeSpan _every;
    private readonly Action _onPoll;

    public FloorScaleClient(Uri baseAddress, string apiKey, TimeSpan averageCompletion, int connections, Action onPoll)
    {
        // The same connection bound as the generated client's default (MaxConnectionsPerServer 100).
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections });
        _submit = new FloorClient(_http, baseAddress, apiKey);
        _baseAddress = baseAddress;
        _apiKey = apiKey;
        _first = averageCompletion * 0.85;
        _every = averageCompletion * 0.1;
        _onPoll = onPoll;
    }

    /// <summary>Submits one job and polls it until it ends; true when it completed.</summary>
    public async Task<bool> RunJobAsync(int index, CancellationToken cancellationToken = default)
    {
        var request = RequestPathBenchmarks.HandWritten() with
        {
            Prompt = $"scale test track {index}",
            WebhookUrl = null,
            WebhookEvents = null,
        };
        var accepted = await _submit.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        var jobUri = new Uri(_baseAddress, "/v2/jobs/" + Uri.EscapeDataString(accepted.JobId ?? throw new InvalidOperationException("no job id")));
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
}

/// <summary>The job as the floor reads it: its status only.</summary>
internal sealed record FloorJob
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}

[JsonSerializable(typeof(FloorJob))]
internal sealed partial class FloorScaleJsonContext : JsonSerializerContext;
