using System;

namespace ProducerGen;

/// <summary>The service could not be reached, or an attempt timed out, on every attempt allowed. No response was received.</summary>
public sealed class TransportException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The last attempt's error.</param>
    /// <param name="isTimeout">Whether the last attempt timed out.</param>
    public TransportException(string message, Exception? innerException, bool isTimeout)
        : base(message, innerException)
    {
        IsTimeout = isTimeout;
    }

    /// <summary>Whether the last attempt timed out (rather than failing to connect or read).</summary>
    public bool IsTimeout { get; }
}
