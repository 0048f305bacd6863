using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Producer.Cli.Commands;

namespace Producer.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = BuildCommand();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run with --help to see the options and their ranges.").ConfigureAwait(false);
            return ExitCodes.Validation;
        }

        // Ctrl+C cancels the command's token and lets it finish: it then says how to resume a submitted job and exits 130.
        // (System.CommandLine's own handling ends the process after 2 s, before a slow shutdown has printed anything.)
        // A PosixSignalRegistration, not Console.CancelKeyPress: the runtime skips its Ctrl+C handler when SIGINT was ignored at
        // start (a process launched from a background shell job), and the registration installs one regardless.
        using var interrupted = new CancellationTokenSource();
        using var onInterrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            _ = Task.Run(interrupted.Cancel); // never run the command's continuations on the signal's thread
        });
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interrupted.Token).ConfigureAwait(false);
    }

    private static RootCommand BuildCommand()
    {
        var root = new RootCommand(
            "Generates with Apiframe's models through the generated ApiframeClient (default: music with the Producer model, saving the tracks). "
            + "Without APIFRAME_API_KEY it runs against a local emulator started in this process. "
            + "Exit codes: 0 ok, 1 error, 2 invalid request, 3 authentication, 4 credits, 5 job failed, 6 timeout, 130 cancelled (Ctrl+C; the message says how to resume a submitted job).");
        root.Arguments.Add(CliOptions.Prompt);
        foreach (var option in new Option[]
        {
            CliOptions.Model, CliOptions.Image, CliOptions.Audio,
            CliOptions.ModelVersion, CliOptions.Instrumental, CliOptions.Lyrics, CliOptions.Title, CliOptions.Seed,
            CliOptions.LyricsStrength, CliOptions.SoundStrength, CliOptions.Weirdness, CliOptions.NoWait,
        })
        {
            root.Options.Add(option);
        }

        // Shared by every command (--out and --timeout matter to generate and wait only).
        foreach (var option in new Option[] { CliOptions.Out, CliOptions.Json, CliOptions.BaseUrl, CliOptions.TimeoutSeconds })
        {
            option.Recursive = true;
            root.Options.Add(option);
        }

        root.SetAction(GenerateCommand.RunAsync);

        var wait = new Command("wait", "Resumes waiting for a job submitted earlier (e.g. with --no-wait), then saves its tracks.");
        wait.Arguments.Add(CliOptions.JobId);
        wait.SetAction(WaitCommand.RunAsync);
        root.Subcommands.Add(wait);

        var account = new Command("account", "Shows the API key's prefix, its team and the team's credits.");
        account.SetAction(AccountCommand.RunAsync);
        root.Subcommands.Add(account);

        var models = new Command("models", "Lists the provider's model catalog.");
        models.Options.Add(CliOptions.Modality);
        models.SetAction(ModelsCommand.RunAsync);
        root.Subcommands.Add(models);

        var jobs = new Command("jobs", "Lists your jobs, newest first.");
        foreach (var option in new Option[] { CliOptions.Status, CliOptions.JobsModel, CliOptions.Limit })
        {
            jobs.Options.Add(option);
        }

        jobs.SetAction(JobsCommand.RunAsync);
        root.Subcommands.Add(jobs);
        return root;
    }
}
