using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProducerGen.Generator.Diagnostics;
using ProducerGen.Generator.Emit;
using ProducerGen.Generator.Planning;
using ProducerGen.Schema.Loading;

namespace ProducerGen.Generator;

/// <summary>
/// Generates typed clients from <c>*.producergen.yaml</c> AdditionalFiles. The pipeline only: reading,
/// loading and planning are equatable steps, emitting happens per unit, and diagnostics have their own
/// output so a schema edit that only moves a diagnostic re-emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProducerGenGenerator : IIncrementalGenerator
{
    private const string SchemaSuffix = ".producergen.yaml";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.ProjectDir", out var dir) ? dir : null);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns) ? ns : null);

        var schemaFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSchema(pair.Left.Path, pair.Right.GetOptions(pair.Left).TryGetValue("build_metadata.AdditionalFiles.ProducerGenSchema", out var flag) ? flag : null))
            .Select(static (pair, _) => pair.Left)
            .Combine(projectDirectory)
            .Select(static (pair, cancellationToken) => ReadFile(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var loaded = schemaFiles
            .Select(static (file, _) => new LoadedSchema(file.Path, file.FileName, file.HintPrefix, SchemaLoader.Load(file.Text)))
            .WithTrackingName(TrackingNames.LoadedSchemas);

        var diagnostics = loaded
            .Select(static (schema, _) => schema with { Result = schema.Result with { Document = null } })
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, schema) => SchemaDiagnosticReporter.Report(spc, schema));

        var plans = loaded
            .Combine(rootNamespace)
            .Select(static (pair, _) => EmitPlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Plans);

        var clients = plans.SelectMany(static (plan, _) => plan.Clients).WithTrackingName(TrackingNames.ClientUnits);
        var endpoints = plans.SelectMany(static (plan, _) => plan.Endpoints).WithTrackingName(TrackingNames.EndpointUnits);
        var models = plans.SelectMany(static (plan, _) => plan.Models).WithTrackingName(TrackingNames.ModelUnits);

        context.RegisterSourceOutput(clients, static (spc, unit) =>
            Add(spc, $"{unit.Context.HintPrefix}.{unit.Api.CSharpName}Client.g.cs", () => ClientEmitter.Emit(unit)));
        context.RegisterSourceOutput(endpoints, static (spc, unit) =>
            Add(spc, $"{unit.Context.HintPrefix}.{unit.Endpoint.CSharpName}Result.g.cs", () => EndpointEmitter.Emit(unit)));
        context.RegisterSourceOutput(models, static (spc, unit) =>
            Add(spc, $"{unit.Context.HintPrefix}.{unit.Model.CSharpName}.g.cs", () => ModelEmitter.Emit(unit)));
    }

    internal static bool IsSchema(string path, string? metadataFlag) =>
        path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase)
        || string.Equals(metadataFlag, "true", StringComparison.OrdinalIgnoreCase);

    private static SchemaFile ReadFile(AdditionalText file, string? projectDirectory, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileName = Path.GetFileName(file.Path);
        return new SchemaFile(file.Path, fileName, HintPrefix(file.Path, projectDirectory), text);
    }

    /// <summary>A hint-name prefix from the file's path relative to the project, so two files never collide.</summary>
    internal static string HintPrefix(string path, string? projectDirectory)
    {
        var relative = path;
        if (!string.IsNullOrEmpty(projectDirectory) && path.StartsWith(projectDirectory, StringComparison.OrdinalIgnoreCase))
        {
            relative = path.Substring(projectDirectory!.Length);
        }
        else
        {
            relative = Path.GetFileName(path);
        }

        if (relative.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
        {
            relative = relative.Substring(0, relative.Length - SchemaSuffix.Length);
        }
        else if (relative.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            relative = Path.ChangeExtension(relative, null);
        }

        var builder = new StringBuilder(relative.Length);
        foreach (var c in relative.TrimStart('/', '\\'))
        {
            builder.Append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ? c : '_');
        }

        return builder.Length == 0 ? "schema" : builder.ToString();
    }

    private static void Add(SourceProductionContext context, string hintName, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
#pragma warning disable CA1031 // The generator must never throw (CS8785); a bug becomes a diagnostic instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.ReportDiagnostic(Diagnostic.Create(GeneratorFailure, Location.None, hintName, ex.GetType().Name + ": " + ex.Message));
            return;
        }

        context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
    }

    private static readonly DiagnosticDescriptor GeneratorFailure = GeneratorDiagnosticDescriptors.GeneratorFailure;
}
