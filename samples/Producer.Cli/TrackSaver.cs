using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;

namespace Producer.Cli;

/// <summary>A track saved to disk.</summary>
internal sealed record SavedTrack(MusicTrack Track, string Path, long Bytes);

/// <summary>Downloads each track's audio through the runtime's downloader, under a file name made from its title.</summary>
internal static class TrackSaver
{
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

            // The runtime sanitizes the name (no path separators, reserved names or control characters), gives it the
            // URL's extension and never overwrites a file.
            var title = string.IsNullOrWhiteSpace(track.Title) ? "track" : track.Title;
            var name = tracks.Count > 1 ? $"{title} - {i + 1}" : title;
            var path = await client.Runtime.DownloadToDirectoryAsync(url, directory, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            saved.Add(new SavedTrack(track, path, new FileInfo(path).Length));
        }

        return saved;
    }
}
