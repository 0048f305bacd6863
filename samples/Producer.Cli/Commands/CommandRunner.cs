using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;
using Producer.Cli.Output;
using ProducerGen;

namespace Producer.Cli.Commands;

/// <summary>What every command shares: the output, the connection, saving the result and turning failures into exit codes.</summary>
internal static class CommandRunner
{
    public static IOutput OutputFor(ParseResult parse)
    {
        var baseUrl = parse.GetValue(CliOptions.BaseUrl);
        return parse.GetValue(CliOptions.Json) ? new JsonOutput(baseUrl) : new ConsoleOutput(baseUrl);
    }

    /// <summary>
    /// Runs what follows a submission; Ctrl+C there becomes <see cref="JobInterruptedException"/> (exit code 130), whose message
    /// says how to resume the job that goes on running.
    /// </summary>
    public static async Task<int> AfterSubmissionAsync(string jobId, ApiConnection connection, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception is not JobInterruptedException)
        {
            throw new JobInterruptedException(jobId, !connection.IsInProcessEmulator, exception);
        }
    }

    public static async Task<int> RunAsync(ParseResult parse, IOutput output, Func<ApiConnection, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            var maxWait = TimeSpan.FromSeconds(parse.GetValue(CliOptions.TimeoutSeconds));
            var connection = await ApiConnection.OpenAsync(parse.GetValue(CliOptions.BaseUrl), maxWait, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                output.Connected(connection.Description);
                return await body(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestValidationException exception)
        {
            output.Invalid(exception.Errors);
            return ExitCodes.Validation;
        }
#pragma warning disable CA1031 // The CLI's outermost handler: every failure becomes a message and an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var exitCode = ExitCodes.For(exception);
            output.Failed(exception, exitCode);
            return exitCode;
        }
    }

    /// <summary>Checks that the job succeeded, saves its tracks and reports them.</summary>
    public static async Task<int> FinishAsync(ParseResult parse, IOutput output, ApiConnection connection, Job job, CancellationToken cancellationToken)
    {
        var result = new ProducerResult(job.EnsureSucceeded());
        var directory = parse.GetValue(CliOptions.Out) ?? "tracks";
        var saved = await TrackSaver.SaveAsync(connection.Client, result, directory, cancellationToken).ConfigureAwait(false);
        output.Completed(result, saved);
        return ExitCodes.Success;
    }
}
