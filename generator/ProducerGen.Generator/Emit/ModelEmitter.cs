using System.Globalization;
using System.Linq;
using ProducerGen.Generator.Planning;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>Emits one model's file: request, params, their enums and nested types, result and operations.</summary>
internal static class ModelEmitter
{
    public static string Emit(ModelUnit unit)
    {
        var model = unit.Model;
        var endpoint = unit.Endpoint;
        var name = model.CSharpName;
        var writer = GeneratedCode.StartFile(unit.Context.Namespace);
        var types = new RequestTypeEmitter(writer, unit.Context.SchemaFile);
        var paramsRequired = model.Params.Any(p => p.Required);

        types.Emit(new RequestTypeEmitter.TypeShape(
            name + "Request",
            $"A request for the '{model.Id}' model ({endpoint.Request}).{Sentence(model.Summary)}",
            endpoint.Fields.ToList(),
            endpoint.CSharpName,
            string.Empty,
            new RequestTypeEmitter.RequestExtras(model.Id, model.ParamsKey, name + "Params", paramsRequired),
            EmitNested: false));

        types.Emit(new RequestTypeEmitter.TypeShape(
            name + "Params",
            $"The '{model.ParamsKey}' block of a '{model.Id}' request. Unset values are not sent; the server applies its defaults.",
            model.Params.ToList(),
            name,
            model.ParamsKey + ".",
            null));

        EmitResult(writer, unit);
        EmitOperations(writer, unit);
        return GeneratedCode.EndFile(writer);
    }

    private static void EmitResult(SourceWriter w, ModelUnit unit)
    {
        var name = unit.Model.CSharpName;
        var baseName = EndpointEmitter.ResultBaseName(unit.Endpoint);
        w.DocXml("summary", $"A completed '{SourceWriter.Escape(unit.Model.Id)}' job with its typed result.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public sealed partial class {name}Result : {baseName}");
        w.DocXml("summary", $"Reads the result of a completed job.");
        w.Line("/// <param name=\"job\">The completed job.</param>");
        w.Line($"public {name}Result(global::ProducerGen.Job job)");
        w.Line("    : base(job)");
        w.Line("{");
        w.Line("}");
        w.CloseBlock();
        w.Line();
    }

    private static void EmitOperations(SourceWriter w, ModelUnit unit)
    {
        var model = unit.Model;
        var name = model.CSharpName;
        var average = model.AverageCompletionMilliseconds is { } ms
            ? $"global::System.TimeSpan.FromMilliseconds({ms.ToString(CultureInfo.InvariantCulture)})"
            : "null";

        w.DocXml("summary", $"Operations of the '{SourceWriter.Escape(model.Id)}' model: submit a job, or submit and wait for its result.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public sealed partial class {name}Operations");
        w.Doc("summary", "The model's id, route and typical completion time.");
        w.Line($"public static global::ProducerGen.ModelDescription Description {{ get; }} = new global::ProducerGen.ModelDescription({Literals.String(model.Id)}, {Literals.String(unit.Endpoint.Request.Method)}, {Literals.String(unit.Endpoint.Request.Path)}, {average});");
        w.Line();
        w.Line("private readonly global::ProducerGen.ProducerGenClient _client;");
        w.Line();
        w.OpenBlock($"internal {name}Operations(global::ProducerGen.ProducerGenClient client)");
        w.Line("_client = client;");
        w.CloseBlock();
        w.Line();

        w.Doc("summary", "Validates and submits the request (one idempotency key for every retry) and returns the accepted job.");
        w.Line("/// <param name=\"request\">The request; invalid requests throw before anything is sent.</param>");
        w.Line("/// <param name=\"options\">Per-call options such as your own idempotency key.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        w.Line($"public global::System.Threading.Tasks.Task<global::ProducerGen.JobHandle> SubmitAsync({name}Request request, global::ProducerGen.RequestOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("    => _client.SubmitAsync(Description, request, options, cancellationToken);");
        w.Line();

        w.Doc("summary", "Submits the request, waits for the job to finish and returns its typed result.");
        w.Line("/// <param name=\"request\">The request; invalid requests throw before anything is sent.</param>");
        w.Line("/// <param name=\"progress\">Receives status and progress changes while waiting.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels submitting or waiting.</param>");
        w.OpenBlock($"public async global::System.Threading.Tasks.Task<{name}Result> GenerateAsync({name}Request request, global::System.IProgress<global::ProducerGen.JobProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("var job = await _client.SubmitAndWaitAsync(Description, request, progress, cancellationToken).ConfigureAwait(false);");
        w.Line($"return new {name}Result(job);");
        w.CloseBlock();
        w.Line();

        w.Doc("summary", "Resumes waiting for a job submitted earlier (by this or another process) and returns its typed result; a failed job throws JobFailedException.");
        w.Line("/// <param name=\"jobId\">The job's id.</param>");
        w.Line("/// <param name=\"progress\">Receives status and progress changes while waiting.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels waiting.</param>");
        w.OpenBlock($"public async global::System.Threading.Tasks.Task<{name}Result> WaitAsync(string jobId, global::System.IProgress<global::ProducerGen.JobProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("var job = await _client.Jobs.WaitAsync(jobId, progress, Description.AverageCompletion, cancellationToken).ConfigureAwait(false);");
        w.Line($"return new {name}Result(job.EnsureSucceeded());");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static string Sentence(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : " " + text!.Trim();
}
