using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.EndToEnd.Tests;

/// <summary>
/// Sits in the client's HttpClient and watches the wire: records when each attempt is sent and what came back, and turns
/// the emulator's faults off after the first one so a retry can succeed.
/// </summary>
internal sealed class FaultSwitch(Action turnFaultsOff) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _faults;

    public ConcurrentQueue<(TimeSpan SentAt, int? Status)> Attempts { get; } = new();

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentAt = Clock.Elapsed;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            Attempts.Enqueue((sentAt, status));
            if (status >= 429 && Interlocked.Increment(ref _faults) == 1)
            {
                turnFaultsOff();
            }

            return response;
        }
        catch (HttpRequestException)
        {
            Attempts.Enqueue((sentAt, null));
            if (Interlocked.Increment(ref _faults) == 1)
            {
                turnFaultsOff();
            }

            throw;
        }
    }
}
