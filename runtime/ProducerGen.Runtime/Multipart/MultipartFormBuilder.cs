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

    /// <summary>
    /// Adds a file part checked against <paramref name="limits"/> when the body is built: a file over its size limit (read no further
    /// than that limit + 1 byte) or of a type not accepted (recognised from its bytes) is a <see cref="RequestValidationException"/>
    /// naming the part, and nothing is sent.
    /// </summary>
    /// <param name="name">The part's name.</param>
    /// <param name="file">The file.</param>
    /// <param name="limits">The file's limits, or <see langword="null"/> for none.</param>
    public void AddFile(string name, FileUpload file, FileLimits? limits)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(file);
        _parts.Add(new Part(name, null, file, null) { Limits = limits, Path = name });
    }

    /// <summary>
    /// Adds one file part per file, all under <paramref name="name"/> (repeated parts), each checked against <paramref name="eachFile"/>
    /// and all together against <paramref name="maxTotalBytes"/> when the body is built.
    /// </summary>
    /// <param name="name">The parts' name.</param>
    /// <param name="files">The files, in order.</param>
    /// <param name="eachFile">Each file's limits, or <see langword="null"/> for none.</param>
    /// <param name="maxTotalBytes">The largest total size of the files, or <see langword="null"/> for no limit.</param>
    public void AddFiles(string name, IEnumerable<FileUpload> files, FileLimits? eachFile, long? maxTotalBytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(files);
        var group = new FileGroup(name, maxTotalBytes);
        var index = 0;
        foreach (var file in files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            _parts.Add(new Part(name, null, file, null) { Limits = eachFile, Group = group, Path = string.Create(CultureInfo.InvariantCulture, $"{name}[{index++}]") });
        }
    }

    /// <summary>Reads the files and encodes every part into one body with a fresh boundary.</summary>
    /// <exception cref="RequestValidationException">A file breaks its limits; nothing is sent.</exception>
    internal async Task<RequestBody> BuildAsync(CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent("producergen-" + RandomKeySource.NewUuid().ToString("N"));
        var errors = new List<ValidationError>();
        foreach (var part in _parts)
        {
            if (part.File is { } file)
            {
                var bytes = await ReadCheckedAsync(part, file, errors, cancellationToken).ConfigureAwait(false);
                if (bytes is not { } fileBytes)
                {
                    continue; // refused: keep checking the other files, so every violation is reported at once
                }

                var content = new ReadOnlyMemoryContent(fileBytes);
                var declared = file.ContentType;
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(
                    string.Equals(declared, FileUpload.DefaultContentType, StringComparison.OrdinalIgnoreCase) && MediaTypes.Sniff(fileBytes.Span) is { } sniffed ? sniffed : declared);
                // An ASCII file name is sent quoted, as browsers and curl do: multipart parsers that accept only quoted values (Prism's,
                // among others) fail on a bare token; a non-ASCII one is MIME-encoded (and quoted) by ContentDispositionHeaderValue.
                var disposition = new ContentDispositionHeaderValue("form-data")
                {
                    Name = Quote(part.Name),
                    FileName = Ascii.IsValid(file.FileName) ? Quote(file.FileName) : file.FileName,
                };
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

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var body = await form.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RequestBody(body, form.Headers.ContentType!.ToString());
    }

    /// <summary>
    /// The file's bytes, checked against its limits: its type is sniffed from its first bytes, then it is read no further than its
    /// limit (or what its group's total has left) + 1 byte. Null, with the violation added, when it breaks one.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadCheckedAsync(Part part, FileUpload file, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (part.Limits is null && part.Group?.MaxTotalBytes is null)
        {
            return await file.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        string? sniffed = null;
        long? limit = null;
        if (part.Limits is { } limits)
        {
            sniffed = MediaTypes.Sniff((await file.PeekAsync(MediaTypes.SniffLength, cancellationToken).ConfigureAwait(false)).Span);
            if (!limits.Accepts(sniffed))
            {
                var accepted = string.Join(", ", limits.ContentTypes!);
                errors.Add(new ValidationError(part.Path!, $"must be a file of type {accepted} (was {sniffed ?? "not a recognised media type"}, from its content)"));
                return null;
            }

            limit = limits.LimitFor(sniffed);
        }

        var group = part.Group;
        var left = group?.MaxTotalBytes is { } total ? Math.Max(0, total - group.Bytes) : (long?)null;
        var bound = limit is { } own && left is { } rest ? Math.Min(own, rest) : limit ?? left;
        var bytes = await file.ReadAsync(bound, cancellationToken).ConfigureAwait(false);
        if (bytes is { } read)
        {
            if (group is not null)
            {
                group.Bytes += read.Length;
            }

            return read;
        }

        if (limit is { } max && (left is null || max <= left))
        {
            var type = sniffed is null ? string.Empty : $" for {sniffed}";
            errors.Add(new ValidationError(part.Path!, string.Create(CultureInfo.InvariantCulture, $"must be at most {max} bytes{type} (was larger)")));
        }
        else if (group is not null && !group.Reported)
        {
            group.Reported = true;
            errors.Add(new ValidationError(group.Name, string.Create(CultureInfo.InvariantCulture, $"the files together must be at most {group.MaxTotalBytes} bytes (were more)")));
        }

        return null;
    }

    /// <summary>A quoted-string for Content-Disposition: names may hold spaces or ';' (the framework quotes only what it must).</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed record Part(string Name, string? Text, FileUpload? File, JsonPart? Json)
    {
        public FileLimits? Limits { get; init; }

        public FileGroup? Group { get; init; }

        /// <summary>The member path errors name: the part's name, or <c>name[i]</c> in a group.</summary>
        public string? Path { get; init; }
    }

    /// <summary>The files added under one name by <see cref="AddFiles"/>: their total limit and the bytes read so far.</summary>
    private sealed class FileGroup(string name, long? maxTotalBytes)
    {
        public string Name { get; } = name;

        public long? MaxTotalBytes { get; } = maxTotalBytes;

        public long Bytes { get; set; }

        public bool Reported { get; set; }
    }

    private sealed record JsonPart(ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer);
}
