using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProducerGen.Generator.Planning;

namespace ProducerGen.Generator.Diagnostics;

/// <summary>Turns the loader's located diagnostics into compiler diagnostics in the YAML file.</summary>
internal static class SchemaDiagnosticReporter
{
    public static void Report(SourceProductionContext context, LoadedSchema schema)
    {
        foreach (var diagnostic in schema.Result.Diagnostics)
        {
            var range = diagnostic.Range;
            var start = new LinePosition(range.StartLine - 1, range.StartColumn - 1);
            var end = new LinePosition(range.EndLine - 1, range.EndColumn - 1);
            if (end < start)
            {
                end = start;
            }

            var spanLength = range.EndOffset >= range.StartOffset ? range.EndOffset - range.StartOffset : 0;
            var location = Location.Create(schema.Path, new TextSpan(range.StartOffset, spanLength), new LinePositionSpan(start, end));
            context.ReportDiagnostic(SchemaDiagnosticDescriptors.Create(diagnostic.Id, diagnostic.Severity, location, diagnostic.Message));
        }
    }
}
