using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;

namespace ProducerGen.Apiframe.Tests.Mocking.UserCode;

/// <summary>User code over a model's operations: composes songs and names their tracks, or queues one for later.</summary>
internal sealed class TrackService(ApiframeClient client)
{
    public async Task<IReadOnlyList<string>> ComposeAsync(string prompt, CancellationToken cancellationToken = default)
    {
        var song = await client.Suno.GenerateAsync(new SunoRequest(prompt), cancellationToken: cancellationToken);
        return song.Tracks.Select(track => track.Title ?? "untitled").ToList();
    }

    public async Task<string> QueueAsync(string prompt, CancellationToken cancellationToken = default)
        => (await client.Suno.SubmitAsync(new SunoRequest(prompt), cancellationToken: cancellationToken)).Id;
}
