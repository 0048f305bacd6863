using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ProducerGen.Diagnostics;
using ProducerGen.Schema.Diagnostics;
using Xunit;

namespace ProducerGen.Schema.Tests.Diagnostics;

/// <summary>The one diagnostic catalogue (generator/Shared/DiagnosticCatalog.cs) against the loader's ids, the docs and the build targets.</summary>
public class DiagnosticCatalogTests
{
    private const string DocsPrefix = "https://github.com/producergen/producergen/blob/main/";

    private static readonly string RepositoryRoot =
        typeof(DiagnosticCatalogTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static TheoryData<string> LoaderIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in LoaderIdValues())
        {
            data.Add(id);
        }

        return data;
    }

    public static TheoryData<string> CatalogIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in DiagnosticCatalog.All)
        {
            data.Add(entry.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LoaderIds))]
    public void Every_id_the_loader_reports_is_catalogued_as_a_schema_error(string id)
    {
        var entry = DiagnosticCatalog.Find(id);

        Assert.NotNull(entry);
        Assert.False(string.IsNullOrWhiteSpace(entry!.Title));
        Assert.Equal(DiagnosticCatalog.SchemaCategory, entry.Category);
        Assert.Equal(CatalogSeverity.Error, entry.DefaultSeverity);
        Assert.Equal("{0}", entry.MessageFormat);
        Assert.Equal(DocsPrefix + "schemas/README.md#" + id.ToLowerInvariant(), entry.HelpLinkUri);
    }

    [Fact]
    public void Every_schema_entry_is_an_id_the_loader_can_report()
    {
        var schemaEntries = DiagnosticCatalog.All.Where(e => e.Category == DiagnosticCatalog.SchemaCategory).Select(e => e.Id);

        Assert.Equal(LoaderIdValues().OrderBy(id => id, StringComparer.Ordinal), schemaEntries.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_are_unique_well_formed_and_in_order()
    {
        var ids = DiagnosticCatalog.All.Select(e => e.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^PG[01][0-9]{3}$", id));
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
        var constants = typeof(DiagnosticCatalog.Ids).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), constants.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Help_link_is_absolute_and_its_anchor_exists_in_the_docs(string id)
    {
        var entry = DiagnosticCatalog.Find(id)!;
        Assert.False(string.IsNullOrWhiteSpace(entry.Title));
        Assert.False(string.IsNullOrWhiteSpace(entry.MessageFormat));

        Assert.True(Uri.TryCreate(entry.HelpLinkUri, UriKind.Absolute, out var uri), entry.HelpLinkUri);
        Assert.Equal(Uri.UriSchemeHttps, uri!.Scheme);
        Assert.StartsWith(DocsPrefix, entry.HelpLinkUri, StringComparison.Ordinal);
        var expectedDoc = id.StartsWith("PG0", StringComparison.Ordinal) ? "schemas/README.md" : "generator/README.md";
        Assert.Equal(expectedDoc, uri.AbsolutePath.Substring("/producergen/producergen/blob/main/".Length));
        Assert.Equal("#" + id.ToLowerInvariant(), uri.Fragment);

        var anchors = Anchors(File.ReadAllText(Path.Combine(RepositoryRoot, expectedDoc)));
        Assert.Contains(id.ToLowerInvariant(), anchors);
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Docs_row_shows_the_catalogued_title(string id)
    {
        var entry = DiagnosticCatalog.Find(id)!;
        var doc = id.StartsWith("PG0", StringComparison.Ordinal) ? "schemas/README.md" : "generator/README.md";
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, doc));

        var row = Regex.Match(text, "^\\| <a id=\"" + id.ToLowerInvariant() + "\"></a>" + id + " \\| ([^|]+) \\|", RegexOptions.Multiline);

        Assert.True(row.Success, $"{doc} has no table row for {id}");
        Assert.Equal(entry.Title, row.Groups[1].Value.Trim());
    }

    [Fact]
    public void The_build_targets_report_PG0100_with_the_catalogued_message()
    {
        var targets = File.ReadAllText(Path.Combine(RepositoryRoot, "generator", "ProducerGen.Package", "build", "ProducerGen.targets"));
        var error = Regex.Match(targets, "<Error[^>]*Code=\"(?<code>[^\"]+)\"[^>]*Text=\"(?<text>[^\"]+)\"", RegexOptions.Singleline);

        Assert.True(error.Success);
        Assert.Equal(DiagnosticCatalog.Ids.CompilerTooOld, error.Groups["code"].Value);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticCatalog.CompilerTooOld.MessageFormat, "$(CompilerApiVersion)"), error.Groups["text"].Value);
    }

    private static IEnumerable<string> LoaderIdValues() =>
        typeof(SchemaDiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>Explicit HTML anchors plus GitHub's heading slugs.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Regex.Matches(markdown, "<a (?:id|name)=\"([^\"]+)\"", RegexOptions.None))
        {
            anchors.Add(match.Groups[1].Value);
        }

        foreach (Match match in Regex.Matches(markdown, "^#{1,6} (.+)$", RegexOptions.Multiline))
        {
            var slug = Regex.Replace(match.Groups[1].Value.Trim().ToLowerInvariant(), "[^a-z0-9 _-]", string.Empty).Replace(' ', '-');
            anchors.Add(slug);
        }

        return anchors;
    }
}
