using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProducerGen.Diagnostics;
using ProducerGen.Generator.Diagnostics;
using ProducerGen.Schema.Diagnostics;
using Xunit;

namespace ProducerGen.Generator.Tests.Diagnostics;

/// <summary>The generator's descriptors say what the one catalogue (generator/Shared/DiagnosticCatalog.cs) says.</summary>
public class DiagnosticCatalogTests
{
    private static readonly DiagnosticDescriptor[] Descriptors =
        SchemaDiagnosticDescriptors.All.Append(GeneratorDiagnosticDescriptors.GeneratorFailure).ToArray();

    [Fact]
    public void Every_descriptor_matches_its_catalogue_entry_and_links_absolute_help()
    {
        foreach (var descriptor in Descriptors)
        {
            var entry = DiagnosticCatalog.Find(descriptor.Id);
            Assert.NotNull(entry);
            Assert.Equal(entry!.Title, descriptor.Title.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(entry.MessageFormat, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(entry.Category, descriptor.Category);
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.Equal(CatalogSeverity.Error, entry.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal(entry.HelpLinkUri, descriptor.HelpLinkUri);
            Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void There_is_one_descriptor_per_catalogued_schema_id_and_the_generator_failure()
    {
        var expected = DiagnosticCatalog.All
            .Where(e => e.Category is DiagnosticCatalog.SchemaCategory or DiagnosticCatalog.GeneratorCategory)
            .Select(e => e.Id);

        Assert.Equal(expected, Descriptors.Select(d => d.Id));
        Assert.Equal("PG0099", GeneratorDiagnosticDescriptors.GeneratorFailure.Id);
    }

    [Theory]
    [InlineData(SchemaSeverity.Error, DiagnosticSeverity.Error)]
    [InlineData(SchemaSeverity.Warning, DiagnosticSeverity.Warning)]
    public void A_loader_report_keeps_its_id_message_and_severity(SchemaSeverity severity, DiagnosticSeverity expected)
    {
        var diagnostic = SchemaDiagnosticDescriptors.Create(SchemaDiagnosticIds.StepNotPositive, severity, Location.None, "The step of 'w' must be greater than zero (was 0).");

        Assert.Equal("PG0008", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Severity);
        Assert.Equal("The step of 'w' must be greater than zero (was 0).", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Same(SchemaDiagnosticDescriptors.StepNotPositive, diagnostic.Descriptor);
        Assert.Equal("https://github.com/producergen/producergen/blob/main/schemas/README.md#pg0008", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void An_uncatalogued_id_is_still_reported()
    {
        var diagnostic = SchemaDiagnosticDescriptors.Create("PG0098", SchemaSeverity.Warning, Location.None, "text");

        Assert.Equal("PG0098", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Schema problem", diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("text", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
