using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// Streams output files. Refuses URLs that are not absolute http(s); follows redirects itself (at most five) so the API key is sent
/// only to the API's own host, never elsewhere; reads headers within the request timeout and streams the body without buffering it.
/// </summary>
internal sealed class Downloader(ApiTransport transport)
{
    private const int MaxRedirects = 5;
    private const int MaxErrorBodyBytes = 8 * 1024;

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
        using var activity = ProducerGenTelemetry.ActivitySource.StartActivity("ProducerGen.Download", ActivityKind.Client);
        activity?.SetTag("server.address", url.Host);

        using var response = await GetHeadersAsync(url, cancellationToken).ConfigureAwait(false);
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        long total = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using (source.ConfigureAwait(false))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    total += read;
                    progress?.Report(total);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        activity?.SetTag("producergen.download.bytes", total);
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
                return (path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken: try the next name.
            }
        }

        throw new IOException($"Could not find a free file name for '{name}' in '{root}'.");
    }

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
                await BoundedContentOrEmpty(response, cancellationToken).ConfigureAwait(false);
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

    private static async Task BoundedContentOrEmpty(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await BoundedContent.BufferAsync(response, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException)
        {
            response.Content = new ByteArrayContent([]);
        }
    }
}
