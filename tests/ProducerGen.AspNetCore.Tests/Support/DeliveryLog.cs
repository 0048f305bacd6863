using System.Collections.Concurrent;

namespace ProducerGen.AspNetCore.Tests.Support;

/// <summary>A singleton the test handlers write to: which delivery each handled, with which handler and request scope.</summary>
public sealed class DeliveryLog
{
    public ConcurrentQueue<(WebhookEvent Webhook, object Handler, RequestScope Scope)> Entries { get; } = new();
}
