using System.Threading;

namespace ProducerGen;

/// <summary>
/// Bounds how many requests of one client are inside the retry/timeout pipeline at once (issue 20). Without it, 10,000 concurrent
/// jobs behind a 100-connection handler held ~7,000 attempts waiting for a connection, each with its Polly context, timeout timer,
/// linked token source and <see cref="System.Net.Http.HttpClient"/> state (~100 MB of GC heap), and each attempt's timeout ran
/// while it only waited for a connection. Requests past the bound wait in a <see cref="SemaphoreSlim"/> queue (a few dozen bytes
/// each), in arrival order, and their timeout starts when they enter.
/// </summary>
internal static class RequestGate
{
    /// <summary>
    /// The gate of a client: <see cref="ProducerGenClientOptions.MaxConcurrentRequests"/> when set; otherwise, when the client
    /// built its own handler, its <see cref="ProducerGenClientOptions.MaxConnectionsPerServer"/> (more requests than connections
    /// would only queue inside the handler); with an <see cref="System.Net.Http.HttpClient"/> passed in, whose limits the client
    /// cannot see, none (<see langword="null"/>).
    /// </summary>
    /// <param name="options">The client's options (validated).</param>
    /// <param name="ownsHandler">Whether the client created its handler with <see cref="ProducerGenClientOptions.MaxConnectionsPerServer"/>.</param>
    /// <returns>The semaphore requests wait on, or <see langword="null"/> for no bound.</returns>
    public static SemaphoreSlim? For(ProducerGenClientOptions options, bool ownsHandler)
        => (options.MaxConcurrentRequests ?? (ownsHandler ? options.MaxConnectionsPerServer : null)) is { } bound
            ? new SemaphoreSlim(bound, bound)
            : null;
}
