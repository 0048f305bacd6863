using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace ProducerGen.Packaging.Tests;

/// <summary>Fresh projects restore the packed ProducerGen from a local feed, build and run.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageConsumptionTests
{
    private const string Program =
        """
        using System;
        using System.IO;
        using System.Text;
        using System.Text.Json;
        using Apiframe;

        var request = new ProducerRequest("packaged") { Params = new ProducerParams { Weirdness = WeirdnessValue.Value, ModelVersion = ProducerModelVersion.Fuzz2 } };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) { request.WriteJson(writer); }
        Console.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        Console.WriteLine("valid=" + request.Validate().IsValid);
        Console.WriteLine("client=" + typeof(ApiframeClient).FullName);

        static class WeirdnessValue
        {
            public const double Value = 0.35;
            public static readonly ProducerParams OutOfRange = new() { Weirdness = 1.5 };
            public static readonly ProducerParams OffGrid = new() { Weirdness = 0.33 };
        }
        """;

    private readonly PackageFeedFixture _feed;

    public PackageConsumptionTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void Package_ships_one_roslyn48_analyzer_folder_with_every_assembly_and_depends_on_the_runtime()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToList();

        var analyzerFolders = entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Select(e => e[..e.LastIndexOf('/')]).Distinct().ToList();
        Assert.Equal(new[] { "analyzers/dotnet/roslyn4.8/cs" }, analyzerFolders);
        Assert.Equal(
            new[] { "ProducerGen.Analyzers.dll", "ProducerGen.CodeFixes.dll", "ProducerGen.Generator.dll", "ProducerGen.Schema.dll", "YamlDotNet.dll" },
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains("build/ProducerGen.props", entries);
        Assert.Contains("build/ProducerGen.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains($"id=\"ProducerGen.Runtime\" version=\"{_feed.Version}\"", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void Fresh_consumer_restores_builds_warns_on_out_of_range_constant_and_runs()
    {
        var project = CreateConsumer("plain", extraItems: string.Empty);

        var build = DotNet.RunOk(project, "build");
        var run = DotNet.RunOk(project, "run --no-build");

        // The analyzer ships in the package and reports at the constant's own line and column.
        Assert.Contains("Program.cs(17,76): warning PG1001: weirdness = 1.5 is outside 0..1 (schema apiframe-music.producergen.yaml)", build, StringComparison.Ordinal);
        Assert.Contains("Program.cs(18,73): warning PG1002: weirdness = 0.33 is off the 0.05 step grid", build, StringComparison.Ordinal);
        Assert.Contains("""{"model":"producer","prompt":"packaged","producerParams":{"model_version":"FUZZ_2","weirdness":0.35}}""", run, StringComparison.Ordinal);
        Assert.Contains("valid=True", run, StringComparison.Ordinal);
        Assert.Contains("client=Apiframe.ApiframeClient", run, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_compiled_by_the_roslyn_4_14_toolset_loads_the_generator()
    {
        var project = CreateConsumer("toolset", """<PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="4.14.0" PrivateAssets="all" />""");

        var run = DotNet.RunOk(project, "run");

        Assert.Contains("client=Apiframe.ApiframeClient", run, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_with_another_analyzer_package_carrying_an_older_yamldotnet_still_generates()
    {
        // A local analyzer package that ships YamlDotNet 13.7.1 in its analyzers folder, as some real packages do (CsWin32#221).
        var other = Path.Combine(_feed.Root, "other-analyzer");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "Other.Analyzer.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <PackageId>Other.Analyzer</PackageId>
                <PackageVersion>{{_feed.Version}}</PackageVersion>
                <IncludeBuildOutput>false</IncludeBuildOutput>
                <NoWarn>$(NoWarn);NU5128</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="YamlDotNet" Version="13.7.1" GeneratePathProperty="true" PrivateAssets="all" />
                <None Include="$(PKGYamlDotNet)/lib/netstandard2.0/YamlDotNet.dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
              </ItemGroup>
            </Project>
            """);
        DotNet.RunOk(other, $"pack -c Release -o \"{_feed.Feed}\"");
        var project = CreateConsumer("two-yamls", $"""<PackageReference Include="Other.Analyzer" Version="{_feed.Version}" />""");

        var run = DotNet.RunOk(project, "run");

        Assert.Contains("client=Apiframe.ApiframeClient", run, StringComparison.Ordinal);
    }

    private string CreateConsumer(string name, string extraItems)
    {
        var directory = Path.Combine(_feed.Root, "consumers", name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), _feed.NuGetConfig);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>PG1001;PG1002</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProducerGen" Version="{_feed.Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        Directory.CreateDirectory(Path.Combine(directory, "schemas"));
        File.Copy(_feed.SchemaFile, Path.Combine(directory, "schemas", "apiframe-music.producergen.yaml"));
        return directory;
    }
}
