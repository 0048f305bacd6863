using System.Globalization;
using ProducerGen.Generator.Planning;

namespace ProducerGen.Generator.Emit;

/// <summary>Prints one model's file: request, params, their enums and nested types, result and operations.</summary>
internal static class ModelEmitter
{
    public static string Emit(ModelUnit unit)
    {
        var file = unit.File;
        var writer = GeneratedCode.StartFile(unit.Context.Namespace);
        var records = new RecordEmitter(writer, unit.Context.SchemaFile);
        records.Emit(file.Request);
        if (file.Params is { } parameters)
        {
            records.Emit(parameters);
        }

        records.EmitAll(file.ParamTypes);
        EmitResult(writer, file.Result);
        EmitOperations(writer, file.Operations);
        return GeneratedCode.EndFile(writer);
    }

    private static void EmitResult(SourceWriter w, Specs.ModelResultSpec result)
    {
        w.DocXml("summary", $"A completed '{SourceWriter.Escape(result.ModelId)}' job with its typed result.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public sealed partial class {result.Name} : {result.BaseName}");
        w.DocXml("summary", $"Reads the result of a completed job.");
        w.Line("/// <param name=\"job\">The completed job.</param>");
        w.Line($"public {result.Name}(global::ProducerGen.Job job)");
        w.Line("    : base(job)");
        w.Line("{");
        w.Line("}");
        w.CloseBlock();
        w.Line();
    }

    private static void EmitOperations(SourceWriter w, Specs.OperationsSpec operations)
    {
        var name = operations.Name;
        var readResult = $"static job => new {operations.ResultName}(job)";
        var average = operations.AverageCompletionMilliseconds is { } ms
            ? $"global::System.TimeSpan.FromMilliseconds({ms.ToString(CultureInfo.InvariantCulture)})"
            : "null";

        w.DocXml("summary", $"Operations of the '{SourceWriter.Escape(operations.ModelId)}' model: submit a job, or submit and wait for its result.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public partial class {name}");
        w.Doc("summary", "The model's id, route and typical completion time.");
        var ownRoutes = operations.JobPath is not null || operations.ResultPath is not null;
        w.Line($"public static global::ProducerGen.ModelDescription Description {{ get; }} = new global::ProducerGen.ModelDescription({Literals.String(operations.ModelId)}, {Literals.String(operations.Method)}, {Literals.String(operations.Path)}, {average}){(ownRoutes ? string.Empty : ";")}");
        if (ownRoutes)
        {
            // Only a model whose endpoint has its own job routes gets an initializer, so every other model file is unchanged.
            w.Line("{");
            if (operations.JobPath is { } jobPath)
            {
                w.Line($"    JobPath = {Literals.String(jobPath)},");
            }

            if (operations.ResultPath is { } resultPath)
            {
                w.Line($"    ResultPath = {Literals.String(resultPath)},");
            }

            w.Line("};");
        }
        w.Line();
        w.Line("private readonly global::ProducerGen.ProducerGenClient _client;");
        w.Line();
        w.OpenBlock($"internal {name}(global::ProducerGen.ProducerGenClient client)");
        w.Line("_client = client;");
        w.CloseBlock();
        w.Line();
        w.Doc("summary", "For mocking only (for example Substitute.For of this class): no connection; a mock overrides the methods it needs.");
        w.OpenBlock($"protected {name}()");
        w.Line("_client = null!;");
        w.CloseBlock();
        w.Line();

        w.Doc("summary", "Validates and submits the request (one idempotency key for every retry) and returns the accepted job.");
        w.Line("/// <param name=\"request\">The request; invalid requests throw before anything is sent.</param>");
        w.Line("/// <param name=\"options\">Per-call options such as your own idempotency key.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        w.Line($"public virtual global::System.Threading.Tasks.Task<global::ProducerGen.JobHandle> SubmitAsync({operations.RequestName} request, global::ProducerGen.RequestOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("    => _client.SubmitAsync(Description, request, options, cancellationToken);");
        w.Line();

        w.Doc("summary", "Submits the request, waits for the job to finish and returns its typed result.");
        w.Line("/// <param name=\"request\">The request; invalid requests throw before anything is sent.</param>");
        w.Line("/// <param name=\"progress\">Receives status and progress changes while waiting.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels submitting or waiting.</param>");
        // Not async: one shared runtime method awaits, so the model costs no compiler-built state machine (issue 20).
        w.Line($"public virtual global::System.Threading.Tasks.Task<{operations.ResultName}> GenerateAsync({operations.RequestName} request, global::System.IProgress<global::ProducerGen.JobProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line($"    => global::ProducerGen.ResultTasks.ReadAsync(_client.SubmitAndWaitAsync(Description, request, progress, cancellationToken), {readResult});");
        w.Line();

        w.Doc("summary", "Submits the request with per-call options, waits for the job to finish and returns its typed result. Pass your own idempotency key (derived from your own request id) and a retry after a crash or a timeout resumes the same job instead of paying for a second one; every exception of the submission carries the key it used (ProducerGenException.IdempotencyKey).");
        w.Line("/// <param name=\"request\">The request; invalid requests throw before anything is sent.</param>");
        w.Line("/// <param name=\"options\">Per-call options such as your own idempotency key.</param>");
        w.Line("/// <param name=\"progress\">Receives status and progress changes while waiting.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels submitting or waiting.</param>");
        w.Line($"public virtual global::System.Threading.Tasks.Task<{operations.ResultName}> GenerateAsync({operations.RequestName} request, global::ProducerGen.RequestOptions options, global::System.IProgress<global::ProducerGen.JobProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line($"    => global::ProducerGen.ResultTasks.ReadAsync(_client.SubmitAndWaitAsync(Description, request, options, progress, cancellationToken), {readResult});");
        w.Line();

        w.Doc("summary", "Resumes waiting for a job submitted earlier (by this or another process) and returns its typed result; a failed job throws JobFailedException.");
        w.Line("/// <param name=\"jobId\">The job's id.</param>");
        w.Line("/// <param name=\"progress\">Receives status and progress changes while waiting.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels waiting.</param>");
        w.Line($"public virtual global::System.Threading.Tasks.Task<{operations.ResultName}> WaitAsync(string jobId, global::System.IProgress<global::ProducerGen.JobProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line(ownRoutes
            ? $"    => global::ProducerGen.ResultTasks.ReadSucceededAsync(_client.Jobs.WaitAsync(jobId, Description, progress, cancellationToken), {readResult});"
            : $"    => global::ProducerGen.ResultTasks.ReadSucceededAsync(_client.Jobs.WaitAsync(jobId, progress, Description.AverageCompletion, cancellationToken), {readResult});");
        w.CloseBlock();
    }
}
