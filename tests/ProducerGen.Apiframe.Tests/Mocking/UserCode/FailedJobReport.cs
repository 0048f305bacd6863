using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;

namespace ProducerGen.Apiframe.Tests.Mocking.UserCode;

/// <summary>User code over the Jobs client: lists jobs and reads each failed one for its error.</summary>
internal sealed class FailedJobReport(ApiframeClient client)
{
    public async Task<IReadOnlyList<string>> LinesAsync(CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        await foreach (var summary in client.Jobs.ListAsync(cancellationToken: cancellationToken))
        {
            if (summary.Status == "FAILED" && summary.Id is { } id)
            {
                var job = await client.Jobs.GetAsync(id, cancellationToken);
                lines.Add($"{job.Id}: {job.Error}");
            }
        }

        return lines;
    }
}
