using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ProducerGen.Importer;

/// <summary>How serious a report entry is.</summary>
public enum ReportKind
{
    /// <summary>Something the document says that format version 1 cannot express: the schema is looser than the service.</summary>
    NotExpressible,

    /// <summary>A part of the document deliberately not imported (an action endpoint, a second server).</summary>
    Skipped,
}

/// <summary>One finding: where (a path into the generated schema or the document) and what.</summary>
/// <param name="Kind">Not expressible, or skipped.</param>
/// <param name="Location">
/// <c>models.flux-lora.params.loraId</c>, <c>endpoints.images.fields.prompt</c>, <c>paths./v2/images/midjourney/action</c>.
/// </param>
/// <param name="Message">What the document says and what the schema does instead.</param>
public sealed record ReportEntry(ReportKind Kind, string Location, string Message);

/// <summary>
/// Everything the importer could not carry over into the schema, per model and property. Printed to stderr
/// and written as comments at the top of the generated file, so nothing is dropped silently.
/// </summary>
public sealed class ImportReport
{
    private readonly List<ReportEntry> _entries = new();

    public IReadOnlyList<ReportEntry> Entries => _entries;

    public int Count => _entries.Count;

    public void NotExpressible(string location, string message) => _entries.Add(new(ReportKind.NotExpressible, location, message));

    public void Skipped(string location, string message) => _entries.Add(new(ReportKind.Skipped, location, message));

    /// <summary>The entries in a stable order: not expressible first, then skipped; each group in document order.</summary>
    public IEnumerable<ReportEntry> Ordered() => _entries.Where(e => e.Kind == ReportKind.NotExpressible).Concat(_entries.Where(e => e.Kind == ReportKind.Skipped));

    /// <summary>The report as lines of text (no comment markers), wrapped at 100 columns.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string>();
        var notExpressible = _entries.Count(e => e.Kind == ReportKind.NotExpressible);
        var skipped = _entries.Count(e => e.Kind == ReportKind.Skipped);
        lines.Add($"Import report: {notExpressible} not expressible in format version 1, {skipped} skipped.");
        foreach (var group in new[] { (ReportKind.NotExpressible, "Not expressible (the schema is looser than the service here):"), (ReportKind.Skipped, "Skipped:") })
        {
            var entries = _entries.Where(e => e.Kind == group.Item1).ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            lines.Add(group.Item2);
            foreach (var entry in entries)
            {
                lines.AddRange(SchemaYamlWriter.Wrap("  " + entry.Location + ": " + entry.Message, 100, "      "));
            }
        }

        return lines;
    }

    /// <summary>Prints the report (for stderr).</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var line in ToLines())
        {
            writer.WriteLine(line);
        }
    }
}
