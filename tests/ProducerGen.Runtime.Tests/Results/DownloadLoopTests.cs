using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 20 target 5: the download loop reuses one idle timer for the whole body and throttles progress reports; the idle timeout
/// still measures each wait for the next chunk only, and the last report is always the total.
/// </summary>
public sealed class DownloadLoopTests
{
    private const int Chunk = 256 * 1024; // the downloader's buffer: a memory-stream body is read in chunks of this size

    private static FakeHttpHandler Serving(TimeProvider time, Func<Stream> body) => new(
        _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body()) },
        time);

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 7)).ToArray();

    [Theory]
    [InlineData(0, new long[] { Chunk, 1_000_000 })] // time stands still: the first chunk, then the total
    [InlineData(40, new long[] { Chunk, 1_000_000 })] // chunks 40 ms apart: the fourth (120 ms after the first report) is the total
    [InlineData(150, new long[] { Chunk, 2 * Chunk, 3 * Chunk, 1_000_000 })] // slower than the interval: every chunk
    public async Task Progress_reports_the_first_chunk_then_at_most_every_interval_and_always_the_total(int millisecondsPerWrite, long[] expected)
    {
        var time = TestApi.NewTime();
        var bytes = Bytes(1_000_000);
        using var client = TestApi.Client(Serving(time, () => new MemoryStream(bytes)), time);
        var progress = new ListProgress<long>();
        using var destination = new ClockedStream(time, TimeSpan.FromMilliseconds(millisecondsPerWrite));

        var written = await client.DownloadAsync(new Uri("https://cdn.test/a.mp3"), destination, progress);

        Assert.Equal(bytes.Length, written);
        Assert.Equal(bytes, destination.ToArray());
        Assert.Equal(expected, progress.Items);
        Assert.Equal(TimeSpan.FromMilliseconds(100), Downloader.ProgressInterval);
    }

    [Fact]
    public async Task An_empty_body_reports_no_progress()
    {
        var time = TestApi.NewTime();
        using var client = TestApi.Client(Serving(time, () => new MemoryStream()), time);
        var progress = new ListProgress<long>();

        Assert.Equal(0, await client.DownloadAsync(new Uri("https://cdn.test/a.mp3"), Stream.Null, progress));
        Assert.Empty(progress.Items);
    }

    [Fact]
    public async Task A_destination_slower_than_the_idle_timeout_is_not_a_stall()
    {
        var time = TestApi.NewTime();
        var bytes = Bytes(1_000_000);
        using var client = TestApi.Client(Serving(time, () => new MemoryStream(bytes)), time, o => o.DownloadIdleTimeout = TimeSpan.FromSeconds(1));
        using var destination = new ClockedStream(time, TimeSpan.FromSeconds(3)); // each write outlasts the idle timer

        var written = await client.DownloadAsync(new Uri("https://cdn.test/a.mp3"), destination);

        Assert.Equal(bytes.Length, written);
        Assert.Equal(bytes, destination.ToArray());
    }

    [Theory]
    [InlineData(0)] // the reused timer, restarted before each read, fires on the stalled one
    [InlineData(3000)] // every write outlasted the timer, so the stalled read runs on a fresh one
    public async Task A_body_stalling_after_some_chunks_ends_with_the_idle_timeout(int millisecondsPerWrite)
    {
        var time = TestApi.NewTime();
        var body = new StallingStream(Bytes(3 * Chunk), time);
        using var client = TestApi.Client(Serving(time, () => body), time, o => o.DownloadIdleTimeout = TimeSpan.FromSeconds(2));
        using var destination = new ClockedStream(time, TimeSpan.FromMilliseconds(millisecondsPerWrite));

        var stalled = await Assert.ThrowsAsync<DownloadStalledException>(() => time.DriveAsync(client.DownloadAsync(new Uri("https://cdn.test/a.mp3"), destination)));

        Assert.Equal(3 * Chunk, stalled.BytesReceived);
        // Fake time from the stalled read's start to the moment its token was cancelled, both read inside the fake clock's own
        // callbacks: the 100 ms-step driver keeps advancing while a loaded machine runs the download's continuations late, so the
        // clock at the assertion says nothing about when the timer fired (CI once read 3.3 s here).
        var waited = body.CancelledAt - body.StalledAt;
        Assert.InRange(waited.TotalSeconds, 2, 2.1); // the timeout, at the driver's step
    }

    /// <summary>A memory stream whose every write takes <c>perWrite</c> of fake time.</summary>
    private sealed class ClockedStream(FakeTimeProvider time, TimeSpan perWrite) : MemoryStream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await base.WriteAsync(buffer, cancellationToken);
            if (perWrite > TimeSpan.Zero)
            {
                time.Advance(perWrite);
            }
        }
    }

    /// <summary>Serves its bytes, then never answers again until cancelled; notes the fake times the stall began and was cancelled.</summary>
    private sealed class StallingStream(byte[] bytes, FakeTimeProvider time) : MemoryStream(bytes)
    {
        public DateTimeOffset StalledAt { get; private set; }

        public DateTimeOffset CancelledAt { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                StalledAt = time.GetUtcNow();
                // Runs synchronously inside the fake clock's Advance, when the idle timer fires, so it reads the clock at that moment. Not
                // disposed: the cancelled delay's continuations run inline and would unregister it before it runs.
                _ = cancellationToken.Register(() => CancelledAt = time.GetUtcNow());
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return read;
        }
    }
}
