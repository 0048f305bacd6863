using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProducerGen.Generator.Diagnostics;
using ProducerGen.Generator.Emit;
using ProducerGen.Generator.Naming;
using ProducerGen.Generator.Planning;
using ProducerGen.Generator.Project;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator;

/// <summary>
/// Generates typed clients from <c>*.producergen.yaml</c> AdditionalFiles. The pipeline only: reading, loading,
/// naming and planning are equatable steps, emitting happens per unit, and diagnostics have their own outputs so a
/// schema edit that only moves a diagnostic re-emits nothing.
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

        var named = loaded
            .Combine(rootNamespace)
            .Select(static (pair, _) => Name(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.NamedSchemas);

        var diagnostics = named
            .Select(static (schema, _) => new FileDiagnostics(schema.Path, schema.Diagnostics))
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, file) => SchemaDiagnosticReporter.Report(spc, file.Path, file.Diagnostics));

        // Files meet only here: hint prefixes and types must be unique across the project.
        var project = named
            .Select(static (schema, _) => new SchemaFootprint(schema.Path, schema.FileName, schema.HintPrefix, schema.Spec?.Namespace, schema.Spec?.DeclaredTypes ?? EquatableArray<string>.Empty, schema.ApiNameRange))
            .Collect()
            .Select(static (files, _) => ProjectPlanner.Plan(files))
            .WithTrackingName(TrackingNames.Project);
        var placements = project.Select(static (plan, _) => plan.Placements).WithTrackingName(TrackingNames.Placements);
        context.RegisterSourceOutput(project.Select(static (plan, _) => plan.Diagnostics), static (spc, list) =>
        {
            foreach (var file in list)
            {
                SchemaDiagnosticReporter.Report(spc, file.Path, EquatableArray.From(new[] { file.Diagnostic }));
            }
        });

        var plans = named
            .Combine(placements)
            .Select(static (pair, _) => EmitPlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Plans);

        var clients = plans.SelectMany(static (plan, _) => plan.Clients).WithTrackingName(TrackingNames.ClientUnits);
        var endpoints = plans.SelectMany(static (plan, _) => plan.Endpoints).WithTrackingName(TrackingNames.EndpointUnits);
        var models = plans.SelectMany(static (plan, _) => plan.Models).WithTrackingName(TrackingNames.ModelUnits);

        context.RegisterSourceOutput(clients, static (spc, unit) => Add(spc, unit.Context.HintName(unit.File.FileName), () => ClientEmitter.Emit(unit)));
        context.RegisterSourceOutput(endpoints, static (spc, unit) => Add(spc, unit.Context.HintName(unit.File.FileName), () => EndpointEmitter.Emit(unit)));
        context.RegisterSourceOutput(models, static (spc, unit) => Add(spc, unit.Context.HintName(unit.File.FileName), () => ModelEmitter.Emit(unit)));

        var answerTypes = plans.SelectMany(static (plan, _) => plan.AnswerTypes).WithTrackingName(TrackingNames.AnswerTypeUnits);
        var groups = plans.SelectMany(static (plan, _) => plan.Groups).WithTrackingName(TrackingNames.OperationGroupUnits);
        context.RegisterSourceOutput(answerTypes, static (spc, unit) => Add(spc, unit.Context.HintName(unit.File.FileName), () => AnswerTypeEmitter.Emit(unit)));
        context.RegisterSourceOutput(groups, static (spc, unit) => Add(spc, unit.Context.HintName(unit.File.FileName), () => OperationGroupEmitter.Emit(unit)));

        var factories = plans.SelectMany(static (plan, _) => plan.ModelFactories).WithTrackingName(TrackingNames.ModelFactoryUnits);
        context.RegisterSourceOutput(factories, static (spc, unit) => Add(spc, unit.Context.HintName(unit.File.FileName), () => ModelFactoryEmitter.Emit(unit)));
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

    /// <summary>Runs the naming pass; a bug in it becomes a diagnostic of this file, never an exception that costs the other files their output.</summary>
    private static NamedSchema Name(LoadedSchema schema, string? rootNamespace)
    {
        var document = schema.Result.Document;
        var loaderDiagnostics = schema.Result.Diagnostics;
        if (document is null)
        {
            return new NamedSchema(schema.Path, schema.FileName, schema.HintPrefix, loaderDiagnostics, null, default);
        }

        try
        {
            var naming = SpecBuilder.Build(document, rootNamespace);
            return new NamedSchema(schema.Path, schema.FileName, schema.HintPrefix, EquatableArray.From(loaderDiagnostics.Concat(naming.Diagnostics)), naming.Spec, document.Api.NameRange);
        }
#pragma warning disable CA1031 // The generator must never throw (CS8785); a bug becomes a diagnostic instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var failure = new SchemaDiagnostic(GeneratorFailure.Id, SchemaSeverity.Error, $"naming its types failed with {ex.GetType().Name}: {ex.Message}", document.Api.NameRange);
            return new NamedSchema(schema.Path, schema.FileName, schema.HintPrefix, EquatableArray.From(loaderDiagnostics.Concat(new[] { failure })), null, document.Api.NameRange);
        }
    }

    /// <summary>A hint-name prefix from the file's path relative to the project; the project planner makes it unique.</summary>
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
        // Emitting and adding are both guarded: whatever goes wrong with one file costs only that file.
#pragma warning disable CA1031 // The generator must never throw (CS8785); a bug becomes a diagnostic instead.
        try
        {
            context.AddSource(hintName, SourceText.From(emit(), Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(GeneratorFailure, Location.None, hintName, ex.GetType().Name + ": " + ex.Message));
        }
#pragma warning restore CA1031
    }

    private static readonly DiagnosticDescriptor GeneratorFailure = GeneratorDiagnosticDescriptors.GeneratorFailure;
}
