using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace ProducerGen.Tests.Prism;

/// <summary>
/// Stoplight Prism on a free loopback port, either <c>prism mock &lt;openapi&gt;</c> (answers from the
/// document) or <c>prism proxy &lt;openapi&gt; &lt;upstream&gt;</c> (forwards to a real server). Every request is validated
/// against the OpenAPI document; with <c>--errors</c> an invalid one is answered with an error status and an
/// <c>sl-violations</c> header listing the violations. A proxied answer is validated too, its violations in the same header.
/// Disposing kills the whole process tree.
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PrismServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Prism's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Whether the Prism process has ended (it should live as long as the fixture).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What Prism printed so far (its validator logs each violation).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts <c>prism mock</c> on <paramref name="openApiPath"/> and waits until it answers.</summary>
    public static Task<PrismServer> StartMockAsync(string cliScript, string openApiPath) =>
        StartAsync(cliScript, ["mock", openApiPath, "--errors"]);

    /// <summary>
    /// Starts <c>prism proxy</c> on <paramref name="openApiPath"/> in front of <paramref name="upstream"/> and waits until it
    /// answers (its readiness probe, <c>GET /v2/models</c>, reaches the upstream). With <paramref name="errors"/> false an
    /// invalid request is forwarded anyway and an invalid answer passed on (the violations are still in the header).
    /// </summary>
    public static Task<PrismServer> StartProxyAsync(string cliScript, string openApiPath, Uri upstream, bool errors = true) =>
        StartAsync(cliScript, errors ? ["proxy", openApiPath, upstream.AbsoluteUri.TrimEnd('/'), "--errors"] : ["proxy", openApiPath, upstream.AbsoluteUri.TrimEnd('/')]);

    private static async Task<PrismServer> StartAsync(string cliScript, string[] command)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cliScript }.Concat(command).Concat(["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SCARF_ANALYTICS"] = "false";
        start.Environment["NO_COLOR"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"The contract tests need Node.js on PATH to run Stoplight Prism: {e.Message}", e);
        }

        var server = new PrismServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilListeningAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {_process.ExitCode} before listening:\n{Log}");
            }

            try
            {
                // GET /v2/models is public (no security), so polling it logs no violation (mock and proxy alike).
                using var response = await http.GetAsync(new Uri(BaseAddress, "v2/models"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Prism did not answer on {BaseAddress} within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
