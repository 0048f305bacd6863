using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ProducerGen.Diagnostics;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>The analyzer's descriptors say what the one catalogue (generator/Shared/DiagnosticCatalog.cs) says.</summary>
public class CatalogTests
{
    private static readonly DiagnosticDescriptor[] Declared = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_descriptor_matches_its_catalogue_entry()
    {
        Assert.NotEmpty(Declared);
        foreach (var descriptor in Declared)
        {
            var entry = DiagnosticCatalog.Find(descriptor.Id);
            Assert.NotNull(entry);
            Assert.Equal(entry!.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(entry.MessageFormat, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(entry.Description ?? string.Empty, descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(entry.Category, descriptor.Category);
            Assert.Equal(entry.DefaultSeverity == CatalogSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.Equal(entry.HelpLinkUri, descriptor.HelpLinkUri);
            Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void Every_catalogued_analyzer_id_is_supported_once()
    {
        var supported = new ConstraintAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
        var catalogued = DiagnosticCatalog.All.Where(e => e.Id.StartsWith("PG1", StringComparison.Ordinal)).Select(e => e.Id).ToList();

        Assert.Equal(catalogued, supported.OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(catalogued, Declared.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(DiagnosticCatalog.AnalyzerDiagnosticsSectionUri, DiagnosticDescriptors.HelpLinkUri);
    }
}
