using System;
using System.IO;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>
/// A file to send as a file part of a multipart request: its bytes, the file name and the content type the service sees.
/// Create one from bytes, a <see cref="Stream"/> or a file on disk.
/// </summary>
/// <remarks>
/// The content is read into memory once, when the request is first submitted, and every retry (and every resubmission of
/// the same request) sends those same bytes: a retried POST must carry exactly the body of the first attempt, and a
/// stream that cannot seek could not be read a second time. Suited to the images, masks and reference clips generation
/// APIs take; the whole file is held in memory while the request is sent.
/// </remarks>
public sealed class FileUpload
{
    /// <summary>The content type used when none is given.</summary>
    public const string DefaultContentType = "application/octet-stream";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Stream? _stream;
    private string? _path;
    private ReadOnlyMemory<byte>? _content;
    private MemoryStream? _prefix; // bytes already read from _stream (a peek, or a read refused by a limit)

    private FileUpload(string fileName, string contentType)
    {
        FileName = CheckFileName(fileName);
        ContentType = CheckContentType(contentType);
    }

    /// <summary>The file name sent in the part's <c>Content-Disposition</c>.</summary>
    public string FileName { get; }

    /// <summary>The part's <c>Content-Type</c>, e.g. <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>A file whose bytes are in memory (a <see cref="T:byte[]"/> converts implicitly).</summary>
    /// <param name="content">The file's bytes; not copied, so do not change them until the request is sent.</param>
    /// <param name="fileName">The file name the service sees, e.g. <c>start.png</c>.</param>
    /// <param name="contentType">The content type, e.g. <c>image/png</c>.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentException">The file name is empty or holds a control character, a quote or a backslash, or the content type is not a media type.</exception>
    public static FileUpload FromBytes(ReadOnlyMemory<byte> content, string fileName, string contentType = DefaultContentType) =>
        new(fileName, contentType) { _content = content };

    /// <summary>
    /// A file read from <paramref name="content"/>, from its current position to its end, when the request is first
    /// submitted. The stream need not seek; it is read once and not disposed (it stays yours).
    /// </summary>
    /// <param name="content">The stream to read.</param>
    /// <param name="fileName">The file name the service sees.</param>
    /// <param name="contentType">The content type, e.g. <c>video/mp4</c>.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentException">The stream cannot be read, the file name is empty or holds a control character, or the content type is not a media type.</exception>
    public static FileUpload FromStream(Stream content, string fileName, string contentType = DefaultContentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(content));
        }

        return new FileUpload(fileName, contentType) { _stream = content };
    }

    /// <summary>A file on disk, read when the request is first submitted; the file name sent is the file's own.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The content type; <see cref="DefaultContentType"/> when null.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentException">The path names no file, or the content type is not a media type.</exception>
    public static FileUpload FromFile(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new FileUpload(Path.GetFileName(path), contentType ?? DefaultContentType) { _path = Path.GetFullPath(path) };
    }

    /// <summary>A file on disk, read when the request is first submitted; the file name sent is the file's own.</summary>
    /// <param name="file">The file.</param>
    /// <param name="contentType">The content type; <see cref="DefaultContentType"/> when null.</param>
    /// <returns>The upload.</returns>
    /// <exception cref="ArgumentException">The content type is not a media type.</exception>
    public static FileUpload FromFile(FileInfo file, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return FromFile(file.FullName, contentType);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{FileName} ({ContentType})";

    /// <summary>The file's bytes, read on the first call and the same ever after.</summary>
    internal async ValueTask<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken)
        => (await ReadAsync(maxBytes: null, cancellationToken).ConfigureAwait(false))!.Value;

    /// <summary>
    /// The file's bytes, or <see langword="null"/> when it is longer than <paramref name="maxBytes"/>: then at most
    /// <paramref name="maxBytes"/> + 1 bytes were read (a file on disk is refused by its length, unread). Bytes read from a stream are
    /// kept, so a later read goes on from there and the whole file is still sent.
    /// </summary>
    internal async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(long? maxBytes, CancellationToken cancellationToken)
    {
        if (_content is { } ready)
        {
            return ready.Length > maxBytes ? (ReadOnlyMemory<byte>?)null : ready; // not plain null: a byte[] null converts to empty memory
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_content is { } read)
            {
                return read.Length > maxBytes ? (ReadOnlyMemory<byte>?)null : read;
            }

            if (_path is { } path)
            {
                if (maxBytes is { } max && new FileInfo(path).Length > max)
                {
                    return null;
                }

                using var file = File.OpenRead(path);
                var (bytes, complete) = await ReadAtMostAsync(file, new MemoryStream(), maxBytes, cancellationToken).ConfigureAwait(false);
                if (!complete)
                {
                    return null; // the file grew since its length was read
                }

                _content = bytes;
                _path = null;
                return bytes;
            }

            _prefix ??= new MemoryStream();
            var (content, ended) = await ReadAtMostAsync(_stream!, _prefix, maxBytes, cancellationToken).ConfigureAwait(false);
            if (!ended)
            {
                return null;
            }

            _content = content;
            _stream = null; // read once: the caller may dispose it now
            _prefix = null;
            return content;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The file's first bytes (at most <paramref name="count"/>), to recognise its type; reads no more than that.</summary>
    internal async ValueTask<ReadOnlyMemory<byte>> PeekAsync(int count, CancellationToken cancellationToken)
    {
        if (_content is { } ready)
        {
            return ready[..Math.Min(count, ready.Length)];
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_content is { } read)
            {
                return read[..Math.Min(count, read.Length)];
            }

            if (_path is { } path)
            {
                using var file = File.OpenRead(path);
                var head = new MemoryStream();
                await ReadAtMostAsync(file, head, count - 1, cancellationToken).ConfigureAwait(false);
                return head.ToArray().AsMemory(0, (int)Math.Min(count, head.Length));
            }

            _prefix ??= new MemoryStream();
            if (_prefix.Length < count)
            {
                await ReadAtMostAsync(_stream!, _prefix, count - 1, cancellationToken).ConfigureAwait(false);
            }

            return _prefix.ToArray().AsMemory(0, (int)Math.Min(count, _prefix.Length));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads <paramref name="source"/> into <paramref name="buffer"/> until the source ends or the buffer holds more than
    /// <paramref name="maxBytes"/> (never asking for more than that + 1 in all); returns the buffer's bytes and whether the source ended.
    /// </summary>
    private static async Task<(byte[] Bytes, bool Ended)> ReadAtMostAsync(Stream source, MemoryStream buffer, long? maxBytes, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        while (true)
        {
            var want = maxBytes is { } max ? Math.Min(chunk.Length, max + 1 - buffer.Length) : chunk.Length;
            if (want <= 0)
            {
                return (buffer.ToArray(), false);
            }

            var read = await source.ReadAsync(chunk.AsMemory(0, (int)want), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), true);
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static string CheckFileName(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        foreach (var c in fileName)
        {
            if (char.IsControl(c) || c == '"' || c == '\\')
            {
                // A line break would end the part's header (and let the name inject headers); a quote would end the quoted name.
                throw new ArgumentException("The file name holds a control character (such as CR or LF), a quote or a backslash, which a part's Content-Disposition cannot carry.", nameof(fileName));
            }
        }

        return fileName;
    }

    private static string CheckContentType(string contentType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (!MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a media type such as 'image/png' or 'application/octet-stream'.", nameof(contentType));
        }

        return contentType;
    }
}
