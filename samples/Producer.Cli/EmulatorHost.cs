using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ProducerGen.Emulator;

namespace Producer.Cli;

/// <summary>Starts the API emulator in this process, on a free loopback port, fast enough for a demo.</summary>
internal static class EmulatorHost
{
    /// <summary>Emulator time runs 15 times faster: the Producer model's 45 s average takes about 3 s.</summary>
    public const double TimeScale = 1.0 / 15;

    /// <summary>The schema the CLI is generated from, embedded so the emulator serves the same 106 models and 21 operations.</summary>
    private const string SchemaResource = "apiframe.producergen.yaml";

    public static Task<ApiEmulator> StartAsync(CancellationToken cancellationToken)
        => ApiEmulator.StartAsync(new EmulatorOptions { TimeScale = TimeScale, SchemaYaml = SchemaYaml() }, cancellationToken);

    private static string SchemaYaml()
    {
        using var stream = typeof(EmulatorHost).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The embedded schema '{SchemaResource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string Describe(ApiEmulator emulator)
        => $"No APIFRAME_API_KEY set: using the local emulator at {emulator.BaseAddress} "
            + $"(key {EmulatorOptions.DefaultApiKey}, time x{Math.Round(1 / TimeScale)}: a 45 s job takes ~{Math.Round(45 * TimeScale)} s).";
}
