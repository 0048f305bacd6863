using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;

namespace Producer.Cli.Commands;

/// <summary>
/// <c>jobs [--status s] [--model id] [--limit N]</c>: the caller's jobs, newest first. <c>client.Jobs.ListAsync</c> pages
/// through the list as the loop asks for more; the loop stops after <c>--limit</c> jobs, so no further page is fetched.
/// </summary>
internal static class JobsCommand
{
    public static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = CommandRunner.OutputFor(parse);
        var request = new JobsListRequest { Status = parse.GetValue(CliOptions.Status), Model = parse.GetValue(CliOptions.JobsModel) };
        var limit = parse.GetValue(CliOptions.Limit);
        return CommandRunner.RunAsync(parse, output, async (connection, ct) =>
        {
            var jobs = new List<JobSummary>();
            await foreach (var job in connection.Client.Jobs.ListAsync(request, cancellationToken: ct).ConfigureAwait(false))
            {
                jobs.Add(job);
                if (jobs.Count == limit)
                {
                    break;
                }
            }

            output.Jobs(jobs);
            return ExitCodes.Success;
        }, cancellationToken);
    }
}
