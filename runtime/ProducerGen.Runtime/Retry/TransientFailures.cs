using System;
using System.IO;
using System.Net.Http;
using Polly.Timeout;

namespace ProducerGen;

/// <summary>Which failures are worth another attempt: network errors, attempt timeouts, 408, 429, 500, 502, 503, 504. Never 400/401/402/403/404/409.</summary>
internal static class TransientFailures
{
    public static bool IsTransientStatus(int statusCode) => statusCode is 408 or 429 or 500 or 502 or 503 or 504;

    public static bool IsTransientException(Exception? exception) => exception switch
    {
        null => false,
        HttpRequestException => true,
        TimeoutRejectedException => true,
        IOException => true,
        OperationCanceledException { InnerException: TimeoutException } => true, // HttpClient.Timeout of an injected client
        _ => false,
    };

    /// <summary>The connection was refused (or the host not found): the request never reached the service.</summary>
    public static bool IsConnectionRefused(Exception? exception) =>
        exception is HttpRequestException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound } };

    public static bool IsTimeout(Exception? exception) => exception is TimeoutRejectedException or OperationCanceledException { InnerException: TimeoutException };

    public static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException => "attempt timed out",
        OperationCanceledException { InnerException: TimeoutException } => "attempt timed out (HttpClient.Timeout)",
        HttpRequestException { HttpRequestError: var error } => $"network error ({error})",
        _ => $"network error ({exception.GetType().Name})",
    };
}
