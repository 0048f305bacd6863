using System;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.AspNetCore.Tests.Support;

/// <summary>A DI webhook handler that depends on a scoped service and records what it handled.</summary>
public sealed class RecordingHandler(RequestScope scope, DeliveryLog log) : IProducerGenWebhookHandler, IDisposable
{
    public bool IsDisposed { get; private set; }

    public Task HandleAsync(WebhookEvent webhook, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(scope.IsDisposed, scope);
        log.Entries.Enqueue((webhook, this, scope));
        return Task.CompletedTask;
    }

    public void Dispose() => IsDisposed = true;
}
