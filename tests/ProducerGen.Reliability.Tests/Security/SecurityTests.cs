using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ProducerGen.Emulator;
using ProducerGen.Reliability.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Reliability.Tests.Security;

/// <summary>Secrets never leak, webhooks are authenticated, transport rules hold, hostile responses and names stay bounded.</summary>
public sealed class SecurityTests(ITestOutputHelper output)
{
    private const string Key = "afk_SECRET_7c1e9f3a_do_not_leak";
    private const string WrongKey = "afk_WRONG_4b2d8e6f_do_not_leak";

    [Fact]
    public async Task The_API_key_never_appears_in_logs_exceptions_ToString_or_telemetry_across_a_run_with_errors()
    {
        var captured = new ConcurrentBag<string>();
        using var telemetry = new TelemetryCapture();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingProvider(captured)));
        var options = new EmulatorOptions { TimeScale = 0.01 };
        options.ApiKeys.Add(new EmulatorApiKey(Key));
        options.ApiKeys.Add(new EmulatorApiKey("afk_poor_SECRET_do_not_leak", Credits: 5));
        await using var emulator = await ApiEmulator.StartAsync(options);
        ApiframeClient Client(string key, Action<ApiframeClientOptions>? configure = null)
        {
            var o = new ApiframeClientOptions { ApiKey = key, BaseAddress = emulator.BaseAddress, LoggerFactory = loggers };
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
            o.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(20);
            o.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(200);
            o.Waiting.AverageCompletion = TimeSpan.FromMilliseconds(450);
            configure?.Invoke(o);
            captured.Add(o.ToString());
            return new ApiframeClient(o);
        }

        async Task Expect(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (Exception e)
            {
                captured.Add(e.ToString());
                captured.Add(e.Message);
                if (e is ProducerGenException p)
                {
                    captured.Add(p.ResponseBody ?? string.Empty);
                    captured.Add(p.ServerMessage ?? string.Empty);
                }
            }
        }

        var request = new ProducerRequest("security run") { Params = new ProducerParams { Seed = "s", Title = "Sec" } };
        using (var client = Client(Key))
        {
            captured.Add(client.ToString()!);
            captured.Add(client.Runtime.ToString());
            var result = await client.Producer.GenerateAsync(request);
            captured.Add(result.Job.ToString());
            captured.Add(result.Job.Result?.GetRawText() ?? string.Empty);
            foreach (var url in result.OutputUrls)
            {
                await client.Runtime.DownloadAsync(url, Stream.Null);
            }

            await Expect(() => client.Jobs.GetAsync(Guid.NewGuid().ToString()));                         // 404
            await Expect(() => client.Jobs.GetAsync("not-a-uuid"));                                      // 400
            await Expect(() => client.Producer.SubmitAsync(new ProducerRequest("x") { Params = new ProducerParams { Weirdness = 7 } })); // client-side validation
            await Expect(() => client.Producer.SubmitAsync(request, new RequestOptions { IdempotencyKey = "k1" }));
            await Expect(() => client.Producer.SubmitAsync(request with { Prompt = "other" }, new RequestOptions { IdempotencyKey = "k1" })); // 409
            await Expect(() => client.Producer.SubmitAsync(request, new RequestOptions { IdempotencyKey = new string('k', 300) }));
        }

        using (var wrong = Client(WrongKey))
        {
            await Expect(() => wrong.Producer.SubmitAsync(request));                                     // 401
        }

        using (var poor = Client("afk_poor_SECRET_do_not_leak"))
        {
            await Expect(() => poor.Producer.SubmitAsync(request));                                      // 402
        }

        emulator.Options.Faults.FailJobRate = 1;
        using (var client = Client(Key))
        {
            await Expect(() => client.Producer.GenerateAsync(request with { Prompt = "fails" }));        // JobFailedException
        }

        emulator.Options.Faults.FailJobRate = 0;
        using (var client = Client(Key, o => o.Waiting.MaxWait = TimeSpan.FromMilliseconds(50)))
        {
            await Expect(() => client.Producer.GenerateAsync(request with { Prompt = "times out" }));     // JobTimeoutException
        }

        emulator.Options.Faults.UnavailableRate = 1;
        using (var client = Client(Key, o => o.Retry.MaxRetries = 2))
        {
            await Expect(() => client.Producer.SubmitAsync(request with { Prompt = "503" }));            // ServiceUnavailableException after retries
        }

        emulator.Options.Faults.UnavailableRate = 0;
        emulator.Options.Faults.RateLimitRate = 1;
        emulator.Options.Faults.RetryAfter = TimeSpan.FromSeconds(120);
        using (var client = Client(Key))
        {
            await Expect(() => client.Producer.SubmitAsync(request with { Prompt = "429" }));            // RateLimitedException (wait over the cap)
        }

        emulator.Options.Faults.RateLimitRate = 0;
        using (var client = Client(Key))
        {
            var verifier = client.Runtime.CreateWebhookVerifier();
            captured.Add(verifier.ToString()!);
            await Expect(() => Task.FromResult(verifier.VerifyAndParse("{}"u8, "sha256=00")));           // WebhookVerificationException
        }

        captured.Add(new EmulatorApiKey(Key).ToString());
        var everything = captured.Concat(telemetry.Texts).ToList();
        new Figures("security-secret-scan").Add("captured texts (logs, exceptions, ToString)", captured.Count).Add("telemetry tags and activities", telemetry.Texts.Count)
            .Add("log lines", captured.Count(c => c.StartsWith("log ", StringComparison.Ordinal))).Add("leaks", everything.Count(Leaks)).Report(output);
        Assert.Contains(captured, c => c.StartsWith("log ", StringComparison.Ordinal));
        Assert.NotEmpty(telemetry.Texts);
        Assert.DoesNotContain(everything, Leaks);

        static bool Leaks(string text) =>
            text.Contains("SECRET", StringComparison.Ordinal) || text.Contains("7c1e9f3a", StringComparison.Ordinal) || text.Contains("4b2d8e6f", StringComparison.Ordinal);
    }

    [Fact]
    public void Forged_altered_truncated_and_replayed_webhooks_are_rejected()
    {
        var verifier = new WebhookVerifier(Key, ApiframeClient.Description);
        var body = Encoding.UTF8.GetBytes("""{"event":"completed","jobId":"0b8e2f4c-1d1f-4a7e-9a55-3e7c0d9b6a10","job":{"id":"0b8e2f4c-1d1f-4a7e-9a55-3e7c0d9b6a10","status":"COMPLETED","model":"producer"}}""");
        var signature = "sha256=" + WebhookVerifier.ComputeSignature(body, Key).Replace("sha256=", string.Empty, StringComparison.Ordinal);
        var altered = (byte[])body.Clone();
        altered[^5] ^= 0x01;
        var otherBody = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("COMPLETED", "FAILED", StringComparison.Ordinal));

        Assert.True(verifier.Verify(body, signature));
        Assert.False(verifier.Verify(body, WebhookVerifier.ComputeSignature(body, WrongKey)));     // forged with another key
        Assert.False(verifier.Verify(altered, signature));                                         // altered body
        Assert.False(verifier.Verify(body.AsSpan(0, body.Length - 1), signature));                 // truncated body
        Assert.False(verifier.Verify(body, signature[..^2]));                                       // truncated signature
        Assert.False(verifier.Verify(otherBody, signature));                                        // replayed signature, other body
        Assert.False(verifier.Verify(body, null));
        Assert.False(verifier.Verify(body, string.Empty));
        Assert.False(verifier.Verify(body, "sha256="));
        Assert.False(verifier.Verify(body, "sha1=" + signature[7..]));
        Assert.False(verifier.Verify(body, signature + "00"));
        Assert.False(verifier.Verify(body, "sha256=" + new string('z', 64)));
        Assert.False(verifier.Verify([], signature));
        Assert.Throws<WebhookVerificationException>(() => verifier.VerifyAndParse(otherBody, signature, "completed"));
    }

    [Theory]
    [InlineData("http://api.example.com")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("http://10.0.0.1")]
    [InlineData("ftp://api.example.com")]
    public void A_plain_http_or_other_non_loopback_base_address_is_refused(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, BaseAddress = new Uri(address) }));
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_host_never_receives_the_key()
    {
        var seen = new ConcurrentQueue<string>();
        await using var target = await StartAsync(app => app.Run(async ctx =>
        {
            seen.Enqueue($"{ctx.Request.Method} {ctx.Request.Path} {string.Join(";", ctx.Request.Headers.Select(h => h.Key + "=" + h.Value))}");
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("""{"jobId":"0b8e2f4c-1d1f-4a7e-9a55-3e7c0d9b6a10","status":"QUEUED","id":"0b8e2f4c-1d1f-4a7e-9a55-3e7c0d9b6a10"}""");
        }));
        var targetPort = new Uri(target.Urls.First()).Port;
        await using var api = await StartAsync(app => app.Run(ctx =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = $"http://localhost:{targetPort}{ctx.Request.Path}"; // another host name, another port
            return Task.CompletedTask;
        }));
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, BaseAddress = new Uri(api.Urls.First()) });

        var submit = await Assert.ThrowsAsync<UnexpectedResponseException>(() => client.Producer.SubmitAsync(new ProducerRequest("redirected")));
        await Assert.ThrowsAnyAsync<ProducerGenException>(() => client.Jobs.GetAsync("0b8e2f4c-1d1f-4a7e-9a55-3e7c0d9b6a10"));
        await client.Runtime.DownloadAsync(new Uri(api.Urls.First() + "/files/x.wav"), Stream.Null); // downloads follow redirects, without the key

        output.WriteLine(submit.Message);
        foreach (var request in seen)
        {
            output.WriteLine("target saw: " + request);
        }

        Assert.Single(seen); // only the download reached the other host
        Assert.DoesNotContain(seen, s => s.Contains(Key, StringComparison.Ordinal) || s.Contains("X-API-Key", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Oversize_and_endless_response_bodies_fail_with_a_bounded_error()
    {
        long endlessBytesSent = 0;
        var endlessEnded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(app => app.Run(async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            var chunk = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
            if (ctx.Request.Path.StartsWithSegments("/v2/jobs/0b8e2f4c-1d1f-4a7e-9a55-3e7c0d9b6a10"))
            {
                await ctx.Response.WriteAsync("{\"id\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"); // 2 MB, declared length
                return;
            }

            await ctx.Response.WriteAsync("{\"jobId\":\"");
            try
            {
                while (!ctx.RequestAborted.IsCancellationRequested && Interlocked.Read(ref endlessBytesSent) < 1L << 30)
                {
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                    Interlocked.Add(ref endlessBytesSent, chunk.Length);
                }
            }
            catch (OperationCanceledException)
            {
                // the client hung up mid-write
            }

            // True when the body ended because the client closed the connection, not because the server gave up.
            endlessEnded.TrySetResult(ctx.RequestAborted.IsCancellationRequested);
        }));
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, BaseAddress = new Uri(server.Urls.First()) });

        var oversize = await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.Jobs.GetAsync("0b8e2f4c-1d1f-4a7e-9a55-3e7c0d9b6a10"));
        // Whole-process allocations across the read: a per-thread count is meaningless once the awaits hop threads.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var endless = await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.Producer.SubmitAsync(new ProducerRequest("endless")));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"{oversize.Message}\n{endless.Message}\nendless body: server managed to send {Interlocked.Read(ref endlessBytesSent):N0} bytes");
        Assert.Equal(ProducerGenClientOptions.DefaultMaxResponseBodyBytes, endless.Limit);
        // The server side proves nothing either way: after the client hangs up, Kestrel accepts and drops writes until it
        // notices (under load it once spun to the loop's 1 GiB cap in 45 ms). What the client did is asserted above: it threw
        // at the limit, with bounded memory. Wait for the server loop only so it does not outlive the test.
        var hungUp = await endlessEnded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"server saw the client hang up: {hungUp}");
        output.WriteLine($"allocated while reading the endless body: {allocated:N0} bytes");
        Assert.True(allocated < 64L * 1024 * 1024, $"reading an endless body is bounded in memory (allocated {allocated:N0} bytes)");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows\\system32\\config")]
    [InlineData("/etc/shadow")]
    [InlineData("CON")]
    [InlineData("nul.txt")]
    [InlineData("COM1.wav")]
    [InlineData("a\u0000b\u0001c\nd\re\u202egnp.exe")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("   ")]
    [InlineData("C:\\evil.wav")]
    [InlineData("~/.ssh/authorized_keys")]
    public async Task Download_file_names_from_hostile_titles_stay_inside_the_output_folder(string title)
    {
        await using var server = await StartAsync(app => app.Run(ctx => ctx.Response.WriteAsync("RIFF....WAVE")));
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, BaseAddress = new Uri(server.Urls.First()) });
        var folder = Path.Combine(Path.GetTempPath(), "producergen-hostile-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = await client.Runtime.DownloadToDirectoryAsync(new Uri(server.Urls.First() + "/files/job/1.wav"), folder, title);

            output.WriteLine($"{title.Replace("\u0000", "\\0", StringComparison.Ordinal)} -> {Path.GetFileName(path)}");
            Assert.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, Path.GetFullPath(path), StringComparison.Ordinal);
            Assert.Equal(Path.GetFullPath(folder), Path.GetDirectoryName(Path.GetFullPath(path)));
            Assert.True(File.Exists(path));
            Assert.DoesNotContain(Path.GetFileName(path), c => char.IsControl(c) || c is '/' or '\\' or ':' or '\u202e');
            Assert.NotEqual("CON", Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static Task<WebApplication> StartAsync(Action<WebApplication> configure) => LoopbackServer.StartAsync(configure);

    private sealed class CapturingProvider(ConcurrentBag<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentBag<string> sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                sink.Add($"log scope {category} {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                sink.Add($"log {logLevel} {category} {eventId} {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
