using System.Linq;
using ProducerGen.Generator.Planning;
using ProducerGen.Generator.Specs;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Prints the model factory (Azure SDK style): static methods building jobs, handles and every model's typed result, for
/// tests of code that uses a mocked client. Methods are named like the types they return, so those types are always
/// written fully qualified.
/// </summary>
internal static class ModelFactoryEmitter
{
    private const string Runtime = "global::ProducerGen.ProducerGenModelFactory";
    private const string Job = "global::ProducerGen.Job";
    private const string JobHandle = "global::ProducerGen.JobHandle";
    private const string Element = "global::System.Text.Json.JsonElement";
    private const string Time = "global::System.DateTimeOffset";
    private const string Uri = "global::System.Uri";
    private const string Completed = Naming.ReservedNames.FactoryJobLocal;
    private const string Read = Naming.ReservedNames.FactoryReadLocal;

    public static string Emit(ModelFactoryUnit unit)
    {
        var spec = unit.File;
        var ns = unit.Context.Namespace;
        var w = GeneratedCode.StartFile(ns);
        w.DocXml("summary", $"Builds jobs, handles and typed results of <see cref=\"global::{ns}.{spec.ClientName}\"/> for tests, without a service or JSON: return them from a mocked client. Answer types and result items have public init setters; build those with object initializers.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public static partial class {spec.Name}");
        EmitJob(w, $"global::{ns}.{spec.ClientName}.Description");
        w.Line();
        EmitJobHandle(w);
        foreach (var result in spec.Results)
        {
            w.Line();
            EmitResult(w, $"global::{ns}.{result.ResultName}", result);
        }

        w.CloseBlock();
        return GeneratedCode.EndFile(w);
    }

    private static void EmitJob(SourceWriter w, string description)
    {
        w.Doc("summary", "A job of this API: IsSucceeded, IsFailed and IsPending follow the schema's statuses.");
        w.Line("/// <param name=\"id\">The job's id.</param>");
        w.Line("/// <param name=\"status\">The status as the service spells it; null for the schema's first succeeded status.</param>");
        w.Line("/// <param name=\"model\">The model id.</param>");
        w.Line("/// <param name=\"progress\">Progress from 0 to 100.</param>");
        w.Line("/// <param name=\"error\">The error message of a failed job.</param>");
        w.Line("/// <param name=\"errorCode\">The machine-readable failure code.</param>");
        w.Line("/// <param name=\"result\">The raw result JSON; the output URLs are found in it unless outputUrls is given.</param>");
        w.Line("/// <param name=\"createdAt\">When the job was created.</param>");
        w.Line("/// <param name=\"completedAt\">When the job completed.</param>");
        w.Line("/// <param name=\"creditCost\">The credits the job cost.</param>");
        w.Line("/// <param name=\"expired\">Whether the output files have been purged.</param>");
        w.Line("/// <param name=\"outputUrls\">The output URLs, in place of those in the result.</param>");
        w.Line("/// <param name=\"webhookStatus\">The webhook's delivery state.</param>");
        w.Line("/// <param name=\"input\">The echoed input JSON.</param>");
        w.Line("/// <param name=\"raw\">The whole answer the job's Raw returns.</param>");
        w.Line($"public static {Job} Job(string id = \"job-1\", string? status = null, string? model = null, int? progress = null, string? error = null, string? errorCode = null, {Element}? result = null, {Time}? createdAt = null, {Time}? completedAt = null, long? creditCost = null, bool expired = false, global::System.Collections.Generic.IReadOnlyList<{Uri}>? outputUrls = null, string? webhookStatus = null, {Element}? input = null, {Element}? raw = null)");
        w.Line($"    => {Runtime}.Job({description}, id, status, model, progress, error, errorCode, result, createdAt, completedAt, creditCost, expired, outputUrls, webhookStatus, input, raw);");
    }

    private static void EmitJobHandle(SourceWriter w)
    {
        w.Doc("summary", "The handle a submission returns, as a mocked SubmitAsync returns it.");
        w.Line("/// <param name=\"id\">The job's id.</param>");
        w.Line("/// <param name=\"status\">The status the job was accepted with.</param>");
        w.Line("/// <param name=\"modelId\">The model id.</param>");
        w.Line("/// <param name=\"idempotencyKey\">The submission's idempotency key.</param>");
        w.Line("/// <param name=\"averageCompletion\">The model's average completion time.</param>");
        w.Line("/// <param name=\"submittedAt\">When the job was accepted.</param>");
        w.Line("/// <param name=\"statusUrl\">The job's status link.</param>");
        w.Line("/// <param name=\"resultUrl\">The job's result link.</param>");
        w.Line($"public static {JobHandle} JobHandle(string id = \"job-1\", string status = \"QUEUED\", string modelId = \"\", string? idempotencyKey = null, global::System.TimeSpan? averageCompletion = null, {Time}? submittedAt = null, {Uri}? statusUrl = null, {Uri}? resultUrl = null)");
        w.Line($"    => {Runtime}.JobHandle(id, status, modelId, idempotencyKey, averageCompletion, submittedAt, statusUrl, resultUrl);");
    }

    private static void EmitResult(SourceWriter w, string type, ModelFactoryResultSpec result)
    {
        w.Doc("summary", $"A completed '{result.ModelId}' result. Each member given replaces what the job's result JSON says; the others are read from it.");
        foreach (var member in result.Members)
        {
            w.Line($"/// <param name=\"{member.ParameterName.TrimStart('@')}\">{SourceWriter.EscapeLine(member.Summary)}</param>");
        }

        w.Line($"/// <param name=\"{result.JobParameter}\">The completed job; null for a succeeded job of this API.</param>");
        var parameters = result.Members.Select(m => $"{m.ParameterType} {m.ParameterName} = null").Concat(new[] { $"{Job}? {result.JobParameter} = null" });
        w.OpenBlock($"public static {type} {result.ResultName}({string.Join(", ", parameters)})");
        w.Line($"var {Completed} = {result.JobParameter} ?? Job();");
        if (result.Members.Count == 0)
        {
            w.Line($"return new {type}({Completed});");
        }
        else
        {
            w.Line($"var {Read} = new {type}({Completed});");
            w.OpenBlock($"return new {type}({Completed})");
            foreach (var member in result.Members)
            {
                w.Line($"{member.PropertyName} = {member.ParameterName} ?? {Read}.{member.PropertyName},");
            }

            w.CloseBlock(";");
        }

        w.CloseBlock();
    }
}
