using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.Apiframe.Tests.Mocking.UserCode;

/// <summary>User code over the runtime client (any API): waits for a job and downloads every output.</summary>
internal sealed class OutputArchiver(ProducerGenClient client)
{
    public async Task<IReadOnlyList<string>> ArchiveAsync(string jobId, string directory, CancellationToken cancellationToken = default)
    {
        var job = (await client.Jobs.WaitAsync(jobId, cancellationToken: cancellationToken)).EnsureSucceeded();
        var files = new List<string>();
        foreach (var url in job.GetOutputUrls())
        {
            files.Add(await client.DownloadToDirectoryAsync(url, directory, cancellationToken: cancellationToken));
        }

        return files;
    }
}
