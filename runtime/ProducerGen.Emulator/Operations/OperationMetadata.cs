namespace ProducerGen.Emulator.Operations;

/// <summary>Endpoint metadata of an <c>auth: none</c> operation: no key is needed, and a bad one is no error.</summary>
internal sealed class OpenOperationMetadata
{
    public static OpenOperationMetadata Instance { get; } = new();
}

/// <summary>Endpoint metadata of a route outside the API (served uploads): no key, no injected faults, as for job files.</summary>
internal sealed class UnguardedMetadata
{
    public static UnguardedMetadata Instance { get; } = new();
}
