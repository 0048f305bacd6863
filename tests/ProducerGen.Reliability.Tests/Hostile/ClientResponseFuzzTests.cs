using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using Microsoft.AspNetCore.Http;
using ProducerGen.Reliability.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Reliability.Tests.Hostile;

/// <summary>
/// Fuzzes what the server answers (status × Retry-After / Content-Type / Content-Length / x-request-id / Location × body shape ×
/// delivery) to SubmitAsync, GetAsync and WaitAsync over loopback. Every call must end within its budget with a typed outcome
/// (a result or a <see cref="ProducerGenException"/>), never another exception type, never a hang, and no exception may show
/// 8 or more consecutive characters of the API key.
/// </summary>
public sealed class ClientResponseFuzzTests(ITestOutputHelper output)
{
    private const string Key = "afk_Fz7Qk2Rw9Xm4Lb8Tn3Vc6Hs1";
    private const string JobId = "job-1";
    private static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(8); // 3 attempts × 1 s + backoff, or MaxWait + 2 s last look, + margin
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static readonly int[] Statuses = [200, 201, 202, 204, 206, 299, 301, 302, 304, 307, 400, 401, 402, 403, 404, 405, 408, 409, 410, 413, 418, 422, 429, 451, 500, 501, 502, 503, 504, 507, 599];
    private static readonly string?[] RetryAfters = [null, "0", "1", "3600", "-1", "abc", "Wed, 21 Oct 2015 07:28:00 GMT", "99999999999999999999", Key];
    private static readonly string?[] ContentTypes = [null, "application/json", "application/json; charset=utf-8", "text/html", "application/json; charset=utf-16", "garbage///", Key];
    private static readonly string?[] RequestIds = [null, "req-123", Key, new string('r', 5000), "req\u00e9"];
    private static readonly string?[] Locations = [null, "https://evil.example/collect", "https://evil.example/" + Key, "/relative", "::not a uri::"];

    private enum Operation
    {
        Submit,
        Get,
        Wait,
    }

    private enum Delivery
    {
        Normal,
        DeclaredLonger,
        DeclaredShorter,
        Drop,
        StallBeforeHeaders,
        StallAfterHeaders,
    }

    [Fact]
    public Task Fuzzed_responses_end_typed_bounded_and_without_key_fragments_fast() => RunAsync("client-response-fuzz", cases: 300, seed: 14);

    [LongFact]
    [Trait("Category", "Long")]
    public Task Fuzzed_responses_end_typed_bounded_and_without_key_fragments_long() => RunAsync("client-response-fuzz-long", cases: 20_000, seed: Environment.TickCount);

