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
    /// <summary>
    /// The body of <paramref name="request"/>: multipart for an <see cref="IMultipartGenerationRequest"/> (files read once, so every
    /// retry sends the same bytes), JSON (<see cref="IGenerationRequest.WriteJson"/>) otherwise.
    /// </summary>
    public static async Task<RequestBody> CreateAsync(IGenerationRequest request, CancellationToken cancellationToken)
    {
        if (request is IMultipartGenerationRequest multipart)
        {
            var form = new MultipartFormBuilder();
            multipart.WriteMultipart(form);
            return await form.BuildAsync(cancellationToken).ConfigureAwait(false);
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteJson(writer);
            writer.Flush();
        }

        return new RequestBody(buffer.WrittenSpan.ToArray(), null);
    }
}
