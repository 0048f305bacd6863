using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ProducerGen.Generator.Naming;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Project;

/// <summary>
/// Decides, across every schema file of the project, where each file's outputs go: hint prefixes unique
/// case-insensitively, and which file must stay silent because it would declare a type (or a namespace) another
/// file already declares. The earlier file in project order keeps its output; the later one gets PG0011.
/// </summary>
internal static class ProjectPlanner
{
    public static ProjectPlan Plan(ImmutableArray<SchemaFootprint> files)
    {
        var prefixes = new NameScope(StringComparer.OrdinalIgnoreCase);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var placements = new List<FilePlacement>(files.Length);
        var diagnostics = new List<FileDiagnostic>();

        foreach (var file in files)
        {
            var prefix = prefixes.ClaimNumbered(file.HintPrefix);
            var clash = file.Namespace is { } ns ? FindClash(ns, file.Types, types, namespaces) : null;
            if (clash is { } found)
            {
                diagnostics.Add(new FileDiagnostic(file.Path, new SchemaDiagnostic(
                    SchemaDiagnosticIds.NameCollision,
                    SchemaSeverity.Error,
                    $"This file generates {found}, so it generates nothing; give one of the two files another 'namespace:' under 'api:' or another 'api.name'.",
                    file.ApiNameRange)));
            }
            else if (file.Namespace is { } declared)
            {
                foreach (var type in file.Types)
                {
                    types[declared + "." + type] = file.FileName;
                }

                foreach (var prefixOfNamespace in NamespaceAndParents(declared))
                {
                    namespaces[prefixOfNamespace] = file.FileName;
                }
            }

            placements.Add(new FilePlacement(file.Path, prefix, clash is not null));
        }

        return new ProjectPlan(new ProjectPlacements(EquatableArray.From(placements)), EquatableArray.From(diagnostics));
    }

    /// <summary>What the file would declare twice, as a phrase for the message; null when nothing clashes.</summary>
    private static string? FindClash(string ns, EquatableArray<string> fileTypes, Dictionary<string, string> types, Dictionary<string, string> namespaces)
    {
        foreach (var type in fileTypes)
        {
            var full = ns + "." + type;
            if (types.TryGetValue(full, out var other))
            {
                return $"the type '{full}', which '{other}' also generates";
            }

            if (namespaces.TryGetValue(full, out other))
            {
                return $"the type '{full}', which '{other}' generates as a namespace";
            }
        }

        foreach (var part in NamespaceAndParents(ns))
        {
            if (types.TryGetValue(part, out var other))
            {
                return $"into the namespace '{part}', which '{other}' generates as a type";
            }
        }

        return null;
    }

    private static IEnumerable<string> NamespaceAndParents(string ns)
    {
        for (var end = ns.Length; end > 0; end = ns.LastIndexOf('.', end - 1))
        {
            yield return ns.Substring(0, end);
        }
    }
}

/// <summary>The project-wide decisions: placements for the emitters, diagnostics for their own output.</summary>
internal sealed record ProjectPlan(ProjectPlacements Placements, EquatableArray<FileDiagnostic> Diagnostics);

/// <summary>A diagnostic located in one schema file.</summary>
internal sealed record FileDiagnostic(string Path, SchemaDiagnostic Diagnostic);
