using System;

namespace ProducerGen;

/// <summary>
/// The base of every error the runtime throws. Carries what the service said, when it said anything:
/// the HTTP status code, the <c>x-request-id</c> to quote to support, and the server's <c>error</c> message.
/// Messages never contain the API key.
/// </summary>
public class ProducerGenException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ProducerGenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ProducerGenException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing an HTTP response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response's status, request id, server message and body.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ProducerGenException(string message, ApiResponseInfo? response, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = response?.StatusCode;
        RequestId = response?.RequestId;
        ServerMessage = response?.ServerMessage;
        ResponseBody = response?.Body;
        ErrorCode = response?.ErrorCode;
    }

    /// <summary>The machine-readable error code the body gave (where the API's error shape or envelope names one), or <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The HTTP status code of the response, or <see langword="null"/> when there was none.</summary>
    public int? StatusCode { get; }

    /// <summary>The <c>x-request-id</c> header of the response, or <see langword="null"/>.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>error</c> member of the response body, or <see langword="null"/> when the body had none.</summary>
    public string? ServerMessage { get; }

    /// <summary>The response body as text, cut to a few kilobytes; useful when it was not the JSON the API documents.</summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// The idempotency key of the submission that failed (the caller's, or the one the runtime generated), or
    /// <see langword="null"/> when the error did not come from a submission. When the outcome is ambiguous (a
    /// <see cref="TransportException"/>, a timeout, a 5xx), the job may exist: retry with
    /// <c>new RequestOptions { IdempotencyKey = exception.IdempotencyKey }</c> and the service returns that job instead of
    /// creating (and charging for) a second one.
    /// </summary>
    public string? IdempotencyKey { get; internal set; }
}
