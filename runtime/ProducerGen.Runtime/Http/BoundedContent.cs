using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>Reads response bodies with a size bound, so a misbehaving server cannot make the client buffer without limit.</summary>
internal static class BoundedContent
{
    public static string? RequestId(HttpResponseMessage response)
        => response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;

    /// <summary>Reads the whole body (at most <paramref name="limit"/> bytes) and replaces the content with the buffered bytes.</summary>
    public static Task BufferAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
        => BufferAsync(response, limit, secret: null, cancellationToken);

    /// <summary>As <see cref="BufferAsync(HttpResponseMessage, int, CancellationToken)"/>; <paramref name="secret"/> is redacted from the request id of the error.</summary>
    public static async Task BufferAsync(HttpResponseMessage response, int limit, string? secret, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original is null)
        {
            response.Content = new ByteArrayContent([]);
            return;
        }

        if (original.Headers.ContentLength > limit)
        {
            throw TooLarge(response, limit, secret);
        }

        byte[] bytes;
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            bytes = await ReadAsync(stream, limit, response, secret, cancellationToken).ConfigureAwait(false);
        }

        var buffered = new ByteArrayContent(bytes);
        foreach (var header in original.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = buffered;
        original.Dispose();
    }

    private static async Task<byte[]> ReadAsync(Stream stream, int limit, HttpResponseMessage response, string? secret, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var buffer = new MemoryStream();
            while (true)
            {
                var read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.ToArray();
                }

                if (buffer.Length + read > limit)
                {
                    throw TooLarge(response, limit, secret);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static ResponseTooLargeException TooLarge(HttpResponseMessage response, int limit, string? secret)
        => new(
            $"The response to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} (HTTP {(int)response.StatusCode}) is larger than {limit} bytes, the limit for API responses (ProducerGenClientOptions.MaxResponseBodyBytes).",
            new ApiResponseInfo((int)response.StatusCode, ApiErrorFactory.Redact(RequestId(response), secret), null, null),
            limit);
}
