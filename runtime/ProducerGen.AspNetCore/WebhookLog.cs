using System;
using Microsoft.Extensions.Logging;

namespace ProducerGen.AspNetCore;

/// <summary>
/// The webhook endpoint's log lines (category <c>ProducerGen.Webhooks</c>). They carry what the endpoint trusts (the API, the signed
/// job id, event kind and deduplication key) and never the body, a signature, a key or a secret; a rejected delivery is described by
/// the endpoint's own reason, never by the untrusted text it sent.
/// </summary>
internal static class WebhookLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "ProducerGen.Webhooks";

    public static readonly Action<ILogger, string, Exception?> MarkFailed = LoggerMessage.Define<string>(
        LogLevel.Warning,
        new EventId(1, "WebhookMarkFailed"),
        "Webhook for job {JobId} was handled but could not be marked as handled; a retry of it will be handled again.");

    public static readonly Action<ILogger, string, string, Exception?> Unsigned = LoggerMessage.Define<string, string>(
        LogLevel.Warning,
        new EventId(2, "WebhookUnsigned"),
        "Webhook endpoint {Pattern} of API {Api} accepts unsigned deliveries: the schema declares 'scheme: none', so anyone who knows the URL can post events. Keep the URL secret, or restrict who may call it.");

    public static readonly Action<ILogger, string, string, WebhookEventType, string, Exception?> Received = LoggerMessage.Define<string, string, WebhookEventType, string>(
        LogLevel.Debug,
        new EventId(3, "WebhookReceived"),
        "Webhook delivery of API {Api} verified: job {JobId}, event {EventKind}, deduplication key {DeduplicationKey}.");

    public static readonly Action<ILogger, string, string, WebhookEventType, string, Exception?> Handled = LoggerMessage.Define<string, string, WebhookEventType, string>(
        LogLevel.Information,
        new EventId(4, "WebhookHandled"),
        "Webhook delivery of API {Api} handled: job {JobId}, event {EventKind}, deduplication key {DeduplicationKey}.");

    public static readonly Action<ILogger, string, string, int, WebhookVerificationFailure, Exception?> Rejected = LoggerMessage.Define<string, string, int, WebhookVerificationFailure>(
        LogLevel.Warning,
        new EventId(5, "WebhookRejected"),
        "Webhook delivery to {Pattern} of API {Api} rejected with {StatusCode}: {Reason}.");

    public static readonly Action<ILogger, string, string, long, Exception?> TooLarge = LoggerMessage.Define<string, string, long>(
        LogLevel.Warning,
        new EventId(6, "WebhookTooLarge"),
        "Webhook delivery to {Pattern} of API {Api} rejected with 413: the body is larger than {MaxBodyBytes} bytes.");

    public static readonly Action<ILogger, string, string, WebhookEventType, string, Exception?> Duplicate = LoggerMessage.Define<string, string, WebhookEventType, string>(
        LogLevel.Debug,
        new EventId(7, "WebhookDuplicate"),
        "Webhook delivery of API {Api} already handled, acknowledged without handling it again: job {JobId}, event {EventKind}, deduplication key {DeduplicationKey}.");

    public static readonly Action<ILogger, string, string, WebhookEventType, string, Exception?> HandlerFailed = LoggerMessage.Define<string, string, WebhookEventType, string>(
        LogLevel.Error,
        new EventId(8, "WebhookHandlerFailed"),
        "Webhook handler of API {Api} failed for job {JobId}, event {EventKind}, deduplication key {DeduplicationKey}; answered 500 so the sender retries.");

    public static readonly Action<ILogger, string, string, Exception?> KeyChanged = LoggerMessage.Define<string, string>(
        LogLevel.Information,
        new EventId(9, "WebhookKeyChanged"),
        "Webhook endpoint {Pattern} now verifies with the API key from the changed {OptionsType} options.");

    public static readonly Action<ILogger, string, string, Exception?> KeyChangeIgnored = LoggerMessage.Define<string, string>(
        LogLevel.Warning,
        new EventId(10, "WebhookKeyChangeIgnored"),
        "Webhook endpoint {Pattern} keeps its API key: the changed {OptionsType} options give none.");
}
