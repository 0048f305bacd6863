namespace ProducerGen.Schema.Diagnostics;

/// <summary>A problem found in a schema file, located in the YAML text.</summary>
/// <param name="Id">The stable id (<c>PG0008</c>).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Range">Where in the file.</param>
public sealed record SchemaDiagnostic(string Id, SchemaSeverity Severity, string Message, SourceRange Range)
{
    /// <summary>Formats like the compiler: <c>file(line,col): error PG0008: message</c>.</summary>
    public string Format(string path) =>
        $"{path}({Range.StartLine},{Range.StartColumn}): {(Severity == SchemaSeverity.Error ? "error" : "warning")} {Id}: {Message}";
}
