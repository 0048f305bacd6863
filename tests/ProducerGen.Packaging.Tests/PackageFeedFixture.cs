using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace ProducerGen.Packaging.Tests;

/// <summary>
/// Packs ProducerGen, ProducerGen.Runtime, ProducerGen.Emulator and ProducerGen.Emulator.Tool once per test run, from a copy of the sources (so this never
/// touches the bin/obj folders the rest of the test run is using), with a version unique to the run (so the
/// NuGet cache never serves a stale package). The copy is made a git repository with the project's remote, so SourceLink
/// records a commit as it would on CI. Every restore under <see cref="Root"/> (the nuget.config there) puts packages in
/// <see cref="PackagesFolder"/>, reading the user's global folder only as a fallback, so no <c>0.1.0-ci.*</c> package is
/// left in the user's cache. Shared by every test class of the <see cref="PackageFeedCollection"/>.
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
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig);

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Directory.CreateDirectory(sources);
            File.Copy(Path.Combine(repository, file), Path.Combine(sources, file));
        }

        DotNet.CopyDirectory(Path.Combine(repository, "generator"), Path.Combine(sources, "generator"));
        DotNet.CopyDirectory(Path.Combine(repository, "runtime", "ProducerGen.Runtime"), Path.Combine(sources, "runtime", "ProducerGen.Runtime"));
        DotNet.CopyDirectory(Path.Combine(repository, "runtime", "ProducerGen.AspNetCore"), Path.Combine(sources, "runtime", "ProducerGen.AspNetCore"));
        DotNet.CopyDirectory(Path.Combine(repository, "runtime", "ProducerGen.Emulator"), Path.Combine(sources, "runtime", "ProducerGen.Emulator"));
        DotNet.CopyDirectory(Path.Combine(repository, "runtime", "ProducerGen.Emulator.Tool"), Path.Combine(sources, "runtime", "ProducerGen.Emulator.Tool"));
        SchemaFile = Path.Combine(repository, "schemas", "apiframe-music.producergen.yaml");
        // The emulator embeds the music schema as its default.
        Directory.CreateDirectory(Path.Combine(sources, "schemas"));
        File.Copy(SchemaFile, Path.Combine(sources, "schemas", "apiframe-music.producergen.yaml"));
        // The ProducerGen package ships the format's JSON Schema.
        File.Copy(Path.Combine(repository, "schemas", "producergen.schema.json"), Path.Combine(sources, "schemas", "producergen.schema.json"));

        Git(sources, "init --quiet");
        Git(sources, "add --all");
        Git(sources, "-c user.name=ProducerGen -c user.email=tests@producergen.invalid commit --quiet -m sources");
        Git(sources, "remote add origin " + RepositoryUrl);
        Commit = Git(sources, "rev-parse HEAD").Trim();

        DotNet.RunOk(sources, $"pack generator/ProducerGen.Package/ProducerGen.Package.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version} -p:ContinuousIntegrationBuild=true", PackTimeout);
        DotNet.RunOk(sources, $"pack runtime/ProducerGen.Runtime/ProducerGen.Runtime.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version} -p:ContinuousIntegrationBuild=true", PackTimeout);
        DotNet.RunOk(sources, $"pack runtime/ProducerGen.AspNetCore/ProducerGen.AspNetCore.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version} -p:ContinuousIntegrationBuild=true", PackTimeout);
        DotNet.RunOk(sources, $"pack runtime/ProducerGen.Emulator/ProducerGen.Emulator.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version} -p:ContinuousIntegrationBuild=true", PackTimeout);
        DotNet.RunOk(sources, $"pack runtime/ProducerGen.Emulator.Tool/ProducerGen.Emulator.Tool.csproj -c Release -o \"{Feed}\" -p:PackageVersion={Version} -p:ContinuousIntegrationBuild=true", PackTimeout);
    }

    /// <summary>A Release pack of a project and its references, on a machine that may be busy building other things.</summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(15);

    public static string RepositoryRoot { get; } =
        typeof(PackageFeedFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The repository the packages name (Directory.Build.props) and the remote of the packed copy.</summary>
    public const string RepositoryUrl = "https://github.com/producergen/producergen";

    public string Root { get; }

    /// <summary>The global packages folder of every restore under <see cref="Root"/>.</summary>
    public string PackagesFolder { get; }

    /// <summary>The user's global packages folder: read-only here (a fallback folder), never written.</summary>
    public static string UserPackagesFolder { get; } =
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The commit of the packed copy, which SourceLink writes into each nuspec.</summary>
    public string Commit { get; }

    public string Feed { get; }

    public string Version { get; }

    public string SchemaFile { get; }

    public string PackagePath => Path.Combine(Feed, $"ProducerGen.{Version}.nupkg");

    public string EmulatorPackagePath => Path.Combine(Feed, $"ProducerGen.Emulator.{Version}.nupkg");

    public string EmulatorToolPackagePath => Path.Combine(Feed, $"ProducerGen.Emulator.Tool.{Version}.nupkg");

    /// <summary>A nuget.config for consumers: the local feed first, nuget.org for everything else; packages restored
    /// into <see cref="PackagesFolder"/>, with the user's folder as a read-only fallback (no download of what it has).</summary>
    public string NuGetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{PackagesFolder}" />
          </config>
          <fallbackPackageFolders>
            <clear />
            <add key="user" value="{UserPackagesFolder}" />
          </fallbackPackageFolders>
          <packageSources>
            <clear />
            <add key="local" value="{Feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
        </configuration>
        """;

    private static string Git(string workingDirectory, string arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments} failed with {process.ExitCode}:\n{output}{error.Result}");
        }

        return output;
    }

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