    private async Task RunAsync(string name, int cases, int seed)
    {
        var specs = new ConcurrentDictionary<string, Spec>(StringComparer.Ordinal);
        await using var server = await HostileServer.StartAsync(ctx => Answer(ctx, specs));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 }) { Timeout = Timeout.InfiniteTimeSpan };
        var random = new Random(seed);
        var all = Enumerable.Range(0, cases).Select(i => Spec.Create(i, random)).ToList();
        foreach (var spec in all)
        {
            specs[spec.Prefix] = spec;
        }

        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var problems = new ConcurrentQueue<string>();
        var slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (spec, _) =>
        {
            var options = new ApiframeClientOptions
            {
                ApiKey = Key,
                BaseAddress = new Uri(server.BaseAddress, spec.Prefix + "/"),
                RequestTimeout = TimeSpan.FromSeconds(1),
                MaxResponseBodyBytes = 64 * 1024,
            };
            options.Retry.MaxRetries = 2;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
            options.Retry.MaxRetryAfter = TimeSpan.FromMilliseconds(50);
            options.Waiting.MaxWait = TimeSpan.FromMilliseconds(200);
            options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(10);
            options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(50);
            using var client = new ApiframeClient(options, http);
            var started = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                var call = spec.Operation switch
                {
                    Operation.Submit => Check(await client.Producer.SubmitAsync(new ProducerRequest("fuzz")).WaitAsync(HangGuard)),
                    Operation.Get => Check(await client.Jobs.GetAsync(JobId).WaitAsync(HangGuard)),
                    _ => Check(await client.Jobs.WaitAsync(JobId).WaitAsync(HangGuard)),
                };
                outcome = call;
            }
            catch (TimeoutException)
            {
                outcome = "HANG";
                problems.Enqueue($"{spec}: no outcome after {HangGuard}");
            }
            catch (ProducerGenException exception)
            {
                outcome = exception.GetType().Name;
                foreach (var text in Texts(exception))
                {
                    if (KeyFragment(text) is { } fragment)
                    {
                        problems.Enqueue($"{spec}: {outcome} shows key fragment '{fragment}': {text[..Math.Min(text.Length, 300)]}");
                    }
                }
            }
            catch (Exception exception)
            {
                outcome = "untyped " + exception.GetType().Name;
                problems.Enqueue($"{spec}: untyped {exception}");
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            lock (problems)
            {
                slowest = elapsed > slowest ? elapsed : slowest;
            }

            if (elapsed > CallBudget)
            {
                problems.Enqueue($"{spec}: {outcome} after {elapsed.TotalSeconds:0.0} s, over the {CallBudget.TotalSeconds} s budget");
            }

            outcomes.AddOrUpdate($"{spec.Operation} -> {outcome}", 1, (_, n) => n + 1);

            string Check(object result)
            {
                if (result is Job job && job.Id != JobId)
                {
                    problems.Enqueue($"{spec}: returned another job '{job.Id}'");
                }

                return result is Job j ? (j.IsPending ? "Job (pending?)" : "Job") : result.GetType().Name;
            }
        });
        clock.Stop();

        var figures = new Figures(name).Add("seed", seed).Add("responses tried (cases)", cases).Add("requests served", server.Requests.Count)
            .Add("duration (s)", clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture))
            .Add("slowest call (s)", slowest.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)).Add("problems", problems.Count);
        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            figures.Add(outcome, count);
        }

        figures.Report(output);
        foreach (var problem in problems.Take(30))
        {
            output.WriteLine(problem);
        }

        Assert.Empty(problems);
    }

    private static IEnumerable<string> Texts(ProducerGenException exception)
    {
        yield return exception.Message;
        yield return exception.ToString();
        yield return exception.ResponseBody ?? string.Empty;
        yield return exception.ServerMessage ?? string.Empty;
        yield return exception.RequestId ?? string.Empty;
    }

    private static string? KeyFragment(string text)
    {
        for (var i = 0; i + 8 <= Key.Length; i++)
        {
            var fragment = Key.Substring(i, 8);
            if (text.Contains(fragment, StringComparison.Ordinal))
            {
                return fragment;
            }
        }

        return null;
    }

    private static async Task Answer(HttpContext ctx, ConcurrentDictionary<string, Spec> specs)
    {
        var prefix = ctx.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        if (!specs.TryGetValue(prefix, out var spec))
        {
            ctx.Response.StatusCode = 404;
            return;
        }

        await HostileServer.ReadBodyAsync(ctx);
        switch (spec.Delivery)
        {
            case Delivery.Drop:
                ctx.Abort();
                return;
            case Delivery.StallBeforeHeaders:
                await HostileServer.StallAsync(ctx);
                return;
        }

        var body = spec.Body(ctx.Request.Headers["X-API-Key"].ToString());
        ctx.Response.StatusCode = spec.Status;
        if (spec.ContentType is { } type)
        {
            ctx.Response.Headers.ContentType = type;
        }

        if (spec.RetryAfter is { } retryAfter)
        {
            ctx.Response.Headers.RetryAfter = retryAfter;
        }

        if (spec.RequestId is { } requestId)
        {
            ctx.Response.Headers["x-request-id"] = requestId;
        }

        if (spec.Location is { } location)
        {
            ctx.Response.Headers.Location = location;
        }

        ctx.Response.Headers["X-Echo"] = ctx.Request.Headers["X-API-Key"].ToString();
        try
        {
            switch (spec.Delivery)
            {
                case Delivery.DeclaredLonger:
                    ctx.Response.ContentLength = body.Length + 100;
                    await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted);
                    ctx.Abort(); // fewer bytes than declared
                    return;
                case Delivery.DeclaredShorter:
                    ctx.Response.ContentLength = Math.Max(0, body.Length / 2);
                    break;
                case Delivery.StallAfterHeaders:
                    await ctx.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    await HostileServer.StallAsync(ctx);
                    return;
            }

            if (body.Length > 0)
            {
                await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException or System.IO.IOException)
        {
            ctx.Abort(); // Kestrel refuses a body for 204/304 or past Content-Length; the client sees a broken response
        }
    }

    private sealed record Spec(int Index, Operation Operation, int Status, string? RetryAfter, string? ContentType, string? RequestId, string? Location, Delivery Delivery, int Shape, int Variant)
    {
        public string Prefix => "c" + Index.ToString(CultureInfo.InvariantCulture);

        public static Spec Create(int index, Random random)
        {
            var roll = random.Next(100);
            var delivery = roll switch
            {
                < 86 => Delivery.Normal,
                < 90 => Delivery.DeclaredLonger,
                < 94 => Delivery.DeclaredShorter,
                < 98 => Delivery.Drop,
                < 99 => Delivery.StallBeforeHeaders,
                _ => Delivery.StallAfterHeaders,
            };
            return new Spec(
                index,
                (Operation)random.Next(3),
                random.Next(3) == 0 ? Statuses[random.Next(Statuses.Length)] : random.Next(2) == 0 ? 200 : 202,
                Pick(random, RetryAfters),
                Pick(random, ContentTypes),
                Pick(random, RequestIds),
                Pick(random, Locations),
                delivery,
                random.Next(16),
                random.Next(1000));
        }

        public byte[] Body(string echoedKey)
        {
            var job = $$$"""{"id":"{{{JobId}}}","jobId":"{{{JobId}}}","status":"COMPLETED","model":"producer","progress":100,"result":{"tracks":[{"audioUrl":"https://cdn.example/a.mp3"}]}}""";
            string text = Shape switch
            {
                0 => string.Empty,
                1 => $$"""{"jobId":"{{JobId}}","status":"QUEUED"}""",
                2 => $$"""{"id":"{{JobId}}","status":"PROCESSING","progress":{{Variant % 100}}}""",
                3 => job,
                4 => $$"""{"id":"{{JobId}}","status":"FAILED","error":"boom"}""",
                5 => job[..(Variant % job.Length)],                                                                  // truncated JSON
                6 => WrongTypes[Variant % WrongTypes.Length],
                7 => "{\"id\":\"" + new string('x', 100 * 1024) + "\"}",                                           // over the 64 KiB limit
                8 => """{"id":"job-2","jobId":"job-2","status":"COMPLETED","result":{"tracks":[{"audioUrl":"https://cdn.example/theirs.mp3"}]}}""",
                9 => KeyEchoes[Variant % KeyEchoes.Length].Replace("KEY", echoedKey, StringComparison.Ordinal),
                10 => "<html><body>502 Bad Gateway</body></html>",
                11 => new string('[', 5000) + new string(']', 5000),
                12 => "\uFEFF" + job,
                13 => OddIds[Variant % OddIds.Length],
                14 => """{"id":"job-1","status":"COMPLETED","progress":1e999,"creditCost":-1e400,"createdAt":"not a date","expired":"yes","result":[1,{"a":[null]}]}""",
                _ => """{"error":"Invalid parameters","details":{"prompt":["too long"],"x":"y","z":42}}""",
            };
            var bytes = Encoding.UTF8.GetBytes(text);
            return Shape == 13 && Variant % 2 == 0 ? [.. bytes, 0xFF, 0xFE] : bytes;
        }

        public override string ToString() => $"case {Index} ({Operation}, HTTP {Status}, shape {Shape}/{Variant}, {Delivery}, Retry-After {RetryAfter ?? "-"}, Content-Type {ContentType ?? "-"})";

        private static string? Pick(Random random, string?[] values) => random.Next(3) == 0 ? values[random.Next(values.Length)] : null;
    }

    private static readonly string[] WrongTypes =
    [
        "null", "[]", "42", "\"job-1\"", "true",
        """{"id":123,"status":true}""", """{"jobId":["job-1"],"status":{}}""", """{"id":"job-1","status":null}""",
        """{"id":"job-1","status":"COMPLETED","progress":"abc","result":"x","error":7}""", """{"id":null,"jobId":null}""",
        """{"jobId":"","status":"QUEUED"}""", """{"error":{"nested":"object"},"message":[1,2]}""", """{"creditsRequired":"lots","creditsAvailable":1e999}""",
    ];

    private static readonly string[] KeyEchoes =
    [
        """{"error":"Invalid API key: KEY"}""", """{"message":"key KEY rejected"}""", """{"id":"KEY","jobId":"KEY","status":"QUEUED"}""",
        """{"id":"job-1","status":"KEY"}""", """{"id":"job-1","status":"FAILED","error":"KEY"}""", "KEY",
        """{"error":"bad","details":{"KEY":["KEY"]}}""", """{"jobId":"job-1","status":"KEY"}""", """{"id":"job-1","jobId":"job-1","status":"COMPLETED","result":"KEY"}""",
    ];

    private static readonly string[] OddIds =
    [
        """{"jobId":"..","id":"..","status":"QUEUED"}""", """{"jobId":"../x","id":"../x","status":"QUEUED"}""", """{"jobId":"a\u0000b","status":"QUEUED"}""",
        """{"id":"job-1\u0000","status":"COMPLETED"}""", """{"id":"JOB-1","jobId":"JOB-1","status":"COMPLETED"}""", "{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"x\":\"",
    ];
}
