using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ProducerGen.Packaging.Tests;

/// <summary>What nuget.org and a debugger see of each packed package: the nuspec's metadata, the symbols and the files.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageMetadataTests
{
    private readonly PackageFeedFixture _feed;

    public PackageMetadataTests(PackageFeedFixture feed)
    {
        _feed = feed;
    }

    [Theory]
    [InlineData("ProducerGen")]
    [InlineData("ProducerGen.Runtime")]
    [InlineData("ProducerGen.AspNetCore")]
    [InlineData("ProducerGen.Emulator")]
    [InlineData("ProducerGen.Emulator.Tool")]
    public void Nuspec_names_the_license_readme_repository_commit_project_description_and_tags(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.nupkg"));
        var metadata = Metadata(package);

        Assert.Equal(id, Value(metadata, "id"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        var readme = package.GetEntry("README.md");
        Assert.NotNull(readme);
        using (var reader = new StreamReader(readme!.Open()))
        {
            Assert.StartsWith("# " + id + "\n", reader.ReadToEnd().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(PackageFeedFixture.RepositoryUrl, (string?)repository.Attribute("url"));
        // Written by SourceLink from the packed copy's git HEAD: proof it ran.
        Assert.Equal(_feed.Commit, (string?)repository.Attribute("commit"));
        Assert.Equal(PackageFeedFixture.RepositoryUrl, Value(metadata, "projectUrl"));
        Assert.True(Value(metadata, "description").Length > 40, "a real description");
        Assert.Contains("producergen", Value(metadata, "tags").Split(' '), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("ProducerGen.Runtime")]
    [InlineData("ProducerGen.AspNetCore")]
    [InlineData("ProducerGen.Emulator")]
    public void Libraries_come_with_a_symbol_package_holding_their_pdbs(string id)
    {
        var symbols = Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.snupkg");
        Assert.True(File.Exists(symbols), $"{symbols} was not produced");

        using var package = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.nupkg"));
        using var snupkg = ZipFile.OpenRead(symbols);
        var assemblies = package.Entries.Select(e => e.FullName)
            .Where(name => name.StartsWith("lib/", StringComparison.Ordinal) && name.EndsWith("/" + id + ".dll", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(assemblies);
        foreach (var assembly in assemblies)
        {
            var pdb = Path.ChangeExtension(assembly, ".pdb");
            Assert.Contains(pdb, snupkg.Entries.Select(e => e.FullName));
            Assert.DoesNotContain(pdb, package.Entries.Select(e => e.FullName));
        }
    }

    [Fact]
    public void The_tool_carries_its_own_pdbs_but_not_SkiaSharps_native_ones()
    {
        using var package = ZipFile.OpenRead(_feed.EmulatorToolPackagePath);
        var names = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("tools/net10.0/any/producergen-emulator.pdb", names);
        Assert.Contains("tools/net10.0/any/ProducerGen.Emulator.pdb", names);
        Assert.Contains(names, name => name.StartsWith("tools/net10.0/any/runtimes/", StringComparison.Ordinal) && name.EndsWith("libSkiaSharp.so", StringComparison.Ordinal));
        Assert.DoesNotContain(names, name => name.StartsWith("tools/net10.0/any/runtimes/", StringComparison.Ordinal) && name.EndsWith(".pdb", StringComparison.Ordinal));
        // Its symbols are in the package itself: no duplicate .snupkg.
        Assert.False(File.Exists(Path.ChangeExtension(_feed.EmulatorToolPackagePath, ".snupkg")));
    }

    [Fact]
    public void The_generator_package_ships_the_formats_JSON_Schema()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath);
        var schema = package.GetEntry("schema/producergen.schema.json");
        Assert.NotNull(schema);
        using var reader = new StreamReader(schema!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(PackageFeedFixture.RepositoryRoot, "schemas", "producergen.schema.json")), reader.ReadToEnd());

        // The path MSBuild hands to users (ProducerGenJsonSchemaPath) points at that file.
        using var props = new StreamReader(package.GetEntry("build/ProducerGen.props")!.Open());
        Assert.Contains("../schema/producergen.schema.json", props.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_consumer_restore_puts_the_packages_in_the_test_folder_not_the_users_global_cache()
    {
        var directory = Path.Combine(_feed.Root, "consumers", "global-cache");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProducerGen" Version="{_feed.Version}" />
              </ItemGroup>
            </Project>
            """);

        DotNet.RunOk(directory, "restore");

        Assert.True(File.Exists(Path.Combine(_feed.PackagesFolder, "producergen", _feed.Version, $"producergen.{_feed.Version}.nupkg")), "restored into the test's folder");
        Assert.True(Directory.Exists(Path.Combine(_feed.PackagesFolder, "producergen.runtime", _feed.Version)), "the runtime dependency as well");
        Assert.False(Directory.Exists(Path.Combine(PackageFeedFixture.UserPackagesFolder, "producergen", _feed.Version)), "nothing in the user's global cache");
        Assert.False(Directory.Exists(Path.Combine(PackageFeedFixture.UserPackagesFolder, "producergen.runtime", _feed.Version)), "nothing in the user's global cache");
    }

    private static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? throw new Xunit.Sdk.XunitException($"no <{name}> in the nuspec");
}
