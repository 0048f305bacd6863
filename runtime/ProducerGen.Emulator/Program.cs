using System.Globalization;

namespace ProducerGen.Emulator;

/// <summary>The standalone host: <c>dotnet run --project runtime/ProducerGen.Emulator -- --urls http://127.0.0.1:5080</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var parsed = EmulatorCommandLine.Parse(args);
        if (parsed.HelpRequested)
        {
            Console.Out.WriteLine(EmulatorCommandLine.HelpText);
            return parsed.Errors.Count == 0 ? 0 : 2;
        }

        if (parsed.Options is not { } options)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine("Run with --help for the options.");
            return 2;
        }

        ApiEmulator emulator;
        try
        {
            emulator = await ApiEmulator.StartAsync(options).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            var keys = string.Join(", ", options.ApiKeys.Select(k => k.IsActive ? k.Key : k.Key + " (inactive)"));
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"ProducerGen emulator for {emulator.Schema.Api.Name} listening on {emulator.BaseAddress} ({emulator.Schema.Models.Count} models, time scale {options.TimeScale}, keys: {keys}{(options.AcceptAnyKey ? " and any afk_ key" : string.Empty)}). Ctrl+C stops it."));
            if (options.Faults.Any)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fault injection is on (seed {options.Faults.Seed})."));
            }

            await emulator.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
