using System;
using System.IO;
using ProducerGen;

namespace Producer.Cli;

/// <summary>
/// The <c>--json</c> error <c>type</c>s: one vocabulary of short snake_case words (never .NET class names), so scripts can
/// switch on them without knowing the runtime's exception hierarchy.
/// </summary>
internal static class ErrorTypes
{
    public const string Validation = "validation";
    public const string Usage = "usage";
    public const string Authentication = "authentication";
    public const string InsufficientCredits = "insufficient_credits";
    public const string JobFailed = "job_failed";
    public const string Timeout = "timeout";
    public const string Cancelled = "cancelled";
    public const string RateLimited = "rate_limited";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string ServiceUnavailable = "service_unavailable";
    public const string ServerError = "server_error";
    public const string Network = "network";
    public const string UnexpectedResponse = "unexpected_response";
    public const string Io = "io";
    public const string Error = "error";

    /// <summary>The word for <paramref name="exception"/>.</summary>
    public static string For(Exception exception) => exception switch
    {
        RequestValidationException or ApiValidationException => Validation,
        AuthenticationException => Authentication,
        InsufficientCreditsException => InsufficientCredits,
        JobFailedException or ResourceFailedException => JobFailed,
        JobTimeoutException or ResourceTimeoutException => Timeout,
        OperationCanceledException => Cancelled,
        RateLimitedException => RateLimited,
        NotFoundException => NotFound,
        ConflictException => Conflict,
        ServiceUnavailableException => ServiceUnavailable,
        ServerErrorException => ServerError,
        TransportException or DownloadStalledException => Network,
        UnexpectedResponseException or ResponseTooLargeException => UnexpectedResponse,
        IOException or UnauthorizedAccessException => Io,
        _ => Error,
    };
}
