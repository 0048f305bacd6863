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
        var bytes = await ReadAsync(response, limit, secret, cancellationToken).ConfigureAwait(false);
        var buffered = new ByteArrayContent(bytes);
        if (original is not null)
        {
            // The values as received (NonValidated, no parsing and no string[] per header); one value is added as a plain string.
            foreach (var (name, values) in original.Headers.NonValidated)
            {
                if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    _ = values.Count == 1 ? buffered.Headers.TryAddWithoutValidation(name, values.ToString()) : buffered.Headers.TryAddWithoutValidation(name, values);
                }
            }
        }

        response.Content = buffered;
        original?.Dispose();
    }

    /// <summary>
    /// Reads the whole body, at most <paramref name="limit"/> bytes, and returns it; the content stays on the response, read (the
    /// transport takes the bytes, so no replacement content is built per answer). <paramref name="secret"/> is redacted from the
    /// request id of the error.
    /// </summary>
    public static async ValueTask<byte[]> ReadAsync(HttpResponseMessage response, int limit, string? secret, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content is null)
        {
            return [];
        }

        if (content.Headers.ContentLength > limit)
        {
            throw TooLarge(response, limit, secret);
        }

        // One async method from the stream to the bytes: on a socket, where reads do not complete at once, each layer is a box.
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                // Most API answers fit the rented chunk: they are copied out once, with no MemoryStream; only a bigger body spills into one.
                var filled = 0;
                while (filled < chunk.Length)
                {
                    var read = await stream.ReadAsync(chunk.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        if (filled > limit)
                        {
                            throw TooLarge(response, limit, secret);
                        }

                        return chunk.AsSpan(0, filled).ToArray();
                    }

                    filled += read;
                }

                if (filled > limit)
                {
                    throw TooLarge(response, limit, secret);
                }

                using var buffer = new MemoryStream();
                buffer.Write(chunk, 0, filled);
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
    }

    private static ResponseTooLargeException TooLarge(HttpResponseMessage response, int limit, string? secret)
        => new(
            $"The response to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} (HTTP {(int)response.StatusCode}) is larger than {limit} bytes, the limit for API responses (ProducerGenClientOptions.MaxResponseBodyBytes).",
            new ApiResponseInfo((int)response.StatusCode, ApiErrorFactory.Redact(RequestId(response), secret), null, null),
            limit);
}
