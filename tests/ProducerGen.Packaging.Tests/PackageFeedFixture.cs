using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace ProducerGen.Packaging.Tests;

/// <summary>
/// Packs ProducerGen, ProducerGen.Runtime, ProducerGen.Emulator and ProducerGen.Emulator.Tool once per test run, from a copy of the sources (so this never
/// touches the bin/obj folders the rest of the test run is using), with a version unique to the run (so the
/// NuGet cache never serves a stale package). Shared by every test class of the <see cref="PackageFeedCollection"/>.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    public PackageFeedFixture()
    {
        var repository = RepositoryRoot;
        Root = Path.Combine(Path.GetTempPath(), "producergen-pack-" + Guid.NewGuid().ToString("N")[..8]);
        Version = "0.1.0-ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(1000, 9999);
        Feed = Path.Combine(Root, "feed");
        var sources = Path.Combine(Root, "src");

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Directory.CreateDirectory(sources);
            File.Copy(Path.Combine(repository, file), Path.Combine(sources, file));
        }

        DotNet.CopyDirectory(Path.Combine(repository, "generator"), Path.Combine(sources, "generator"));
        DotNet.CopyDirectory(Path.Combine(repository, "runtime", "ProducerGen.Runtime"), Path.Combine(sources, "runtime", "ProducerGen.Runtime"));
        DotNet.CopyDirectory(Path.Combine(repository, "runtime", "ProducerGen.Emulator"), Path.Combine(sources, "runtime", "ProducerGen.Emulator"));
        DotNet.CopyDirectory(Path.Combine(repository, "runtime", "ProducerGen.Emulator.Tool"), Path.Combine(sources, "runtime", "ProducerGen.Emulator.Tool"));
        SchemaFile = Path.Combine(repository, "schemas", "apiframe-music.producergen.yaml");
        // The emulator embeds the music schema as its default.
        Directory.CreateDirectory(Path.Combine(sources, "schemas"));
        File.Copy(SchemaFile, Path.Combine(sources, "schemas", "apiframe-music.producergen.yaml"));

        DotNet.RunOk(sources, $"pack generator/ProducerGen.Package/ProducerGen.Package.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version}", PackTimeout);
        DotNet.RunOk(sources, $"pack runtime/ProducerGen.Runtime/ProducerGen.Runtime.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version}", PackTimeout);
        DotNet.RunOk(sources, $"pack runtime/ProducerGen.Emulator/ProducerGen.Emulator.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version}", PackTimeout);
        DotNet.RunOk(sources, $"pack runtime/ProducerGen.Emulator.Tool/ProducerGen.Emulator.Tool.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version}", PackTimeout);
    }

    /// <summary>A Release pack of a project and its references, on a machine that may be busy building other things.</summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(15);

    public static string RepositoryRoot { get; } =
        typeof(PackageFeedFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string SchemaFile { get; }

    public string PackagePath => Path.Combine(Feed, $"ProducerGen.{Version}.nupkg");

    public string EmulatorPackagePath => Path.Combine(Feed, $"ProducerGen.Emulator.{Version}.nupkg");

    public string EmulatorToolPackagePath => Path.Combine(Feed, $"ProducerGen.Emulator.Tool.{Version}.nupkg");

    /// <summary>A nuget.config for consumers: the local feed first, nuget.org for everything else.</summary>
    public string NuGetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{Feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
        </configuration>
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>One packed feed for every packaging test class (packing takes about a minute); the classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "Package feed";
}
