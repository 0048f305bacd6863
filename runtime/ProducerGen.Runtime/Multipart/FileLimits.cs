using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace ProducerGen;

/// <summary>
/// The limits the schema puts on an uploaded file: a size, the accepted media types (recognised from the file's bytes, see
/// <see cref="MediaTypes.Sniff"/>), and sizes per type. Checked when the body is built, before anything is sent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)] // for generated code
public sealed class FileLimits
{
    /// <summary>Describes the limits.</summary>
    /// <param name="maxBytes">The largest file, in bytes, or <see langword="null"/> for no limit (for types not in <paramref name="maxBytesByType"/>).</param>
    /// <param name="contentTypes">The accepted sniffed media types (<c>image/png</c>, or <c>image/*</c>); <see langword="null"/> for any.</param>
    /// <param name="maxBytesByType">The largest file per sniffed media type, replacing <paramref name="maxBytes"/> for that type; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    public FileLimits(long? maxBytes = null, IReadOnlyList<string>? contentTypes = null, IReadOnlyDictionary<string, long>? maxBytesByType = null)
    {
        if (maxBytes is < 0 || maxBytesByType?.Values.Any(v => v < 0) == true)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBytes), "File size limits must not be negative.");
        }

        MaxBytes = maxBytes;
        ContentTypes = contentTypes?.ToArray();
        MaxBytesByType = maxBytesByType is null ? null : new Dictionary<string, long>(maxBytesByType.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The largest file, in bytes, or <see langword="null"/>.</summary>
    public long? MaxBytes { get; }

    /// <summary>The accepted sniffed media types, or <see langword="null"/> for any.</summary>
    public IReadOnlyList<string>? ContentTypes { get; }

    /// <summary>The largest file per sniffed media type, or <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, long>? MaxBytesByType { get; }

    /// <summary>The size limit of a file of <paramref name="sniffed"/> type.</summary>
    internal long? LimitFor(string? sniffed)
        => sniffed is not null && MaxBytesByType is { } byType && byType.TryGetValue(sniffed, out var limit) ? limit : MaxBytes;

    /// <summary>Whether a file of <paramref name="sniffed"/> type is accepted.</summary>
    internal bool Accepts(string? sniffed)
    {
        if (ContentTypes is null)
        {
            return true;
        }

        if (sniffed is null)
        {
            return false;
        }

        foreach (var accepted in ContentTypes)
        {
            if (string.Equals(accepted, sniffed, StringComparison.OrdinalIgnoreCase)
                || accepted.EndsWith("/*", StringComparison.Ordinal) && string.Equals(MediaTypes.KindOf(accepted), MediaTypes.KindOf(sniffed), StringComparison.Ordinal) && MediaTypes.KindOf(sniffed) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
