using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProducerGen.Generator;

namespace ProducerGen.Benchmarks.Generator;

/// <summary>
/// Runs the generator the way a build does (built like tests/ProducerGen.Generator.Tests/GeneratorHarness.cs): framework + runtime
/// references, the schema as an in-memory <see cref="AdditionalText"/>, the <c>ProjectDir</c>/<c>RootNamespace</c> build properties.
/// </summary>
internal static class GeneratorHost
{
    public const string ProjectDir = "/project/";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            global::ProducerGen.Tests.Shared.GeneratedCodeReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static AdditionalText Schema(string fileName, string text) => new InMemoryAdditionalText(ProjectDir + "schemas/" + fileName, text);

    /// <summary>A fresh driver for ProducerGen's generator (or <paramref name="generator"/>), with step tracking on.</summary>
    public static GeneratorDriver CreateDriver(AdditionalText schema, IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new ProducerGenGenerator()).AsSourceGenerator() },
            new[] { schema },
            ParseOptions,
            new OptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions Global = new(new Dictionary<string, string> { ["build_property.ProjectDir"] = ProjectDir, ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new([]);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
