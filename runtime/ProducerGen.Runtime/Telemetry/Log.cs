using Microsoft.Extensions.Logging;

namespace ProducerGen;

/// <summary>The runtime's log messages. None carries the API key; only ids, statuses, paths and timings are logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Submitting {Api} model {Model} to {Method} {Path} with idempotency key {IdempotencyKey}")]
    public static partial void Submitting(ILogger logger, string api, string model, string method, string path, string? idempotencyKey);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Job {JobId} accepted with status {Status}")]
    public static partial void Accepted(ILogger logger, string jobId, string status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Retrying {Method} {Path} (retry {Retry}) in {DelayMs} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string path, int retry, long delayMs, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Job {JobId} status {OldStatus} -> {Status} ({Progress}%)")]
    public static partial void StatusChanged(ILogger logger, string jobId, string? oldStatus, string status, int? progress);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Job {JobId} finished with status {Status} after {Seconds:0.0} s and {Polls} polls")]
    public static partial void Completed(ILogger logger, string jobId, string status, double seconds, int polls);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Job {JobId} has status {Status}, which the API description does not list; treating it as pending")]
    public static partial void UnknownStatus(ILogger logger, string jobId, string status);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Next poll of job {JobId} in {DelayMs} ms (poll {Poll}, elapsed {ElapsedMs} ms)")]
    public static partial void NextPoll(ILogger logger, string jobId, long delayMs, int poll, long elapsedMs);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Gave up waiting for job {JobId} after {Seconds:0.0} s; last status {Status}")]
    public static partial void WaitTimedOut(ILogger logger, string jobId, double seconds, string? status);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Downloaded {Bytes} bytes from {Host}{Path}")]
    public static partial void Downloaded(ILogger logger, long bytes, string host, string path);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "{Operation} failed with HTTP {StatusCode} (request id {RequestId})")]
    public static partial void RequestFailed(ILogger logger, string operation, int statusCode, string? requestId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Ignoring a Retry-After of {Seconds} s on {Operation}: more than the cap of {CapSeconds} s")]
    public static partial void RetryAfterOverCap(ILogger logger, string operation, double seconds, double capSeconds);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Sending {Api} operation {Operation} to {Method} {Path} with idempotency key {IdempotencyKey}")]
    public static partial void SendingOperation(ILogger logger, string api, string operation, string method, string path, string? idempotencyKey);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Operation {Operation} answered HTTP {StatusCode} (request id {RequestId})")]
    public static partial void OperationAnswered(ILogger logger, string operation, int statusCode, string? requestId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "{Resource} {ResourceId} has status {Status}, which the API description does not list; treating it as pending")]
    public static partial void ResourceUnknownStatus(ILogger logger, string resource, string resourceId, string status);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "{Resource} {ResourceId} status {OldStatus} -> {Status}")]
    public static partial void ResourceStatusChanged(ILogger logger, string resource, string resourceId, string? oldStatus, string status);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Gave up waiting for {Resource} {ResourceId} after {Seconds:0.0} s; last status {Status}")]
    public static partial void ResourceWaitTimedOut(ILogger logger, string resource, string resourceId, double seconds, string? status);

    [LoggerMessage(EventId = 17, Level = LogLevel.Debug, Message = "Submitting {Api} model {Model} held for up to {Seconds} s (the service answers when the job is done)")]
    public static partial void Holding(ILogger logger, string api, string model, int seconds);

    [LoggerMessage(EventId = 18, Level = LogLevel.Information, Message = "Job {JobId} finished with status {Status} within the held submission, after {Seconds:0.0} s and no poll")]
    public static partial void CompletedHeld(ILogger logger, string jobId, string status, double seconds);
}
