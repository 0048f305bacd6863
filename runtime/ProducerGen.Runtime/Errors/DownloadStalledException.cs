using System;

namespace ProducerGen;

/// <summary>
/// A download received its headers but then no body bytes for <see cref="ProducerGenClientOptions.DownloadIdleTimeout"/>.
/// A slow body that keeps arriving never raises it; only one that stops does. Nothing is retried: call again to start over.
/// </summary>
public sealed class DownloadStalledException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="url">The file's URL, without its query string, fragment or user information (which may hold signatures).</param>
    /// <param name="idleTimeout">How long no byte arrived.</param>
    /// <param name="bytesReceived">How many body bytes had arrived before the stall.</param>
    /// <param name="innerException">The cancelled read, if any.</param>
    public DownloadStalledException(string message, Uri url, TimeSpan idleTimeout, long bytesReceived, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
        IdleTimeout = idleTimeout;
        BytesReceived = bytesReceived;
    }

    /// <summary>The file's URL without its query string, fragment or user information.</summary>
    public Uri Url { get; }

    /// <summary>How long no byte arrived before the download was abandoned.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>How many body bytes had arrived before the stall.</summary>
    public long BytesReceived { get; }
}
