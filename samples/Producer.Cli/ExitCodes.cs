using System;
using ProducerGen;

namespace Producer.Cli;

/// <summary>The process exit codes, one per kind of outcome, so scripts can tell them apart.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    public const int Validation = 2;
    public const int Authentication = 3;
    public const int Credits = 4;
    public const int JobFailed = 5;
    public const int Timeout = 6;
    public const int Cancelled = 130;

    /// <summary>Maps a failure to its exit code.</summary>
    public static int For(Exception exception) => exception switch
    {
        RequestValidationException or ApiValidationException => Validation,
        AuthenticationException => Authentication,
        InsufficientCreditsException => Credits,
        JobFailedException => JobFailed,
        JobTimeoutException => Timeout,
        OperationCanceledException => Cancelled,
        _ => Error,
    };
}
