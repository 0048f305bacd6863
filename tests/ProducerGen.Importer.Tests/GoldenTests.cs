using System;
using System.Globalization;
using System.IO;
using System.Threading;
using ProducerGen.Schema.Loading;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>The committed schemas/apiframe.producergen.yaml is exactly what the importer writes today.</summary>
public class GoldenTests
{
    [Fact]
    public void Import_of_the_reference_document_equals_the_committed_file_byte_for_byte()
    {
        var expected = File.ReadAllText(TestFiles.SchemaPath);
        var actual = TestFiles.ImportReference();
        if (Environment.GetEnvironmentVariable("PRODUCERGEN_UPDATE_BASELINES") == "1" && actual != expected)
        {
            File.WriteAllText(TestFiles.SchemaPath, actual);
            return;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Import_is_deterministic_and_culture_independent()
    {
        var first = TestFiles.ImportReference();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(first, TestFiles.ImportReference());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_schema_loads_with_zero_diagnostics()
    {
        var result = SchemaLoader.Load(File.ReadAllText(TestFiles.SchemaPath));
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Document);
        Assert.Equal("Apiframe.Catalog", result.Document!.Api.Namespace);
    }

    [Fact]
    public void Cli_import_writes_the_same_file_and_rerunning_changes_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pg-import-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(directory, "apiframe.producergen.yaml");
        try
        {
            var args = new[] { "import", TestFiles.OpenApiPath, "-o", output, "--overlay", TestFiles.OverlayPath };
            Assert.Equal(0, Program.Run(args, TextWriter.Null, TextWriter.Null));
            var first = File.ReadAllBytes(output);
            var stamp = File.GetLastWriteTimeUtc(output);
            Thread.Sleep(20);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(0, Program.Run(args, stdout, stderr));
            Assert.Equal(first, File.ReadAllBytes(output));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(output));
            Assert.Equal(File.ReadAllBytes(TestFiles.SchemaPath), first);
            Assert.Contains("unchanged", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains("Import report:", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
