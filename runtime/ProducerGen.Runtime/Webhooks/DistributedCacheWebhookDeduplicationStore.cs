using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace ProducerGen;

/// <summary>
/// An <see cref="IWebhookDeduplicationStore"/> over an <see cref="IDistributedCache"/> (Redis, SQL Server, ...), so that every app instance
/// behind a load balancer sees the deliveries the others handled. Each mark is one small entry with an absolute expiration.
/// </summary>
/// <remarks>
/// <see cref="IDistributedCache"/> has no atomic add-if-absent, so <see cref="TryMarkAsync"/> is a read then a write: two instances marking
/// the same key at the same moment may both see <see langword="true"/>. The endpoint marks only after its handler succeeded, so this can
/// only let a duplicate be handled twice, never lose a delivery. Where that matters, implement <see cref="IWebhookDeduplicationStore"/>
/// over an atomic operation (Redis <c>SET key 1 NX PX ttl</c>, a SQL insert on a primary key).
/// </remarks>
public sealed class DistributedCacheWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "producergen:webhook:";

    private static readonly byte[] MarkValue = [1];
    private readonly IDistributedCache _cache;

    /// <summary>Creates a store.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="keyPrefix">Put before every key, to keep these entries apart from the cache's other users.</param>
    public DistributedCacheWebhookDeduplicationStore(IDistributedCache cache, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _cache = cache;
        KeyPrefix = keyPrefix;
    }

    /// <summary>Put before every key.</summary>
    public string KeyPrefix { get; }

    /// <inheritdoc/>
    public async ValueTask<bool> IsMarkedAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await _cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryMarkAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var cacheKey = KeyPrefix + key;
        if (await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        await _cache.SetAsync(cacheKey, MarkValue, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive }, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
