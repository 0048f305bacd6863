using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;

namespace Producer.Cli.Commands;

/// <summary><c>wait &lt;jobId&gt;</c>: resume waiting for a job submitted earlier (e.g. with <c>--no-wait</c>), then save its tracks (Producer) or list its output URLs.</summary>
internal static class WaitCommand
{
    public static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = CommandRunner.OutputFor(parse);
        var jobId = parse.GetValue(CliOptions.JobId) ?? string.Empty;
        if (!ApiConnection.HasApiKey)
        {
            // A new in-process emulator would not know the job: its jobs end with the command that created them.
            output.Failed(new InvalidOperationException(
                $"'wait' resumes jobs of the real service or of a standalone emulator: set {ApiframeClientOptions.ApiKeyEnvironmentVariable} "
                + "(afk_test for an emulator started with 'producergen-emulator' or 'dotnet run --project runtime/ProducerGen.Emulator.Tool', plus --base-url http://127.0.0.1:5080)."), ExitCodes.Error);
            return Task.FromResult(ExitCodes.Error);
        }

        return CommandRunner.RunAsync(parse, output, async (connection, ct) =>
        {
            var average = ProducerOperations.Description.AverageCompletion;
            return await CommandRunner.AfterSubmissionAsync(jobId, connection, async () =>
            {
                var job = await output.ShowProgressAsync(jobId, progress => connection.Client.Jobs.WaitAsync(jobId, progress, average, ct)).ConfigureAwait(false);
                if (job.Model != ProducerOperations.Description.ModelId)
                {
                    // A job of another model (--model): its output URLs, as the generate command prints them.
                    output.JobCompleted(job.EnsureSucceeded());
                    return ExitCodes.Success;
                }

                return await CommandRunner.FinishAsync(parse, output, connection, job, ct).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }, cancellationToken);
    }
}
