using System;

namespace ProducerGen.AspNetCore.Tests.Support;

/// <summary>A scoped service (like a DbContext): one per request, disposed when the request's scope ends.</summary>
public sealed class RequestScope : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public bool IsDisposed { get; private set; }

    public void Dispose() => IsDisposed = true;
}
