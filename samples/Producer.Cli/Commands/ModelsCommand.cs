using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;

namespace Producer.Cli.Commands;

/// <summary><c>models [--modality image|video|music]</c>: the provider's model catalog (<c>client.Catalog.ListAsync</c>).</summary>
internal static class ModelsCommand
{
    public static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = CommandRunner.OutputFor(parse);
        var request = new CatalogListRequest { Modality = parse.GetValue(CliOptions.Modality) };
        return CommandRunner.RunAsync(parse, output, async (connection, ct) =>
        {
            var models = await connection.Client.Catalog.ListAsync(request, cancellationToken: ct).ConfigureAwait(false);
            output.Models(models);
            return ExitCodes.Success;
        }, cancellationToken);
    }
}
