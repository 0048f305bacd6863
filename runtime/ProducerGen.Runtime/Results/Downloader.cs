using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// Streams output files. Refuses URLs that are not absolute http(s); follows redirects itself (at most five) so the API key is sent
/// only to the API's own host, never elsewhere; reads headers within the request timeout and streams the body without buffering it,
/// failing when no byte arrives for <see cref="ProducerGenClientOptions.DownloadIdleTimeout"/> or the file exceeds
/// <see cref="ProducerGenClientOptions.MaxDownloadBytes"/>.
/// </summary>
internal sealed class Downloader(ApiTransport transport)
{
    private const int MaxRedirects = 5;
    private const int MaxErrorBodyBytes = 8 * 1024;
    private const int BufferSize = 256 * 1024; // fewer reads and writes per megabyte (ArrayPool.Shared rounds to a power of two)

    /// <summary>The shortest time between two progress reports (the first chunk and the total are always reported).</summary>
    internal static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    public static void ValidateUrl(Uri url, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(url, parameterName);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(url.Host))
        {
            throw new ArgumentException($"Only absolute http:// or https:// URLs can be downloaded (was '{(url.IsAbsoluteUri ? url.Scheme + "://…" : url.OriginalString)}').", parameterName);
        }
    }

    public async Task<long> DownloadAsync(Uri url, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ValidateUrl(url, nameof(url));
        ArgumentNullException.ThrowIfNull(destination);
        using var activity = ProducerGenTelemetry.ActivitySource.StartActivity(TelemetryNames.Download, ActivityKind.Client);
        activity?.SetTag(TelemetryNames.Api, transport.Api.Name);
        activity?.SetTag(TelemetryNames.ServerAddress, url.Host);
        try
        {
            var total = await TransferAsync(url, destination, progress, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(TelemetryNames.DownloadBytes, total);
            return total;
        }
        catch (Exception exception) when (SpanFailure.Record(activity, exception, transport.Redactor))
        {
            throw; // not reached: the filter only marks the span
        }
    }

    private async Task<long> TransferAsync(Uri url, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var response = await GetHeadersAsync(url, cancellationToken).ConfigureAwait(false);
        var options = transport.Options;
        var shown = WithoutSecrets(response.RequestMessage?.RequestUri ?? url);
        if (options.MaxDownloadBytes is { } declaredCap && response.Content.Headers.ContentLength > declaredCap)
        {
            throw TooLarge(response, shown, declaredCap);
        }

        var idle = options.DownloadIdleTimeout;
        var stalled = false;
        long total = 0;
        long reported = 0;
        var lastReport = 0L;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        CancellationTokenSource? idleTimer = null;
        CancellationTokenSource? linked = null;
        try
        {
            var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                while (true)
                {
                    // The clock restarts before every read, so it measures the wait for the next chunk only. One timer serves the whole
                    // download (a pair of token sources per chunk was ~230 B per read, 3 MB per GB); it keeps running during the write, so
                    // when a slow destination outlasts it (not a stalled server) the next read starts with a fresh pair instead.
                    // Restarted first and checked after: a timer that fired just before the restart (CancelAfter is then a no-op)
                    // is replaced rather than failing the read as a stall.
                    idleTimer?.CancelAfter(idle);
                    if (idleTimer is null || idleTimer.IsCancellationRequested)
                    {
                        linked?.Dispose();
                        idleTimer?.Dispose();
                        idleTimer = new CancellationTokenSource(idle, transport.TimeProvider);
                        linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idleTimer.Token);
                    }

                    int read;
                    try
                    {
                        read = await source.ReadAsync(buffer.AsMemory(), linked!.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        stalled = idleTimer.IsCancellationRequested;
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    if (options.MaxDownloadBytes is { } cap && total + read > cap)
                    {
                        throw TooLarge(response, shown, cap);
                    }

                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    total += read;
                    if (progress is not null && (reported == 0 || transport.TimeProvider.GetElapsedTime(lastReport) >= ProgressInterval))
                    {
                        // Throttled: a Progress<long> posts every report (two objects each), one per chunk grew with the file size.
                        progress.Report(total);
                        reported = total;
                        lastReport = transport.TimeProvider.GetTimestamp();
                    }
                }
            }

            if (progress is not null && reported != total)
            {
                progress.Report(total); // the last report is always the total
            }
        }
        catch (Exception exception) when (stalled && !cancellationToken.IsCancellationRequested
                                          && exception is OperationCanceledException or IOException or HttpRequestException)
        {
            throw new DownloadStalledException(
                string.Create(CultureInfo.InvariantCulture, $"Downloading {shown.Host}{shown.AbsolutePath} stalled: no bytes arrived for {idle.TotalSeconds:0.###} s after {total} bytes (ProducerGenClientOptions.DownloadIdleTimeout)."),
                shown,
                idle,
                total,
                exception);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or HttpRequestException && exception is not ProducerGenException)
        {
            throw new TransportException(
                string.Create(CultureInfo.InvariantCulture, $"Downloading {shown.Host}{shown.AbsolutePath} failed after {total} bytes: {TransientFailures.Describe(exception)}."),
                exception,
                isTimeout: false);
        }
        finally
        {
            linked?.Dispose();
            idleTimer?.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Log.Downloaded(transport.Logger, total, url.Host, url.AbsolutePath);
        return total;
    }

    public async Task<string> DownloadToDirectoryAsync(Uri url, string directory, string? suggestedName, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ValidateUrl(url, nameof(url));
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var name = FileNameFor(url, suggestedName);

        var (path, stream) = CreateUniqueFile(root, name);
        var completed = false;
        try
        {
            await using (stream.ConfigureAwait(false))
            {
                await DownloadAsync(url, stream, progress, cancellationToken).ConfigureAwait(false);
            }

            completed = true;
            return path;
        }
        finally
        {
            if (!completed)
            {
                TryDelete(path);
            }
        }
    }

    /// <summary>The file name for a download: the sanitized suggestion (ending in the URL's extension), else the URL's last segment.</summary>
    internal static string FileNameFor(Uri url, string? suggestedName)
    {
        var segment = Uri.UnescapeDataString(url.Segments.Length > 0 ? url.Segments[^1] : string.Empty);
        var fromUrl = FileNameSanitizer.Sanitize(segment);
        if (string.IsNullOrWhiteSpace(suggestedName))
        {
            return fromUrl;
        }

        var name = FileNameSanitizer.Sanitize(suggestedName, fromUrl);
        var urlExtension = Path.GetExtension(fromUrl);
        // A title's own dots ("Mix v1.2") are not an extension: the file gets the URL's type unless it already ends with it.
        if (urlExtension.Length is > 1 and <= 8 && !name.EndsWith(urlExtension, StringComparison.OrdinalIgnoreCase))
        {
            name = FileNameSanitizer.Sanitize(name + urlExtension, fromUrl);
        }

        return name;
    }

    private static (string Path, FileStream Stream) CreateUniqueFile(string root, string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var i = 0; i < 1000; i++)
        {
            var candidate = i == 0 ? name : $"{stem} ({i}){extension}";
            var path = Path.GetFullPath(Path.Combine(root, candidate));
            if (!path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The file name '{candidate}' would leave the target directory.");
            }

            try
            {
                return (path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken: try the next name.
            }
        }

        throw new IOException($"Could not find a free file name for '{name}' in '{root}'.");
    }

    /// <summary>The URL as shown in errors: no query string, fragment or user information, which may hold signatures or keys.</summary>
    internal static Uri WithoutSecrets(Uri url)
        => url.IsAbsoluteUri ? new UriBuilder(url) { Query = string.Empty, Fragment = string.Empty, UserName = string.Empty, Password = string.Empty }.Uri : url;

    private static ResponseTooLargeException TooLarge(HttpResponseMessage response, Uri shown, long cap)
        => new(
            string.Create(CultureInfo.InvariantCulture, $"Downloading {shown.Host}{shown.AbsolutePath} stopped: the file is larger than {cap} bytes, the limit for downloads (ProducerGenClientOptions.MaxDownloadBytes)."),
            new ApiResponseInfo((int)response.StatusCode, BoundedContent.RequestId(response), null, null),
            cap,
            shown);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<HttpResponseMessage> GetHeadersAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            using var timeout = new CancellationTokenSource(transport.Options.RequestTimeout, transport.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.UserAgent.Add(UserAgent.Value);
            if (transport.IsApiHost(current))
            {
                transport.AddAuthentication(request); // the key goes to the API's own host only
            }

            HttpResponseMessage response;
            try
            {
                response = await transport.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TransportException($"Downloading from {current.Host} timed out waiting for the response headers.", exception, isTimeout: true);
            }
            catch (HttpRequestException exception)
            {
                throw new TransportException($"Downloading from {current.Host} failed: {exception.Message}", exception, isTimeout: false);
            }

            var status = (int)response.StatusCode;
            if (status is >= 300 and <= 399 && response.Headers.Location is { } location)
            {
                response.Dispose();
                if (hop >= MaxRedirects)
                {
                    throw new UnexpectedResponseException($"Downloading {url.Host}{url.AbsolutePath} was redirected more than {MaxRedirects} times.", new ApiResponseInfo(status, null, null, null));
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                ValidateUrl(next, nameof(url));
                current = next;
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                // The error body is bounded in size and, like the headers, in time: a server that stalls here gets an empty body.
                await BoundedContentOrEmpty(response, linked.Token, () => timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                var apiResponse = new ApiResponse(status, response.ReasonPhrase, body, BoundedContent.RequestId(response), RetryAfter.From(response, transport.TimeProvider), null, 1);
                var operation = $"Downloading {current.Host}{current.AbsolutePath}";
                if (status == 404)
                {
                    operation += " (the job's outputs may have expired: check Job.Expired)";
                }

                throw ApiErrorFactory.Create(apiResponse, operation, transport.Options.Retry, transport.Secret);
            }
        }
    }

    private static async Task BoundedContentOrEmpty(HttpResponseMessage response, CancellationToken cancellationToken, Func<bool> timedOut)
    {
        try
        {
            await BoundedContent.BufferAsync(response, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException)
        {
            response.Content = new ByteArrayContent([]);
        }
        catch (Exception exception) when (timedOut() && exception is OperationCanceledException or IOException or HttpRequestException)
        {
            response.Content = new ByteArrayContent([]);
        }
    }
}
