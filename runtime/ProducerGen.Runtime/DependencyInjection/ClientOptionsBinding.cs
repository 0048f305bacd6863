using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ProducerGen;

/// <summary>
/// Reads client options from configuration, key by key, without reflection (trim and AOT safe; the configuration-binding source
/// generator refuses the code-only members). Every settable scalar is read, with <c>Retry:*</c> and <c>Waiting:*</c> nested;
/// <c>TimeProvider</c>, <c>LoggerFactory</c> and <c>Waiting:PollingPolicy</c> are code-only. A missing key keeps the current value;
/// a value that does not parse fails with a message naming its configuration path (never the value: it may be a secret).
/// </summary>
internal static class ClientOptionsBinding
{
    public static void Bind(IConfiguration configuration, ProducerGenClientOptions options)
    {
        Read(configuration, nameof(options.ApiKey), "a string", static text => text, value => options.ApiKey = value);
        Read(configuration, nameof(options.BaseAddress), "an absolute URI such as https://api.example.com", ParseUri, value => options.BaseAddress = value);
        Read(configuration, nameof(options.RequestTimeout), TimeSpanHint, ParseTimeSpan, value => options.RequestTimeout = value!.Value);
        Read(configuration, nameof(options.MaxResponseBodyBytes), "a whole number", ParseInt32, value => options.MaxResponseBodyBytes = value!.Value);
        Read(configuration, nameof(options.MaxConnectionsPerServer), "a whole number", ParseInt32, value => options.MaxConnectionsPerServer = value!.Value);
        Read(configuration, nameof(options.MaxConcurrentRequests), "a whole number (empty for the default)", ParseInt32, value => options.MaxConcurrentRequests = value, nullable: true);
        Read(configuration, nameof(options.DownloadIdleTimeout), TimeSpanHint, ParseTimeSpan, value => options.DownloadIdleTimeout = value!.Value);
        Read(configuration, nameof(options.MaxDownloadBytes), "a whole number (empty for unbounded)", ParseInt64, value => options.MaxDownloadBytes = value, nullable: true);

        var retrySection = configuration.GetSection(nameof(options.Retry));
        var retry = options.Retry ??= new RetryOptions();
        Read(retrySection, nameof(retry.MaxRetries), "a whole number", ParseInt32, value => retry.MaxRetries = value!.Value);
        Read(retrySection, nameof(retry.BaseDelay), TimeSpanHint, ParseTimeSpan, value => retry.BaseDelay = value!.Value);
        Read(retrySection, nameof(retry.MaxDelay), TimeSpanHint, ParseTimeSpan, value => retry.MaxDelay = value!.Value);
        Read(retrySection, nameof(retry.MaxRetryAfter), TimeSpanHint, ParseTimeSpan, value => retry.MaxRetryAfter = value!.Value);
        Read(retrySection, nameof(retry.UseJitter), "true or false", ParseBoolean, value => retry.UseJitter = value!.Value);

        var waitingSection = configuration.GetSection(nameof(options.Waiting));
        var waiting = options.Waiting ??= new JobWaitOptions();
        Read(waitingSection, nameof(waiting.MaxWait), TimeSpanHint, ParseTimeSpan, value => waiting.MaxWait = value!.Value);
        Read(waitingSection, nameof(waiting.MinPollInterval), TimeSpanHint, ParseTimeSpan, value => waiting.MinPollInterval = value!.Value);
        Read(waitingSection, nameof(waiting.MaxPollInterval), TimeSpanHint, ParseTimeSpan, value => waiting.MaxPollInterval = value!.Value);
        Read(waitingSection, nameof(waiting.AverageCompletion), TimeSpanHint + " (empty for the model's)", ParseTimeSpan, value => waiting.AverageCompletion = value, nullable: true);
        Read(waitingSection, nameof(waiting.LearnProgressCurve), "true or false", ParseBoolean, value => waiting.LearnProgressCurve = value!.Value);
    }

    private const string TimeSpanHint = "a time span such as 00:00:30";

    private static void Read<T>(IConfiguration configuration, string key, string expected, Func<string, T?> parse, Action<T?> set, bool nullable = false)
    {
        var section = configuration.GetSection(key);
        if (section.Value is not { } text)
        {
            return;
        }

        if (nullable && text.Length == 0)
        {
            set(default);
            return;
        }

        var value = parse(text.Trim());
        if (value is null)
        {
            throw new InvalidOperationException($"The configuration value at '{section.Path}' is not {expected}.");
        }

        set(value);
    }

    private static Uri? ParseUri(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private static TimeSpan? ParseTimeSpan(string text) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? ParseInt32(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? ParseInt64(string text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool? ParseBoolean(string text) => bool.TryParse(text, out var value) ? value : null;
}
