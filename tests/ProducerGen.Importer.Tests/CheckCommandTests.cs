using System;
using System.IO;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary><c>producergen check</c> prints the loader's diagnostics like the compiler and fails on errors.</summary>
public class CheckCommandTests
{
    private static (int Exit, string Out, string Err) Check(string yaml, string fileName = "broken.producergen.yaml")
    {
        var directory = Path.Combine(Path.GetTempPath(), "pg-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        try
        {
            File.WriteAllText(path, yaml);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = Program.Run(new[] { "check", path }, stdout, stderr);
            return (exit, stdout.ToString().Replace(path, fileName, StringComparison.Ordinal), stderr.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private const string Valid =
        """
        producergen: 1
        api:
          name: Demo
          baseUrl: https://api.example.com
          auth: { header: X-API-Key }
          jobs:
            get: GET /v2/jobs/{id}
        endpoints:
          gen:
            request: POST /v2/generate
        models:
          alpha:
            endpoint: gen
            paramsKey: alphaParams
            params:
              weirdness: { type: number, min: 0, max: 1, step: 0.05 }
        """;

    [Fact]
    public void Clean_file_prints_nothing_and_succeeds()
    {
        var (exit, output, _) = Check(Valid);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Broken_file_prints_compiler_style_lines_and_fails()
    {
        var (exit, output, _) = Check(Valid.Replace("step: 0.05", "step: 0", StringComparison.Ordinal));
        Assert.Equal(1, exit);
        Assert.Equal(
            "broken.producergen.yaml(16,56): error PG0008: The step of 'alphaParams.weirdness' must be greater than zero (was 0); remove it to allow any value." + Environment.NewLine,
            output);
    }

    [Fact]
    public void Committed_catalog_checks_clean()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, Program.Run(new[] { "check", TestFiles.SchemaPath }, stdout, TextWriter.Null));
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void Unknown_command_and_missing_arguments_are_usage_errors()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, Program.Run(new[] { "frobnicate" }, TextWriter.Null, stderr));
        Assert.Contains("Unknown command 'frobnicate'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, Program.Run(new[] { "import", "x.json" }, TextWriter.Null, TextWriter.Null));
    }
}
