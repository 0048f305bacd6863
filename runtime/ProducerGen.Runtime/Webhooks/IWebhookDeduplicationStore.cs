using System;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// Remembers which webhook deliveries were handled, by <see cref="WebhookEvent.DeduplicationKey"/>, so that a sender's retry of a delivery
/// already handled is acknowledged without handling it again. The default, <see cref="InMemoryWebhookDeduplicationStore"/>, serves one
/// process; <see cref="DistributedCacheWebhookDeduplicationStore"/> puts the marks in an <c>IDistributedCache</c> (Redis, SQL Server)
/// that several app instances share. Implementations must be thread-safe.
/// </summary>
/// <remarks>
/// The webhook endpoint asks <see cref="IsMarkedAsync"/> before calling the handler and calls <see cref="TryMarkAsync"/> only after the
/// handler succeeded, so a handler that throws leaves nothing marked and the sender's retry is handled. Deliveries are therefore handled
/// at least once: two copies that arrive at the same moment may both be handled.
/// </remarks>
public interface IWebhookDeduplicationStore
{
    /// <summary>Whether <paramref name="key"/> is marked and its mark has not expired.</summary>
    /// <param name="key">The delivery's key.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns><see langword="true"/> when a delivery with this key was handled within its time to live.</returns>
    ValueTask<bool> IsMarkedAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Marks <paramref name="key"/> for <paramref name="timeToLive"/>.</summary>
    /// <param name="key">The delivery's key.</param>
    /// <param name="timeToLive">How long the mark lasts; longer than the sender retries a delivery.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when this call marked it; <see langword="false"/> when it was marked already.</returns>
    ValueTask<bool> TryMarkAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default);
}
