using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Apiframe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ProducerGen.Reliability.Tests.Support;
using Xunit;

namespace ProducerGen.Reliability.Tests.Hostile;

/// <summary>
/// Issue 14 item 4, over real loopback HTTP: a hostile server echoes the key raw, straddling the 4 KB cut, JSON-escaped and
/// URL-encoded, in bodies, reason phrases and headers; no run of 8 or more key characters reaches a message, ToString,
/// ResponseBody, ServerMessage, a log line or a telemetry tag.
/// </summary>
public sealed class RedactionTests
{
    private const string Key = "HOSTILE+SECRET/zq_0123456789abcdef_k3y";

    private static string Json(string key, Func<int, bool> escape, bool upper)
        => string.Concat(key.Select((c, i) => !escape(i) ? c.ToString() : c == '/' && i % 2 == 0 ? "\\/" : "\\u" + ((int)c).ToString(upper ? "X4" : "x4", CultureInfo.InvariantCulture)));

    private static string Percent(string key, Func<int, bool> escape, bool upper)
        => string.Concat(key.Select((c, i) => !escape(i) ? c.ToString() : "%" + ((int)c).ToString(upper ? "X2" : "x2", CultureInfo.InvariantCulture)));

    private static IEnumerable<string> HostileBodies()
    {
        for (var offset = 0; offset <= Key.Length; offset++)
        {
            yield return new string('x', 4096 - offset) + Key + new string('y', 100);          // straddles the cut, not JSON
            yield return $$"""{"error":"{{new string('x', 4096 - 10 - offset)}}{{Key}}"}""";  // straddles the cut, inside JSON
        }

        foreach (var upper in new[] { false, true })
        {
            Func<int, bool>[] subsets = [_ => true, i => i % 2 == 1, i => !char.IsLetterOrDigit(Key[i])];
            foreach (var subset in subsets)
            {
                yield return $$"""{"error":"bad key {{Json(Key, subset, upper)}}"}""";
                yield return $$"""{"message":"no error member","echo":"{{Json(Key, subset, upper)}}"}""";
                yield return $$"""{"truncated":"{{Json(Key, subset, upper)}}""";
                yield return $"<Error><Url>https://cdn.test/a?key={Percent(Key, subset, upper)}</Url></Error>";
            }
        }

        yield return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Key));
        yield return "webhook secret " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Key))).ToLowerInvariant();
    }

    [Fact]
    public async Task Redaction_no_key_fragment_survives_a_hostile_server_anywhere()
    {
        var bodies = HostileBodies().ToList();
        var captured = new ConcurrentBag<string>();
        using var telemetry = new TelemetryCapture();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new Capture(captured)));
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            var index = int.Parse(ctx.Request.Query["i"].FirstOrDefault() ?? ctx.Request.Path.Value!.Split('/').Last(), CultureInfo.InvariantCulture);
            var statuses = new[] { 400, 401, 404, 409, 500, 502 };
            ctx.Response.StatusCode = statuses[index % statuses.Length];
            ctx.Response.Headers["x-request-id"] = index % 3 == 0 ? "req-" + Key : "req-" + index.ToString(CultureInfo.InvariantCulture);
            ctx.Response.ContentType = bodies[index].StartsWith('{') ? "application/json" : "text/plain";
            await ctx.Response.WriteAsync(bodies[index]);
        });

        var options = new ApiframeClientOptions { ApiKey = Key, BaseAddress = new Uri(server.Urls.First()), LoggerFactory = loggers };
        options.Retry.MaxRetries = 0;
        using var client = new ApiframeClient(options);
        for (var i = 0; i < bodies.Count; i++)
        {
            var download = await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.Runtime.DownloadAsync(new Uri($"{server.Urls.First()}/files/{i}"), Stream.Null));
            var get = await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.Jobs.GetAsync(i.ToString(CultureInfo.InvariantCulture)));
            foreach (var e in new[] { download, get })
            {
                captured.Add(e.Message);
                captured.Add(e.ToString());
                captured.Add(e.ResponseBody ?? string.Empty);
                captured.Add(e.ServerMessage ?? string.Empty);
                captured.Add(e.RequestId ?? string.Empty);
                if (e is ApiValidationException validation)
                {
                    captured.Add(string.Join(";", validation.Details.Select(d => d.Key + "=" + string.Join(",", d.Value))));
                }
            }

            // A key straddling the cut is either redacted or cut away whole; every other echo shows the marker.
            Assert.True(i < 2 * (Key.Length + 1) || (download.ResponseBody + download.Message + download.RequestId).Contains("***", StringComparison.Ordinal), $"body {i} was not redacted: {download.ResponseBody}");
        }

        var texts = captured.Concat(telemetry.Texts).ToList();
        Assert.Contains(texts, t => t.StartsWith("log ", StringComparison.Ordinal)); // the logs were captured
        for (var start = 0; start + 8 <= Key.Length; start++)
        {
            var fragment = Key.Substring(start, 8);
            var leak = texts.FirstOrDefault(t => t.Contains(fragment, StringComparison.Ordinal));
            Assert.True(leak is null, $"'{fragment}' of the key survived in: {leak}");
        }
    }

    private sealed class Capture(ConcurrentBag<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentBag<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                sink.Add($"log {logLevel} {eventId} {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
