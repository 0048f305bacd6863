using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using ProducerGen.CodeFixes;
using Xunit;

namespace ProducerGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All as <c>dotnet format analyzers --diagnostics PG1001 PG1002 PG1003 PG1004</c> drives it (its SolutionCodeFixApplier),
/// which the testing library does not: for each id in turn it re-runs the analyzer, takes the equivalence key of the first
/// action registered for the first diagnostic the analysis lists (whatever that diagnostic's id, or none when it has no fix)
/// and starts Fix All with that key and that one id. The testing library starts Fix All with every id the analyzer supports,
/// so a fix-all provider that keeps only the actions matching the key passed there and failed here
/// ("Unable to fix PG1002. Code fix ConstraintCodeFixProvider didn't return a Fix All action").
/// </summary>
public class FixAllLikeDotnetFormatTests
{
    private static readonly string[] FixedIds = { "PG1001", "PG1002", "PG1003", "PG1004" };

    private static readonly string LongTitle = new string('a', 80) + "TAIL";

    [Theory]
    [InlineData(FixAllScope.Document, "another id")]
    [InlineData(FixAllScope.Project, "another id")]
    [InlineData(FixAllScope.Solution, "another id")]
    [InlineData(FixAllScope.Document, "PG1005")]
    [InlineData(FixAllScope.Project, "PG1005")]
    [InlineData(FixAllScope.Solution, "PG1005")]
    public async Task EveryIdIsFixedWhateverDiagnosticTheAnalysisListsFirst(FixAllScope scope, string listedFirst)
    {
        // Document: one file. Project: two files in one project. Solution: one file in each of two projects.
        var solution = await CreateSolutionAsync(projects: scope == FixAllScope.Solution ? 2 : 1, filesPerProject: scope == FixAllScope.Project ? 2 : 1);
        var provider = new ConstraintCodeFixProvider();

        foreach (var id in FixedIds)
        {
            var diagnostics = await AnalyzeAsync(solution);
            // The worst case for this id: listed first is a diagnostic of another fixable id (once those are fixed, the
            // PG1005 that has no fix), or the PG1005 from the start.
            var listed = diagnostics.Values.SelectMany(d => d).OrderBy(d => d.Location.SourceSpan.Start).ToList();
            var first = listedFirst == "PG1005"
                ? listed.First(d => d.Id == "PG1005")
                : listed.FirstOrDefault(d => d.Id != id && d.Id != "PG1005") ?? listed.First(d => d.Id == "PG1005");
            var document = solution.GetDocument(first.Location.SourceTree)!;

            CodeAction? firstAction = null;
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => firstAction ??= action, CancellationToken.None));
            Assert.Equal(first.Id == "PG1005", firstAction is null);

            var context = new FixAllContext(document, provider, scope, firstAction?.EquivalenceKey!, new[] { id }, new ResultDiagnosticProvider(diagnostics), CancellationToken.None);
            var fixAll = await provider.GetFixAllProvider().GetFixAsync(context);
            Assert.True(fixAll is not null, $"{id}: the Fix All provider returned no action for key '{firstAction?.EquivalenceKey}'");

