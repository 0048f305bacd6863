using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace Producer.Cli.Commands;

/// <summary><c>account</c>: the key's prefix, its team and the team's credits (<c>client.Account.GetAsync()</c>).</summary>
internal static class AccountCommand
{
    public static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = CommandRunner.OutputFor(parse);
        return CommandRunner.RunAsync(parse, output, async (connection, ct) =>
        {
            var account = await connection.Client.Account.GetAsync(cancellationToken: ct).ConfigureAwait(false);
            output.Account(account);
            return ExitCodes.Success;
        }, cancellationToken);
    }
}
