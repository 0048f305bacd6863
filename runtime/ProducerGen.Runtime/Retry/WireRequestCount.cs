using System.Net.Http;
using System.Threading;

namespace ProducerGen;

/// <summary>
/// The requests one API call really put on the wire, counted below every handler of the <see cref="HttpClient"/> pipeline (so retries
/// of a resilience handler count too). It travels in <see cref="HttpRequestMessage.Options"/>; a handler that copies a request for a
/// retry copies the reference, so every copy counts into the same call.
/// </summary>
internal sealed class WireRequestCount
{
    /// <summary>The key under which <see cref="ApiTransport"/> attaches the call's count to each attempt's request.</summary>
    public static readonly HttpRequestOptionsKey<WireRequestCount> Key = new("ProducerGen.WireRequestCount");

    private int _requests;

    /// <summary>The requests counted so far; 0 when no counting handler is in the pipeline (an <see cref="HttpClient"/> not from the factory).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The retrying handler found in the pipeline (its type name), or <see langword="null"/> for none.</summary>
    public string? RetryLayer { get; set; }

    public void Increment() => Interlocked.Increment(ref _requests);
}
