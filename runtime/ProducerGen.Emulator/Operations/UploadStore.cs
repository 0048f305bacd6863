namespace ProducerGen.Emulator.Operations;

/// <summary>An uploaded file, kept in memory until it expires.</summary>
/// <param name="Id">Its id.</param>
/// <param name="FileName">The name it is served under (the client's, made URL-safe).</param>
/// <param name="ContentType">The sniffed media type it is served with.</param>
/// <param name="Bytes">The content.</param>
/// <param name="ExpiresAt">When it stops being served.</param>
internal sealed record StoredUpload(Guid Id, string FileName, string ContentType, byte[] Bytes, DateTimeOffset ExpiresAt);

/// <summary>The uploads of an emulator, served at <c>/uploads/{id}/{fileName}</c> until they expire. Thread-safe.</summary>
internal sealed class UploadStore
{
    /// <summary>The path prefix uploads are served under.</summary>
    public const string Prefix = "/uploads/";

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, StoredUpload> _uploads = new();

    public StoredUpload Add(string fileName, string contentType, byte[] bytes, DateTimeOffset expiresAt)
    {
        var upload = new StoredUpload(Guid.NewGuid(), SafeName(fileName, contentType), contentType, bytes, expiresAt);
        lock (_gate)
        {
            _uploads[upload.Id] = upload;
        }

        return upload;
    }

    /// <summary>The upload named <paramref name="fileName"/> with <paramref name="id"/>, or null when there is none or it has expired (then it is forgotten).</summary>
    public StoredUpload? Find(Guid id, string fileName, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_uploads.TryGetValue(id, out var upload))
            {
                return null;
            }

            if (now >= upload.ExpiresAt)
            {
                _uploads.Remove(id);
                return null;
            }

            return upload.FileName == fileName ? upload : null;
        }
    }

    private static string SafeName(string fileName, string contentType)
    {
        var name = Path.GetFileName(fileName);
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).Trim('.');
        return safe.Length > 0 ? safe : "upload." + MediaSniffer.Extension(contentType);
    }
}