            var operations = await fixAll!.GetOperationsAsync(CancellationToken.None);
            solution = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        }

        foreach (var document in solution.Projects.SelectMany(p => p.Documents).Where(d => d.Name != "Types.g.cs"))
        {
            Assert.Equal(UserCode(document.Name, fixedCode: true), (await document.GetTextAsync()).ToString());
        }

        var left = await AnalyzeAsync(solution);
        Assert.All(left.Values.SelectMany(d => d), d => Assert.Equal("PG1005", d.Id));
        Assert.Equal(solution.Projects.SelectMany(p => p.Documents).Count(d => d.Name != "Types.g.cs"), left.Values.Sum(d => d.Length));
    }

    [Fact]
    public async Task TheKeyOfOneOfTheIdsStillNarrowsToThatKind()
    {
        // The IDE's "Fix all 'Clamp to 1' in document": the key of PG1001 with every fixable id leaves the other kinds.
        var solution = await CreateSolutionAsync(projects: 1, filesPerProject: 1);
        var provider = new ConstraintCodeFixProvider();
        var diagnostics = await AnalyzeAsync(solution);
        var document = solution.Projects.Single().Documents.Single(d => d.Name != "Types.g.cs");

        var context = new FixAllContext(document, provider, FixAllScope.Document, ConstraintCodeFixProvider.EquivalenceKey("PG1001", FixProperties.Clamp), FixedIds, new ResultDiagnosticProvider(diagnostics), CancellationToken.None);
        var fixAll = await provider.GetFixAllProvider().GetFixAsync(context);
        var changed = Assert.Single((await fixAll!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>()).ChangedSolution;

        var text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("Weirdness = 1,", text, StringComparison.Ordinal);
        Assert.Contains("SoundStrength = 0.33,", text, StringComparison.Ordinal);
        Assert.Contains(LongTitle, text, StringComparison.Ordinal);
        Assert.Contains("p.Duration = 7;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryFixHasAKeyStablePerIdAndKind()
    {
        var solution = await CreateSolutionAsync(projects: 1, filesPerProject: 1);
        var provider = new ConstraintCodeFixProvider();
        var keys = new List<(string Id, string Key)>();
        foreach (var diagnostic in (await AnalyzeAsync(solution)).Values.SelectMany(d => d))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => keys.Add((diagnostic.Id, action.EquivalenceKey ?? "(none)")), CancellationToken.None));
        }

        Assert.Equal(
            new[] { ("PG1001", "ProducerGen.PG1001.Clamp"), ("PG1002", "ProducerGen.PG1002.Round"), ("PG1003", "ProducerGen.PG1003.Truncate"), ("PG1004", "ProducerGen.PG1004.Replace") },
            keys.OrderBy(k => k.Id, StringComparer.Ordinal).Select(k => (k.Id, k.Key)).ToArray());
    }

    private static string UserCode(string fileName, bool fixedCode = false)
    {
        var name = fileName.Replace(".cs", string.Empty, StringComparison.Ordinal);
        return fixedCode
            ? $$"""
                using System;
                using Apiframe;
                class {{name}}
                {
                    ProducerParams A() => new ProducerParams { Weirdness = 1, SoundStrength = 0.35, Title = "{{LongTitle[..80]}}" };
                    void M(ProducerParams p, Uri a) { p.Duration = 5; p.ReferenceImages = new[] { a, a, a, a }; }
                }
                """
            : $$"""
                using System;
                using Apiframe;
                class {{name}}
                {
                    ProducerParams A() => new ProducerParams { Weirdness = 1.5, SoundStrength = 0.33, Title = "{{LongTitle}}" };
                    void M(ProducerParams p, Uri a) { p.Duration = 7; p.ReferenceImages = new[] { a, a, a, a }; }
                }
                """;
    }

    private static async Task<Solution> CreateSolutionAsync(int projects, int filesPerProject)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var solution = new AdhocWorkspace().CurrentSolution;
        for (var p = 0; p < projects; p++)
        {
            var projectId = ProjectId.CreateNewId();
            solution = solution
                .AddProject(projectId, "Consumer" + p, "Consumer" + p, LanguageNames.CSharp)
                .WithProjectCompilationOptions(projectId, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .AddMetadataReferences(projectId, references)
                .AddDocument(DocumentId.CreateNewId(projectId), "Types.g.cs", SourceText.From(TestTypes.Source), filePath: $"/p{p}/Types.g.cs");
            for (var f = 0; f < filesPerProject; f++)
            {
                var name = $"P{p}File{f}.cs";
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(UserCode(name)), filePath: $"/p{p}/{name}");
            }
        }

        return solution;
    }

    /// <summary>What dotnet format's analysis result holds: the PG diagnostics of each project, every id together.</summary>
    private static async Task<IReadOnlyDictionary<ProjectId, ImmutableArray<Diagnostic>>> AnalyzeAsync(Solution solution)
    {
        var result = new Dictionary<ProjectId, ImmutableArray<Diagnostic>>();
        foreach (var project in solution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var analyzed = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConstraintAnalyzer()));
            result[project.Id] = (await analyzed.GetAnalyzerDiagnosticsAsync()).Where(d => d.Id.StartsWith("PG", StringComparison.Ordinal)).ToImmutableArray();
        }

        return result;
    }

    private sealed class ResultDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly IReadOnlyDictionary<ProjectId, ImmutableArray<Diagnostic>> _diagnostics;

        public ResultDiagnosticProvider(IReadOnlyDictionary<ProjectId, ImmutableArray<Diagnostic>> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => GetProjectDiagnosticsAsync(project, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            (await GetProjectDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree?.FilePath == document.FilePath);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.TryGetValue(project.Id, out var diagnostics) ? diagnostics : ImmutableArray<Diagnostic>.Empty);
    }
}
