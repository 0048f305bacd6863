using System.Collections.Concurrent;

namespace ProducerGen.Emulator.Media;

/// <summary>
/// The files rendered most recently, so a file fetched again (a retried download, the content route after the file
/// route) is not drawn and encoded twice. Files are deterministic, so a miss only costs time. Thread-safe; bounded.
/// </summary>
internal static class MediaCache
{
    /// <summary>How many files are kept; past it the cache starts over.</summary>
    public const int Capacity = 32;

    private static readonly ConcurrentDictionary<(Guid Job, int Index, string Extension), (byte[] Bytes, string ContentType)> Files = new();

    public static (byte[] Bytes, string ContentType)? GetOrRender(Guid job, int index, string extension, Func<(byte[] Bytes, string ContentType)?> render)
    {
        if (Files.TryGetValue((job, index, extension), out var cached))
        {
            return cached;
        }

        if (render() is not { } rendered)
        {
            return null;
        }

        if (Files.Count >= Capacity)
        {
            Files.Clear();
        }

        Files[(job, index, extension)] = rendered;
        return rendered;
    }
}
