using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProducerGen.Generator;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>The generator over the whole catalog: the client compiles with zero diagnostics and reaches every model.</summary>
public class CatalogCompileTests
{
    private const string Consumer =
        """
        using System;
        using System.Threading.Tasks;
        using Apiframe.Catalog;
        using ProducerGen;

        public static class Consumer
        {
            public static async Task Run(string key)
            {
                using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = key });
                var flux = new Flux1_1ProRequest("a lighthouse at dusk")
                {
                    Params = new Flux1_1ProParams { AspectRatio = "16:9", Guidance = 3.5, Width = 1024 },
                };
                JobHandle job = await client.Flux1_1Pro.SubmitAsync(flux);
                _ = await client._851BgRemove.SubmitAsync(new _851BgRemoveRequest(new _851BgRemoveParams(new Uri("https://x.test/a.png")) { Threshold = 0.5 }));
                _ = await client.GptImage1_5.SubmitAsync(new GptImage1_5Request("x") { Params = new GptImage1_5Params { InputImages = new[] { new Uri("https://x.test/a.png") } } });
                _ = new Kling2_1Request("x") { Params = new Kling2_1Params { Duration = 10 } };
                _ = new Kling3_0OmniRequest("x") { Params = new Kling3_0OmniParams { MultiPrompt = new[] { new Kling3_0OmniMultiPromptItem(5, "a") } } };
                ProducerResult done = await client.Producer.GenerateAsync(new ProducerRequest("x") { Params = new ProducerParams { Weirdness = 0.35 } });
                foreach (var track in done.Tracks)
                {
                    _ = track.AudioUrl;
                }
            }
        }
        """;

    private static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(string consumer, params (string Name, string Text)[] schemas)
    {
        var compilation = CSharpCompilation.Create(
            "CatalogConsumer",
            new[] { CSharpSyntaxTree.ParseText(consumer, new CSharpParseOptions(LanguageVersion.Latest), path: "Consumer.cs") },
            global::ProducerGen.Tests.Shared.GeneratedCodeReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ProducerGenGenerator().AsSourceGenerator() },
            schemas.Select(s => (AdditionalText)new MemoryText("/project/schemas/" + s.Name, s.Text)),
            new CSharpParseOptions(LanguageVersion.Latest),
            new Options());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics);
    }

    [Fact]
    public void Catalog_client_compiles_with_zero_diagnostics_and_has_a_property_per_model()
    {
        var yaml = File.ReadAllText(TestFiles.SchemaPath);
        var (output, generatorDiagnostics) = Run(Consumer, ("apiframe.producergen.yaml", yaml));
        Assert.Empty(generatorDiagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).Take(20).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(errors);

        var document = SchemaLoader.Load(yaml).Document!;
        var client = output.GetTypeByMetadataName("Apiframe.Catalog.ApiframeClient")!;
        var modelProperties = client.GetMembers().OfType<IPropertySymbol>().Where(p => p.Type.Name.EndsWith("Operations", StringComparison.Ordinal)).ToList();
        Assert.Equal(106, modelProperties.Count);
        Assert.Equal(
            document.Models.Select(m => m.CSharpName).OrderBy(n => n, StringComparer.Ordinal),
            modelProperties.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));
    }

    [Fact]
    public void Catalog_and_music_schemas_live_in_one_project_without_clashes()
    {
        var catalog = File.ReadAllText(TestFiles.SchemaPath);
        var music = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "schemas", "apiframe-music.producergen.yaml"));
        const string Both =
            """
            public static class Both
            {
                public static void Run()
                {
                    using var catalog = new Apiframe.Catalog.ApiframeClient(new Apiframe.Catalog.ApiframeClientOptions { ApiKey = "k" });
                    using var music = new Apiframe.ApiframeClient(new Apiframe.ApiframeClientOptions { ApiKey = "k" });
                    _ = catalog.Producer;
                    _ = music.Producer;
                }
            }
            """;
        var (output, generatorDiagnostics) = Run(Both, ("apiframe.producergen.yaml", catalog), ("apiframe-music.producergen.yaml", music));
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).Take(20));
    }

    private sealed class MemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public MemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Dictionary Global = new(new Dictionary<string, string> { ["build_property.ProjectDir"] = "/project/", ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Dictionary.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Dictionary.Empty;
    }

    private sealed class Dictionary : AnalyzerConfigOptions
    {
        public static readonly Dictionary Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public Dictionary(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
