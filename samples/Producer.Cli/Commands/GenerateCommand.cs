using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace Producer.Cli.Commands;

/// <summary>The default command: validate, submit, wait with a live display, save the tracks.</summary>
internal static class GenerateCommand
{
    public static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = CommandRunner.OutputFor(parse);
        var request = RequestFactory.Create(parse);

        // The generated validator checks every schema constraint at once; nothing is started or sent for an invalid request.
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            output.Invalid(validation.Errors);
            return Task.FromResult(ExitCodes.Validation);
        }

        return CommandRunner.RunAsync(parse, output, async (connection, ct) =>
        {
            var client = connection.Client;
            var handle = await client.Producer.SubmitAsync(request, cancellationToken: ct).ConfigureAwait(false);
            if (parse.GetValue(CliOptions.NoWait))
            {
                output.NotWaiting(handle, connection.IsInProcessEmulator);
                return ExitCodes.Success;
            }

            output.Submitted(handle);
            var job = await output.ShowProgressAsync(handle.Id, progress => client.Jobs.WaitAsync(handle, progress, ct)).ConfigureAwait(false);
            return await CommandRunner.FinishAsync(parse, output, connection, job, ct).ConfigureAwait(false);
        }, cancellationToken);
    }
}
