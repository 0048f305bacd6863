namespace ProducerGen;

/// <summary>Whether a transient failure of an operation may be retried by resending it.</summary>
public enum OperationRetry
{
    /// <summary>
    /// <c>GET</c>, <c>HEAD</c>, <c>PUT</c>, <c>DELETE</c> and <c>OPTIONS</c> are replay-safe and retried like a job poll; any other
    /// method only when the call carries an idempotency key (otherwise only failures proving the service did not take it are retried).
    /// </summary>
    Default,

    /// <summary>Always replay-safe: the schema says resending the operation never does it twice.</summary>
    Idempotent,

    /// <summary>Never replay-safe: only failures proving the service did not take the request (refused connection, 429, 503) are retried.</summary>
    SafeOnly,
}
