using System;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProducerGen.AspNetCore;

/// <summary>Registers where webhook endpoints remember the deliveries they handled.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="InMemoryWebhookDeduplicationStore"/> shared by every webhook endpoint of this app, on the container's
    /// <see cref="TimeProvider"/> (or the system clock), unless an <see cref="IWebhookDeduplicationStore"/> is registered already.
    /// Enough for one app instance; with several, use <see cref="AddProducerGenDistributedWebhookDeduplication"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="capacity">The most deliveries remembered; past it the oldest are forgotten first.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddProducerGenWebhookDeduplication(this IServiceCollection services, int capacity = InMemoryWebhookDeduplicationStore.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        services.TryAddSingleton<IWebhookDeduplicationStore>(sp => new InMemoryWebhookDeduplicationStore(capacity, sp.GetService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Registers a <see cref="DistributedCacheWebhookDeduplicationStore"/> over the container's <see cref="IDistributedCache"/>, so every app
    /// instance sharing that cache (e.g. <c>AddStackExchangeRedisCache</c>, <c>AddDistributedSqlServerCache</c>) acknowledges a delivery
    /// another instance handled. Replaces any <see cref="IWebhookDeduplicationStore"/> registered before.
    /// </summary>
    /// <param name="services">The services; an <see cref="IDistributedCache"/> must be registered by the time the endpoint is mapped.</param>
    /// <param name="keyPrefix">Put before every cache key.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddProducerGenDistributedWebhookDeduplication(this IServiceCollection services, string keyPrefix = DistributedCacheWebhookDeduplicationStore.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        services.RemoveAll<IWebhookDeduplicationStore>();
        services.AddSingleton<IWebhookDeduplicationStore>(sp => new DistributedCacheWebhookDeduplicationStore(sp.GetRequiredService<IDistributedCache>(), keyPrefix));
        return services;
    }
}
