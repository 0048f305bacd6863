using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;
using ProducerGen;

namespace Producer.Cli;

/// <summary>A track saved to disk.</summary>
internal sealed record SavedTrack(MusicTrack Track, string Path, long Bytes);

/// <summary>Downloads each track's audio through the runtime's downloader, under a file name made from its title.</summary>
internal static class TrackSaver
{
    /// <summary>Bytes left free after the title: " - " and a track number, and an extension of up to 10 characters.</summary>
    private const int TitleRoom = 24;

    public static async Task<IReadOnlyList<SavedTrack>> SaveAsync(ApiframeClient client, ProducerResult result, string directory, CancellationToken cancellationToken)
    {
        var saved = new List<SavedTrack>();
        var tracks = result.Tracks;
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i];
            if (track.AudioUrl is not { } url)
            {
                continue;
            }

            // The runtime's sanitizer bounds the title in UTF-8 bytes (a long CJK or emoji title fits Linux's 255-byte names),
            // cutting between grapheme clusters and leaving room for " - 12" and the URL's extension, so the track number
            // survives. The runtime then sanitizes the whole name again, gives it the URL's extension and never overwrites a file.
            var title = FileNameSanitizer.Sanitize(track.Title, "track", TitleRoom);
            var name = tracks.Count > 1 ? $"{title} - {i + 1}" : title;
            var path = await client.Runtime.DownloadToDirectoryAsync(url, directory, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            saved.Add(new SavedTrack(track, path, new FileInfo(path).Length));
        }

        return saved;
    }
}
