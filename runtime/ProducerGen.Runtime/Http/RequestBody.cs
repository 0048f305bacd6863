using System;
using System.Buffers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>A request body ready to send, attempt after attempt: its bytes and their content type.</summary>
/// <param name="Bytes">The encoded body.</param>
/// <param name="ContentType">The <c>Content-Type</c> header value (a multipart body names its boundary), or null for JSON.</param>
internal sealed record RequestBody(byte[] Bytes, string? ContentType)
{
    // A scratch buffer bigger than this is dropped after use rather than kept for the thread's life.
    private const int MaxKeptScratchBytes = 64 * 1024;

    // One scratch writer per thread, as System.Text.Json pools its own: a fresh 1 KB buffer and Utf8JsonWriter per request were
    // most of the serialization's allocations (issue 20).
    [ThreadStatic]
    private static JsonScratch? t_scratch;

    /// <summary>
    /// The body of <paramref name="request"/>: multipart for an <see cref="IMultipartGenerationRequest"/> (files read once, so every
    /// retry sends the same bytes), JSON (<see cref="IGenerationRequest.WriteJson"/>) otherwise.
    /// </summary>
    public static ValueTask<RequestBody> CreateAsync(IGenerationRequest request, CancellationToken cancellationToken)
    {
        if (request is IMultipartGenerationRequest multipart)
        {
            return CreateMultipartAsync(multipart, cancellationToken);
        }

        return new ValueTask<RequestBody>(new RequestBody(SerializeJson(request), null));
    }

    /// <summary>The request's JSON (<see cref="IGenerationRequest.WriteJson"/>) as UTF-8 bytes, written through the thread's scratch buffer.</summary>
    internal static byte[] SerializeJson(IGenerationRequest request)
    {
        // Taken off the thread while in use, so a WriteJson that somehow serializes another request gets a scratch of its own.
        var scratch = t_scratch ?? new JsonScratch();
        t_scratch = null;
        try
        {
            scratch.Writer.Reset(scratch.Buffer);
            request.WriteJson(scratch.Writer);
            scratch.Writer.Flush();
            return scratch.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            scratch.Buffer.Clear(); // no request text lingers in the thread's buffer
            if (scratch.Buffer.Capacity <= MaxKeptScratchBytes)
            {
                t_scratch = scratch;
            }
        }
    }

    private static async ValueTask<RequestBody> CreateMultipartAsync(IMultipartGenerationRequest multipart, CancellationToken cancellationToken)
    {
        var form = new MultipartFormBuilder();
        multipart.WriteMultipart(form);
        return await form.BuildAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class JsonScratch
    {
        public JsonScratch()
        {
            Writer = new Utf8JsonWriter(Buffer);
        }

        public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

        public Utf8JsonWriter Writer { get; }
    }
}
