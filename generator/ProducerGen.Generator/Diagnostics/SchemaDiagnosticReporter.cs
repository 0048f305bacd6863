using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Diagnostics;

/// <summary>Turns the loader's located diagnostics into compiler diagnostics in the YAML file.</summary>
internal static class SchemaDiagnosticReporter
{
    public static void Report(SourceProductionContext context, string path, EquatableArray<SchemaDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var range = diagnostic.Range;
            var start = new LinePosition(range.StartLine - 1, range.StartColumn - 1);
            var end = new LinePosition(range.EndLine - 1, range.EndColumn - 1);
            if (end < start)
            {
                end = start;
            }

            var spanLength = range.EndOffset >= range.StartOffset ? range.EndOffset - range.StartOffset : 0;
            var location = Location.Create(path, new TextSpan(range.StartOffset, spanLength), new LinePositionSpan(start, end));
            context.ReportDiagnostic(diagnostic.Id == GeneratorDiagnosticDescriptors.GeneratorFailure.Id
                ? Diagnostic.Create(GeneratorDiagnosticDescriptors.GeneratorFailure, location, System.IO.Path.GetFileName(path), diagnostic.Message)
                : SchemaDiagnosticDescriptors.Create(diagnostic.Id, diagnostic.Severity, location, diagnostic.Message));
        }
    }
}
