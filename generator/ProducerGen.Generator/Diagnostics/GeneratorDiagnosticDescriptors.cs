using Microsoft.CodeAnalysis;
using ProducerGen.Diagnostics;

namespace ProducerGen.Generator.Diagnostics;

/// <summary>The generator's own descriptors (not schema problems), built from generator/Shared/DiagnosticCatalog.cs.</summary>
internal static class GeneratorDiagnosticDescriptors
{
    /// <summary>PG0099: emitting a file threw (a bug in ProducerGen; reported instead of crashing the build).</summary>
    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        DiagnosticCatalog.Ids.GeneratorFailure,
        DiagnosticCatalog.GeneratorFailure.Title,
        DiagnosticCatalog.GeneratorFailure.MessageFormat,
        DiagnosticCatalog.GeneratorCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: DiagnosticCatalog.GeneratorFailure.Description,
        helpLinkUri: DiagnosticCatalog.GeneratorFailure.HelpLinkUri);
}
