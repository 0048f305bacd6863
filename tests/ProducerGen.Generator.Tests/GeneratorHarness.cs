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

namespace ProducerGen.Generator.Tests;

/// <summary>Runs the generator with CSharpGeneratorDriver over in-memory sources and schema files.</summary>
internal static class GeneratorHarness
{
    public const string ProjectDir = "/project/";

    public static string SchemaPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Schemas", fileName);

    public static string ReadSchema(string fileName) => File.ReadAllText(SchemaPath(fileName));

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")),
            global::ProducerGen.Tests.Shared.GeneratedCodeReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // Assembly-version unification noise between the framework and package copies is not ours.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, string? rootNamespace = "Consumer", CSharpParseOptions? parseOptions = null, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new ProducerGenGenerator().AsSourceGenerator() },
            files,
            parseOptions ?? new CSharpParseOptions(LanguageVersion.Latest),
            new TestOptionsProvider(rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(CSharpCompilation compilation, params AdditionalText[] files)
    {
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    public static AdditionalText Schema(string fileName, string? text = null, string? metadataFlag = null) =>
        new InMemoryAdditionalText(ProjectDir + "schemas/" + fileName, text ?? ReadSchema(fileName), metadataFlag);

    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text, string? metadataFlag = null)
        {
            Path = path;
            _text = SourceText.From(text);
            MetadataFlag = metadataFlag;
        }

        public override string Path { get; }

        public string? MetadataFlag { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _global;

        public TestOptionsProvider(string? rootNamespace)
        {
            var values = new Dictionary<string, string> { ["build_property.ProjectDir"] = ProjectDir };
            if (rootNamespace is not null)
            {
                values["build_property.RootNamespace"] = rootNamespace;
            }

            _global = new DictionaryOptions(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile is InMemoryAdditionalText { MetadataFlag: { } flag }
                ? new DictionaryOptions(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ProducerGenSchema"] = flag })
                : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
