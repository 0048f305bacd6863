using System;
using System.IO;
using System.Linq;

namespace ProducerGen.Importer;

/// <summary>The <c>producergen</c> command line.</summary>
public static class Program
{
    private const string Usage = """
        Usage:
          producergen import <openapi.json> -o <file.producergen.yaml> [--overlay <overlay.yaml>] [--name <Api>] [--env <VAR>]
          producergen check <file.producergen.yaml> [...]

        import  reads an OpenAPI 3.x document and writes a ProducerGen schema; what the format cannot express
                is printed to stderr and written as comments at the top of the file. Exit code 1 if the result
                does not load cleanly.
        check   prints the schema loader's diagnostics like the compiler (file(line,col): error PG0xxx: ...);
                exit code 1 on errors.
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs a command; testable without a process.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return args[0] switch
            {
                "import" => Import(args.Skip(1).ToArray(), stdout, stderr),
                "check" => Check(args.Skip(1).ToArray(), stdout, stderr),
                _ => Fail(stderr, $"Unknown command '{args[0]}'."),
            };
        }
        catch (Exception e) when (e is ImportException or OverlayException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        stderr.WriteLine(Usage);
        return 2;
    }

    private static int Import(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? input = null, output = null, overlay = null;
        var options = new ImportOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ImportException($"'{args[i]}' needs a value.");
            switch (args[i])
            {
                case "-o" or "--output": output = Next(); break;
                case "--overlay": overlay = Next(); break;
                case "--name": options.ApiName = Next(); break;
                case "--env": options.AuthEnvironmentVariable = Next(); break;
                default:
                    if (args[i].StartsWith('-') || input is not null)
                    {
                        return Fail(stderr, $"Unexpected argument '{args[i]}'.");
                    }

                    input = args[i];
                    break;
            }
        }

        if (input is null || output is null)
        {
            return Fail(stderr, "import needs an input document and -o <output>.");
        }

        var (yaml, result) = SchemaImport.Run(File.ReadAllText(input), input, overlay is null ? null : File.ReadAllText(overlay), overlay, options);
        result.Report.WriteTo(stderr);
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Only write when the bytes change, so an unchanged import leaves the file (and its timestamp) alone.
        var unchanged = File.Exists(output) && File.ReadAllText(output) == yaml;
        if (!unchanged)
        {
            File.WriteAllText(output, yaml, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        var (lines, hasErrors) = SchemaChecker.Check(yaml, output);
        foreach (var line in lines)
        {
            stderr.WriteLine(line);
        }

        stdout.WriteLine($"{output}: {string.Join(", ", result.ModelsPerEndpoint.Select(c => $"{c.Key} {c.Value}"))} ({result.ModelsPerEndpoint.Sum(c => c.Value)} models){(unchanged ? ", unchanged" : string.Empty)}; {result.Report.Count} report entries; {lines.Count} diagnostics.");
        return hasErrors ? 1 : 0;
    }

    private static int Check(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            return Fail(stderr, "check needs at least one schema file.");
        }

        var failed = false;
        foreach (var path in args)
        {
            var (lines, hasErrors) = SchemaChecker.Check(File.ReadAllText(path), path);
            foreach (var line in lines)
            {
                stdout.WriteLine(line);
            }

            failed |= hasErrors;
        }

        return failed ? 1 : 0;
    }
}
