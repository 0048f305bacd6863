using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// Collects the parts of a <c>multipart/form-data</c> body: text in invariant culture, JSON text for arrays and objects,
/// and files. Generated <see cref="IMultipartGenerationRequest.WriteMultipart"/> methods call it; the client turns it into
/// one buffered body that every retry resends unchanged.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)] // for generated code, as Azure.Core hides its helpers
public sealed class MultipartFormBuilder
{
    private readonly List<Part> _parts = new();

    /// <summary>Adds a text part.</summary>
    /// <param name="name">The part's name (the member's wire name).</param>
    /// <param name="value">The text, sent as UTF-8.</param>
    public void AddText(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _parts.Add(new Part(name, value, null, null));
    }

    /// <summary>Adds a whole number as a text part (<c>42</c>).</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The number.</param>
    public void AddNumber(string name, long value) => AddText(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number as a text part in its shortest round-trip form (<c>0.35</c>, never <c>0,35</c>).</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The number.</param>
    public void AddNumber(string name, double value) => AddText(name, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds <c>true</c> or <c>false</c> as a text part.</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The value.</param>
    public void AddBoolean(string name, bool value) => AddText(name, value ? "true" : "false");

    /// <summary>Adds a JSON part (<c>application/json</c>) and returns the writer its one value is written with.</summary>
    /// <param name="name">The part's name.</param>
    /// <returns>The writer; the part holds what it has written when the body is built.</returns>
    public Utf8JsonWriter AddJson(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new Utf8JsonWriter(buffer);
        _parts.Add(new Part(name, null, null, new JsonPart(buffer, writer)));
        return writer;
    }

    /// <summary>Adds a file part with the file's name and content type.</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="file">The file.</param>
    public void AddFile(string name, FileUpload file)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(file);
        _parts.Add(new Part(name, null, file, null));
    }

    /// <summary>Reads the files and encodes every part into one body with a fresh boundary.</summary>
    internal async Task<RequestBody> BuildAsync(CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent("producergen-" + Guid.NewGuid().ToString("N"));
        foreach (var part in _parts)
        {
            if (part.File is { } file)
            {
                var content = new ReadOnlyMemoryContent(await file.ReadAsync(cancellationToken).ConfigureAwait(false));
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
                var disposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(part.Name), FileName = file.FileName };
                if (!Ascii.IsValid(file.FileName))
                {
                    disposition.FileNameStar = file.FileName; // RFC 6266: filename*=utf-8''… beside the MIME-encoded filename
                }

                content.Headers.ContentDisposition = disposition;
                form.Add(content);
            }
            else if (part.Json is { } json)
            {
                json.Writer.Flush();
                json.Writer.Dispose();
                var content = new ByteArrayContent(json.Buffer.WrittenSpan.ToArray());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                form.Add(content, Quote(part.Name));
            }
            else
            {
                // Like a browser's form: a text part carries no Content-Type of its own.
                form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(part.Text!)), Quote(part.Name));
            }
        }

        var bytes = await form.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RequestBody(bytes, form.Headers.ContentType!.ToString());
    }

    /// <summary>A quoted-string for Content-Disposition: names may hold spaces or ';' (the framework quotes only what it must).</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed record Part(string Name, string? Text, FileUpload? File, JsonPart? Json);

    private sealed record JsonPart(ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer);
}
