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

    /// <summary>shared/reference/apiframe-openapi.json: beside the working tree (../shared), or PRODUCERGEN_OPENAPI.</summary>
    public static string OpenApiPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("PRODUCERGEN_OPENAPI");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            foreach (var candidate in new[] { "../shared/reference/apiframe-openapi.json", "shared/reference/apiframe-openapi.json" })
            {
                var path = Path.GetFullPath(Path.Combine(RepositoryRoot, candidate));
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException("apiframe-openapi.json not found beside the repository; set PRODUCERGEN_OPENAPI.");
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
