using System;
using System.Diagnostics;
using System.Globalization;

namespace ProducerGen;

/// <summary>
/// Marks a failed span the OpenTelemetry way: <c>error.type</c> (the HTTP status code of an error answer, else the exception's
/// full type name, else <c>_OTHER</c>) and <see cref="ActivityStatusCode.Error"/> with a description the redactor has cleaned.
/// </summary>
internal static class SpanFailure
{
    /// <summary>The semantic conventions' value when nothing better names the error.</summary>
    public const string Other = "_OTHER";

    /// <summary>The longest status description kept: an exception message may quote a whole error body.</summary>
    private const int MaxDescriptionLength = 256;

    /// <summary>The <c>error.type</c> of <paramref name="exception"/>.</summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        ProducerGenException { StatusCode: int status and >= 400 } => status.ToString(CultureInfo.InvariantCulture),
        _ => exception.GetType().FullName ?? Other,
    };

    /// <summary>
    /// Marks <paramref name="activity"/> failed by <paramref name="exception"/>. Returns <see langword="false"/> so it can sit in an
    /// exception filter: the span is marked while it is still open and the exception flows on untouched.
    /// </summary>
    public static bool Record(Activity? activity, Exception exception, SecretRedactor? redactor)
    {
        if (activity is not null)
        {
            Mark(activity, ErrorType(exception), exception.Message, redactor);
        }

        return false;
    }

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="errorType"/> and a redacted, bounded description.</summary>
    public static void Mark(Activity? activity, string errorType, string description, SecretRedactor? redactor)
    {
        if (activity is null)
        {
            return;
        }

        var cleaned = ApiErrorFactory.Redact(description, redactor) ?? string.Empty;
        if (cleaned.Length > MaxDescriptionLength)
        {
            cleaned = cleaned[..MaxDescriptionLength] + "…";
        }

        activity.SetTag(TelemetryNames.ErrorType, errorType);
        activity.SetStatus(ActivityStatusCode.Error, cleaned);
    }
}
