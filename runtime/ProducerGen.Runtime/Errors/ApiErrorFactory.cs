using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProducerGen;

/// <summary>Turns an error response into the matching typed exception. Tolerates bodies that are not JSON, truncated or empty.</summary>
internal static class ApiErrorFactory
{
    private const int MaxBodyChars = 4096;
    private const int MaxShownChars = 300;

    public static ProducerGenException Create(ApiResponse response, string operation, RetryOptions retry, string? secret, ErrorReader? errors = null)
        => CreateCore(response, operation, retry, SecretRedactor.For(secret), errors ?? DefaultErrors, envelope: null);

    /// <summary>
    /// The typed error of an answer that succeeded by HTTP but whose envelope says it failed: the envelope's code picks the
    /// exception as an HTTP status would (a code that is no HTTP status is an unexpected response).
    /// </summary>
    public static ProducerGenException FromEnvelope(ApiResponse response, string operation, (string Code, string? Message) failure, RetryOptions retry, string? secret)
        => CreateCore(response, operation, retry, SecretRedactor.For(secret), DefaultErrors, failure);

    private static readonly ErrorReader DefaultErrors = new(ErrorShape.Default);

    private static ProducerGenException CreateCore(ApiResponse response, string operation, RetryOptions retry, SecretRedactor? redactor, ErrorReader errors, (string Code, string? Message)? envelope)
    {
        var text = BodyText(response.Body, redactor);
        JsonElement? json = TryParse(response.Body);
        var serverMessage = envelope is { } e ? Redact(e.Message, redactor) : json is { } j ? Redact(errors.ReadMessage(j), redactor) : null;
        var errorCode = envelope is { } withCode ? Redact(withCode.Code, redactor) : json is { } k ? Redact(errors.ReadCode(k), redactor) : null;
        var responseRequestId = Redact(response.RequestId, redactor);
        var status = envelope is { } coded
            ? int.TryParse(coded.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599 ? code : 0
            : response.StatusCode;
        var info = new ApiResponseInfo(status == 0 ? response.StatusCode : status, responseRequestId, serverMessage, text) { ErrorCode = errorCode };
        var said = serverMessage is not null ? $": {serverMessage}" : text is { Length: > 0 } ? $" (body: {Shorten(text)})" : string.Empty;
        var requestId = responseRequestId is { } id ? $" Request id: {id}." : string.Empty;
        var attempts = response.AttemptsText;
        var head = envelope is { } failed
            ? Redact($"{operation} answered HTTP {response.StatusCode} but its body reports failure code {Shorten(failed.Code)}", redactor)!
            : Redact($"{operation} failed with HTTP {status}{Reason(response)}", redactor)!;

        switch (status)
        {
            case 400:
                return new ApiValidationException($"{head}: the service refused the request{said}.{DetailsText(json, redactor)}{requestId}", info, ReadDetails(json, redactor));
            case 401:
                return new AuthenticationException($"{head}: authentication failed; the API key is missing or invalid (HTTP 401){said}.{requestId}", info);
            case 403:
                return new AuthenticationException($"{head}: the API key is valid but inactive or lacks permission for this call (HTTP 403){said}.{requestId}", info);
            case 402:
                var required = json is { } r ? JsonText.Int64(r, "creditsRequired") : null;
                var available = json is { } a ? JsonText.Int64(a, "creditsAvailable") : null;
                var credits = required is not null || available is not null
                    ? string.Create(CultureInfo.InvariantCulture, $" The job needs {required?.ToString(CultureInfo.InvariantCulture) ?? "?"} credits; {available?.ToString(CultureInfo.InvariantCulture) ?? "?"} are available.")
                    : string.Empty;
                return new InsufficientCreditsException($"{head}: insufficient credits{said}.{credits}{requestId}", info, required, available);
            case 404:
                return new NotFoundException($"{head}: not found{said}.{requestId}", info);
            case 409:
                return new ConflictException($"{head}: conflict{said}.{requestId}", info);
            case 429:
                return new RateLimitedException($"{head}: rate limited{attempts}{said}.{Wait(response, retry)}{requestId}", info, response.RetryAfter);
            case 503:
                return new ServiceUnavailableException($"{head}: service unavailable{attempts}{said}.{Wait(response, retry)}{requestId}", info, response.RetryAfter);
            case >= 500 and <= 599:
                return new ServerErrorException($"{head}: server error{attempts}{said}.{requestId}", info);
            case >= 300 and <= 399:
                var target = response.Location is { } location ? Redact($" to {(location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Path) : location.OriginalString)}", redactor) : string.Empty;
                return new UnexpectedResponseException($"{head}: a redirect{target} was not followed, so the API key is never sent elsewhere. Check the base address.{requestId}", info);
            default:
                return new UnexpectedResponseException($"{head}: unexpected status{said}.{requestId}", info);
        }
    }

    public static UnexpectedResponseException Malformed(ApiResponse response, string operation, string problem, string? secret, Exception? inner = null)
    {
        var redactor = SecretRedactor.For(secret);
        var text = BodyText(response.Body, redactor);
        var requestIdText = Redact(response.RequestId, redactor);
        var info = new ApiResponseInfo(response.StatusCode, requestIdText, null, text);
        var body = text is { Length: > 0 } ? $" Body: {Shorten(text)}" : " The body was empty.";
        var requestId = requestIdText is { } id ? $" Request id: {id}." : string.Empty;

        // The problem may quote the body (a parser's message naming a job id the server sent): redact it, and replace an inner
        // exception whose message would carry the key into ToString().
        var cause = inner is not null && redactor is not null && redactor.Redact(inner.Message) is var clean && clean != inner.Message
            ? new JsonException(clean)
            : inner;
        return new UnexpectedResponseException($"{operation} returned HTTP {response.StatusCode} but {Redact(problem, redactor)}.{body}{requestId}", info, cause);
    }

    /// <summary>Redacts every form of <paramref name="secret"/> from <paramref name="text"/> (see <see cref="SecretRedactor"/>).</summary>
    public static string? Redact(string? text, string? secret) => Redact(text, SecretRedactor.For(secret));

    /// <summary>Redacts with a redactor built once (the transport's), for hot paths such as every poll's telemetry tags.</summary>
    internal static string? Redact(string? text, SecretRedactor? redactor)
        => text is null || redactor is null ? text : redactor.Redact(text);

    private static string Reason(ApiResponse response) => string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : $" ({response.ReasonPhrase})";

    private static string Wait(ApiResponse response, RetryOptions retry)
    {
        if (response.RetryAfter is not { } wait)
        {
            return string.Empty;
        }

        return wait > retry.MaxRetryAfter
            ? string.Create(CultureInfo.InvariantCulture, $" The service asked to wait {wait.TotalSeconds:0.#} s (Retry-After), more than Retry.MaxRetryAfter ({retry.MaxRetryAfter.TotalSeconds:0.#} s), so the call was not retried; try again after that wait.")
            : string.Create(CultureInfo.InvariantCulture, $" Retry after {wait.TotalSeconds:0.#} s.");
    }

    private static JsonElement? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            var element = JsonElement.ParseValue(ref reader);
            return element.ValueKind == JsonValueKind.Object ? element : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadDetails(JsonElement? json, SecretRedactor? secret)
    {
        var details = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (json is not { } j || !j.TryGetProperty("details", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return details;
        }

        foreach (var property in element.EnumerateObject())
        {
            var messages = new List<string>();
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    messages.Add(Redact(item.ValueKind == JsonValueKind.String ? item.GetString() ?? string.Empty : item.GetRawText(), secret)!);
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.String)
            {
                messages.Add(Redact(property.Value.GetString() ?? string.Empty, secret)!);
            }

            details[Redact(property.Name, secret)!] = messages;
        }

        return details;
    }

    private static string DetailsText(JsonElement? json, SecretRedactor? secret)
    {
        var details = ReadDetails(json, secret);
        if (details.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(" Details: ");
        var first = true;
        foreach (var (path, messages) in details)
        {
            builder.Append(first ? string.Empty : "; ").Append(path).Append(": ").AppendJoin(", ", messages);
            first = false;
        }

        return Shorten(builder.Append('.').ToString(), 1000);
    }

    /// <summary>
    /// The body as text for <see cref="ApiResponseInfo.Body"/>: redacted first, then cut to <see cref="MaxBodyChars"/> characters
    /// between occurrences of the key, so a key straddling the cut never shows a fragment.
    /// </summary>
    private static string? BodyText(byte[] body, SecretRedactor? redactor)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var slack = redactor?.Slack ?? 0;
        var window = Math.Min(body.Length, MaxBodyChars + slack);
        var text = Encoding.UTF8.GetString(body, 0, window);
        bool cut;
        if (redactor is null)
        {
            cut = text.Length > MaxBodyChars;
            text = cut ? text[..(char.IsHighSurrogate(text[MaxBodyChars - 1]) ? MaxBodyChars - 1 : MaxBodyChars)] : text;
        }
        else
        {
            // Only the whole body is scanned to its end; a prefix is scanned where an occurrence would still end inside it.
            var scanLimit = window < body.Length ? text.Length - slack : text.Length;
            text = redactor.RedactAndCut(text, MaxBodyChars, scanLimit, out cut);
        }

        return cut || window < body.Length ? text + "…" : text;
    }

    private static string Shorten(string text, int max = MaxShownChars)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max) + 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (builder.Length >= max)
            {
                // Never cut a redaction marker or a surrogate pair in two.
                var keep = builder.Length;
                if (c == '*')
                {
                    while (keep > 0 && builder[keep - 1] == '*')
                    {
                        keep--;
                    }
                }
                else if (char.IsLowSurrogate(c) && char.IsHighSurrogate(builder[keep - 1]))
                {
                    keep--;
                }

                builder.Length = keep;
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
