using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace ProducerGen.Packaging.Tests;

/// <summary>
/// Consumer projects loaded the way an IDE loads them: `dotnet format` opens an MSBuild workspace (design-time build,
/// generators and analyzers run by the workspace, not by csc). One project per way of listing schema files, all in one
/// solution so the workspace is loaded, fixed and built once: glob only (the root README), an explicit item (CONTRACT.md
/// section 1, as written), ProducerGenSchema="true" metadata on another name (the root README), and one file listed
/// three ways. Each must show its PG1001/PG1002/PG1003 warnings at their lines, no "Duplicate source file", and build
/// with -warnaserror after `dotnet format analyzers --diagnostics ...` applied the fixes.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class DesignTimeTests
{
    /// <summary>CONTRACT.md section 1, verbatim (the contract lives outside the repository and is read-only).</summary>
    internal const string ContractSnippet =
        """
        <ItemGroup>
          <PackageReference Include="ProducerGen" Version="..." />      <!-- generator + analyzers + runtime -->
          <AdditionalFiles Include="apiframe.producergen.yaml" />       <!-- or picked up by the package's default glob -->
        </ItemGroup>
        """;

    private static readonly string Title = new string('t', 85);

    private static readonly object Gate = new();
    private static Run? _run;

    private readonly PackageFeedFixture _feed;
    private readonly ITestOutputHelper _output;

    public DesignTimeTests(PackageFeedFixture feed, ITestOutputHelper output)
    {
        _feed = feed;
        _output = output;
    }

    public static TheoryData<string> Listings => new() { "glob", "contract", "metadata", "three-ways" };

    [Fact]
    public void The_readme_shows_the_contract_snippet_and_the_snippets_the_consumers_use()
    {
        var blocks = ReadmeBlocks();
        Assert.Equal(Normalize(ContractSnippet), Normalize(blocks[1]));
        Assert.Contains("<PackageReference Include=\"ProducerGen\" Version=\"0.1.0\" />", blocks[0], StringComparison.Ordinal);
        Assert.Contains("ProducerGenSchema=\"true\"", blocks[2], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public void Workspace_reports_every_warning_at_its_line_and_no_duplicate_file(string listing)
    {
        var run = GetRun();
        var program = Path.Combine(run.Root, listing, "Program.cs");
        var schema = listing switch { "contract" => "apiframe.producergen.yaml", "metadata" => "music.yaml", _ => "apiframe-music.producergen.yaml" };

        Assert.DoesNotContain("Duplicate source file", run.Report, StringComparison.Ordinal);
        Assert.Contains($"{program}({Position("1.5")}): warning PG1001: weirdness = 1.5 is outside 0..1 (schema {schema})", run.Report, StringComparison.Ordinal);
        Assert.Contains($"{program}({Position("0.33")}): warning PG1002: sound_strength = 0.33 is off the 0.05 step grid", run.Report, StringComparison.Ordinal);
        Assert.Contains($"{program}({Position('"' + Title)}): warning PG1003: title = \"{Title[..40]}\"... is 85 characters long, over the maximum of 80 (schema {schema})", run.Report, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(run.Report, Regex.Escape(program) + @"\(\d+,\d+\): warning PG1").Count);
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public void Format_applies_every_fix_and_the_project_builds_without_a_PG1_warning(string listing)
    {
        var run = GetRun();

        Assert.DoesNotContain("Unable to fix", run.Fix, StringComparison.Ordinal);
        Assert.Equal(Program(fixedCode: true), File.ReadAllText(Path.Combine(run.Root, listing, "Program.cs")));
        Assert.True(run.BuildExitCode == 0, run.Build);
        Assert.Contains($"{listing} -> ", run.Build, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(warning|error) PG1\d\d\d", run.Build);
    }

    private static string Position(string literalStart)
    {
        var lines = Program(fixedCode: false).Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(literalStart, StringComparison.Ordinal));
        return $"{line + 1},{lines[line].IndexOf(literalStart, StringComparison.Ordinal) + 1}";
    }

    private static string Program(bool fixedCode) =>
        $$"""
        using System;
        using Apiframe;

        var request = new ProducerRequest("an upbeat synthwave track with a driving bassline")
        {
            Params = new ProducerParams
            {
                ModelVersion = ProducerModelVersion.Fuzz2Pro,
                Weirdness = {{(fixedCode ? "1" : "1.5")}},
                SoundStrength = {{(fixedCode ? "0.35" : "0.33")}},
                Title = "{{(fixedCode ? Title[..80] : Title)}}",
            },
        };
        Console.WriteLine(request.Validate().IsValid);

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static List<string> ReadmeBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(PackageFeedFixture.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = readme[readme.IndexOf("### Use it in your project", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        return Regex.Matches(section, "```xml\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
    }

    private static string Normalize(string snippet) => snippet.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private Run GetRun()
    {
        lock (Gate)
        {
            return _run ??= Prepare();
        }
    }

    private Run Prepare()
    {
        var clock = Stopwatch.StartNew();
        var root = Path.Combine(_feed.Root, "design-time");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "nuget.config"), _feed.NuGetConfig);
        var blocks = ReadmeBlocks();
        string WithVersion(string snippet) =>
            snippet.Replace("Version=\"0.1.0\"", $"Version=\"{_feed.Version}\"", StringComparison.Ordinal).Replace("Version=\"...\"", $"Version=\"{_feed.Version}\"", StringComparison.Ordinal);

        // Glob only: the README's first snippet and the schema "anywhere in the project".
        Consumer(root, "glob", WithVersion(blocks[0]), ("schemas/apiframe-music.producergen.yaml", null));

        // CONTRACT.md as written: the explicit item, which the default glob also matches.
        Consumer(root, "contract", WithVersion(ContractSnippet), ("apiframe.producergen.yaml", null));

        // Metadata on another name, the glob switched off (a broken *.producergen.yaml beside it must stay unread).
        Consumer(
            root,
            "metadata",
            WithVersion(blocks[2]) + "\n<PropertyGroup><ProducerGenIncludeSchemasByDefault>false</ProducerGenIncludeSchemasByDefault></PropertyGroup>",
            ("specs/music.yaml", null),
            ("unread/broken.producergen.yaml", "producergen: 1\napi: [\n"));

        // One file by the glob, an explicit item spelled differently and a flagged item by full path.
        Consumer(
            root,
            "three-ways",
            WithVersion(blocks[0]) + """

            <ItemGroup>
              <AdditionalFiles Include="./schemas/apiframe-music.producergen.yaml" />
              <AdditionalFiles Include="$(MSBuildProjectDirectory)/schemas/apiframe-music.producergen.yaml" ProducerGenSchema="true" />
            </ItemGroup>
            """,
            ("schemas/apiframe-music.producergen.yaml", null));

        DotNet.RunOk(root, "new sln --name Consumers --format sln");
        DotNet.RunOk(root, "sln Consumers.sln add glob/glob.csproj contract/contract.csproj metadata/metadata.csproj three-ways/three-ways.csproj");
        var prepared = clock.Elapsed;

        var (_, report) = DotNet.Run(root, "format analyzers Consumers.sln --verify-no-changes --severity warn");
        var listed = clock.Elapsed;
        var fix = DotNet.RunOk(root, "format analyzers Consumers.sln --diagnostics PG1001 PG1002 PG1003 --severity warn --no-restore");
        var fixedAt = clock.Elapsed;
        var (buildExitCode, build) = DotNet.Run(root, "build Consumers.sln -warnaserror --no-restore");

        _output.WriteLine($"design-time consumers: prepare {prepared.TotalSeconds:0.0} s, list {(listed - prepared).TotalSeconds:0.0} s, fix {(fixedAt - listed).TotalSeconds:0.0} s, build {(clock.Elapsed - fixedAt).TotalSeconds:0.0} s");
        _output.WriteLine(report);
        return new Run(root, report, fix, buildExitCode, build);
    }

    private void Consumer(string root, string name, string items, params (string Path, string? Text)[] files)
    {
        var directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            {items}
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program(fixedCode: false));
        foreach (var (path, text) in files)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (text is null)
            {
                File.Copy(_feed.SchemaFile, target);
            }
            else
            {
                File.WriteAllText(target, text);
            }
        }
    }

    private sealed record Run(string Root, string Report, string Fix, int BuildExitCode, string Build);
}
