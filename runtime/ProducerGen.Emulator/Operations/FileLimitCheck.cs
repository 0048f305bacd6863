using System.Globalization;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>A file that breaks its field's limits: 400 for a type the field does not accept, 413 for a size.</summary>
/// <param name="Status">400 or 413.</param>
/// <param name="Path">The part (<c>file</c>, <c>images[3]</c>).</param>
/// <param name="Message">What is wrong.</param>
internal sealed record FileProblem(int Status, string Path, string Message);

/// <summary>
/// Checks uploaded files against their fields' <see cref="FileLimitsSpec"/>: the type sniffed from the bytes (the
/// declared one is ignored) must be accepted, each file within its type's size (or the field's), an array of files
/// within its total.
/// </summary>
internal static class FileLimitCheck
{
    public static FileProblem? Check(IReadOnlyList<MemberSpec> fields, IReadOnlyList<UploadedFile> files)
    {
        foreach (var field in fields)
        {
            var isArray = field.Type is { Kind: MemberType.Array, Items.Kind: MemberType.File };
            if (field.Type.Kind != MemberType.File && !isArray)
            {
                continue;
            }

            var limits = isArray ? field.Type.Items!.Files : field.Type.Files;
            var total = isArray ? field.Type.Files?.MaxTotalBytes : null;

            var mine = files.Where(f => f.Field == field.Name).ToList();
            long sum = 0;
            for (var i = 0; i < mine.Count; i++)
            {
                var file = mine[i];
                var path = field.Type.Kind == MemberType.Array ? $"{field.Name}[{i.ToString(CultureInfo.InvariantCulture)}]" : field.Name;
                var sniffed = MediaSniffer.Sniff(file.Bytes);
                var max = limits?.MaxBytes;
                if (limits is { Accept.Count: > 0 })
                {
                    var accepted = limits.Accept.FirstOrDefault(a => a.MediaType == sniffed);
                    if (accepted is null)
                    {
                        return new FileProblem(StatusCodes.Status400BadRequest, path, $"must be one of {string.Join(", ", limits.Accept.Select(a => a.MediaType))} (its bytes read as {sniffed ?? "no known format"})");
                    }

                    max = accepted.MaxBytes ?? max;
                }

                if (max is { } most && file.Bytes.Length > most)
                {
                    return new FileProblem(StatusCodes.Status413PayloadTooLarge, path, $"is {Bytes(file.Bytes.Length)}; at most {Bytes(most)} are allowed{(sniffed is null ? string.Empty : " for " + sniffed)}");
                }

                sum += file.Bytes.Length;
            }

            if (total is { } allowed && sum > allowed)
            {
                return new FileProblem(StatusCodes.Status413PayloadTooLarge, field.Name, $"total {Bytes(sum)}; at most {Bytes(allowed)} are allowed");
            }
        }

        return null;
    }

    /// <summary>The largest body a request of <paramref name="fields"/> can lawfully have (its files' limits, plus room for the rest).</summary>
    public static long? MaxBody(IReadOnlyList<MemberSpec> fields)
    {
        long sum = 0;
        var any = false;
        foreach (var field in fields)
        {
            if (field.Type.Kind == MemberType.File && field.Type.Files?.MaxBytes is { } one)
            {
                sum += one;
                any = true;
            }
            else if (field.Type is { Kind: MemberType.Array, Items.Kind: MemberType.File })
            {
                var each = field.Type.Items.Files?.MaxBytes ?? 0;
                sum += field.Type.Files?.MaxTotalBytes ?? (each * (field.Type.MaxItems ?? 1));
                any = true;
            }
        }

        // Room for the other parts and the multipart framing, and for a file a little too large to be answered 413.
        return any ? sum + (sum / 10) + (1024 * 1024) : null;
    }

    private static string Bytes(long count) => count.ToString(CultureInfo.InvariantCulture) + " bytes";
}
