using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProducerGen.Importer.Tests;

/// <summary>Paths of the reference document, the committed schema and overlay.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } =
        typeof(TestFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>schemas/sources/apiframe-openapi.json (the provider's document), or PRODUCERGEN_OPENAPI.</summary>
    public static string OpenApiPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("PRODUCERGEN_OPENAPI");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            // The provider's document as imported, kept in the repository so the golden test runs on a clean clone.
            foreach (var candidate in new[] { "schemas/sources/apiframe-openapi.json" })
            {
                var path = Path.GetFullPath(Path.Combine(RepositoryRoot, candidate));
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException("schemas/sources/apiframe-openapi.json is missing; set PRODUCERGEN_OPENAPI to the provider's document.");
        }
    }

    public static string SchemaPath => Path.Combine(RepositoryRoot, "schemas", "apiframe.producergen.yaml");

    public static string OverlayPath => Path.Combine(RepositoryRoot, "schemas", "apiframe.overlay.yaml");

    public static string OpenApiText => File.ReadAllText(OpenApiPath);

    public static string OverlayText => File.ReadAllText(OverlayPath);

    /// <summary>The import of the reference document with the committed overlay, as the CLI would write it.</summary>
    public static string ImportReference(string? openApiText = null) =>
        SchemaImport.Run(openApiText ?? OpenApiText, OpenApiPath, OverlayText, OverlayPath).Yaml;
}
