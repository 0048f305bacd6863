namespace ProducerGen.Schema.Model;

/// <summary>
/// What a file part may be (<c>maxBytes</c>, <c>accept</c> on a <c>type: file</c>; <c>maxTotalBytes</c> on an array of files).
/// The type is sniffed from the file's first bytes, so a mislabelled file is caught before it is sent.
/// </summary>
/// <param name="MaxBytes">The largest file, or null.</param>
/// <param name="Accept">The accepted media types, each with its own largest size or null for <see cref="MaxBytes"/>; empty for any.</param>
/// <param name="MaxTotalBytes">For an array of files: the largest total, or null.</param>
public sealed record FileLimitsSpec(long? MaxBytes, EquatableArray<AcceptedType> Accept, long? MaxTotalBytes = null);

/// <summary>One accepted media type of a file.</summary>
/// <param name="MediaType">The media type, e.g. <c>image/png</c>.</param>
/// <param name="MaxBytes">Its own largest size, or null.</param>
public sealed record AcceptedType(string MediaType, long? MaxBytes);
