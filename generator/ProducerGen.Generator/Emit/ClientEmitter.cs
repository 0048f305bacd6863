using System.Linq;
using ProducerGen.Generator.Planning;

namespace ProducerGen.Generator.Emit;

/// <summary>Emits the client, its options and the DI registration of one schema.</summary>
internal static class ClientEmitter
{
    /// <summary>
    /// The constructor mocking libraries call (Azure SDK style): no connection, every member null until a mock overrides it.
    /// It takes the parameterless slot; default options are <c>new Client(new ClientOptions())</c>.
    /// </summary>
    private static void EmitMockingConstructor(SourceWriter w, Specs.ClientSpec api)
    {
        w.Doc("summary", "For mocking only (for example Substitute.For of this client): a client with no connection, whose members a mock overrides. Real clients take options.");
        w.OpenBlock($"protected {api.ClientName}()");
        w.Line("_client = null!;");
        foreach (var model in api.Models)
        {
            w.Line($"{model.PropertyName} = null!;");
        }

        foreach (var group in api.Groups)
        {
            w.Line($"{group.PropertyName} = null!;");
        }

        w.CloseBlock();
        w.Line();
    }

    public static string Emit(ClientUnit unit)
    {
        var api = unit.File.Client;
        var client = api.ClientName;
        var options = api.OptionsName;
        var w = GeneratedCode.StartFile(unit.Context.Namespace);

        w.DocXml("summary", $"Client of the {SourceWriter.Escape(api.ApiName)} API: one property per model, plus <see cref=\"Jobs\"/> to resume any job by id.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public partial class {client} : global::System.IDisposable");
        w.Doc("summary", "What the schema says about the API: base URL, headers, job route and statuses.");
        w.Line($"public static global::ProducerGen.ApiDescription Description {{ get; }} = new global::ProducerGen.ApiDescription(");
        // Named arguments, so a reader of the generated file sees what each value is.
        w.Line($"    name: {Literals.String(api.ApiName)},");
        w.Line($"    defaultBaseAddress: new global::System.Uri({Literals.String(api.BaseUrl)}),");
        w.Line($"    authHeader: {Literals.String(api.Auth.Header)},");
        w.Line($"    authEnvironmentVariable: {(api.Auth.EnvironmentVariable is { } env ? Literals.String(env) : "null")},");
        w.Line($"    idempotencyHeader: {(api.Idempotency is { } idempotency ? Literals.String(idempotency.Header) : "null")},");
        w.Line($"    idempotencyKeyMaxLength: {Literals.NullableInt(api.Idempotency?.MaxLength)},");
        w.Line($"    jobGetPath: {Literals.String(api.Jobs.Get.Path)},");
        w.Line($"    jobIdField: {Literals.String(api.Jobs.IdField)},");
        w.Line($"    pendingStatuses: {Literals.StringArray(api.Jobs.Pending)},");
        w.Line($"    succeededStatuses: {Literals.StringArray(api.Jobs.Succeeded)},");
        w.Line($"    failedStatuses: {Literals.StringArray(api.Jobs.Failed)},");
        w.Line($"    webhookSignatureHeader: {(api.Webhooks?.SignatureHeader is { } signature ? Literals.String(signature) : "null")},");
        // Arguments a v1 schema without these keys never had stay out, so its client file is unchanged.
        var extras = new System.Collections.Generic.List<string>();
        if (api.Auth.Prefix is not null || api.Idempotency is null)
        {
            // Naming authPrefix (null too) selects the constructor whose idempotency header may be null.
            extras.Add($"authPrefix: {(api.Auth.Prefix is { } prefix ? Literals.String(prefix) : "null")}");
        }

        if (api.Headers.Count > 0)
        {
            extras.Add("headers: new global::System.Collections.Generic.Dictionary<string, string> { " + string.Join(", ", api.Headers.Select(h => $"[{Literals.String(h.Name)}] = {Literals.String(h.Value)}")) + " }");
        }

        if (api.Jobs.Hold is { } hold)
        {
            // Only a schema with 'jobs.hold' names it, so every other client file is unchanged.
            extras.Add($"submissionHold: new global::ProducerGen.SubmissionHold({Literals.String(hold.Header)}, {Literals.String(hold.Value)}, {hold.MaxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        var shape = ResponseShapeEmitter.Assignments(api);
        var close = shape.Count == 0 ? ");" : ")";
        w.Line($"    webhookEventHeader: {(api.Webhooks?.EventHeader is { } eventHeader ? Literals.String(eventHeader) : "null")}{(extras.Count == 0 ? close : ",")}");
        for (var i = 0; i < extras.Count; i++)
        {
            w.Line($"    {extras[i]}{(i == extras.Count - 1 ? close : ",")}");
        }

        if (shape.Count > 0)
        {
            w.Line("{");
            foreach (var line in shape)
            {
                w.Line("    " + line);
            }

            w.Line("};");
        }
        w.Line();
        w.Line("private readonly global::ProducerGen.ProducerGenClient _client;");
        w.Line();

        EmitMockingConstructor(w, api);
        w.Doc("summary", "Creates a client that owns its own HttpClient.");
        w.Line("/// <param name=\"options\">Key, base address, timeouts, retries and waiting.</param>");
        w.Line($"public {client}({options} options)");
        w.Line("    : this(options, null)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Doc("summary", "Creates a client over an HttpClient you own (for example one from IHttpClientFactory).");
        w.Line("/// <param name=\"options\">Key, base address, timeouts, retries and waiting.</param>");
        w.Line("/// <param name=\"httpClient\">The HttpClient to send with; null to create one.</param>");
        w.OpenBlock($"public {client}({options} options, global::System.Net.Http.HttpClient? httpClient)");
        w.Line("_client = new global::ProducerGen.ProducerGenClient(Description, options, httpClient);");
        foreach (var model in api.Models)
        {
            w.Line($"{model.PropertyName} = new {model.OperationsName}(_client);");
        }

        foreach (var group in api.Groups)
        {
            w.Line($"{group.PropertyName} = new {group.ClassName}(_client);");
        }

        w.CloseBlock();
        w.Line();
        if (api.Groups.FirstOrDefault(g => g.Kind == Specs.GroupKind.Jobs) is { } jobs)
        {
            w.Doc("summary", "Reads, waits for and lists jobs, whichever model created them and whichever process submitted them.");
            w.Line($"public virtual {jobs.ClassName} Jobs {{ get; }}");
        }
        else
        {
            w.Doc("summary", "Reads and waits for jobs by id, whichever model created them and whichever process submitted them.");
            w.Line("public virtual global::ProducerGen.JobsClient Jobs => _client.Jobs;");
        }

        w.Line();
        w.Doc("summary", "The runtime client: downloads and other operations shared by every model.");
        w.Line("public virtual global::ProducerGen.ProducerGenClient Runtime => _client;");
        w.Line();
        foreach (var model in api.Models)
        {
            w.Doc("summary", $"The '{model.Id}' model.{(model.Summary is null ? string.Empty : " " + model.Summary)}");
            w.Line($"public virtual {model.OperationsName} {model.PropertyName} {{ get; }}");
            w.Line();
        }

        foreach (var group in api.Groups.Where(g => g.Kind == Specs.GroupKind.Own))
        {
            w.Doc("summary", $"The API's '{group.PropertyName}' operations.");
            w.Line($"public virtual {group.ClassName} {group.PropertyName} {{ get; }}");
            w.Line();
        }

        w.Doc("summary", "Releases the HttpClient if this client created it.");
        w.OpenBlock("public void Dispose()");
        w.Line("Dispose(disposing: true);");
        w.Line("global::System.GC.SuppressFinalize(this);");
        w.CloseBlock();
        w.Line();
        w.Doc("summary", "Releases the HttpClient if this client created it; safe on a mock, which holds none.");
        w.Line("/// <param name=\"disposing\">True from Dispose(); false from a finalizer.</param>");
        w.OpenBlock("protected virtual void Dispose(bool disposing)");
        w.OpenBlock("if (disposing)");
        w.Line("_client?.Dispose();");
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        w.Line();

        w.DocXml("summary", $"Options of <see cref=\"{client}\"/>, with the schema's defaults.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public sealed partial class {options} : global::ProducerGen.ProducerGenClientOptions");
        w.Doc("summary", "The schema's base URL.");
        w.Line($"public const string DefaultBaseAddress = {Literals.String(api.BaseUrl)};");
        w.Line();
        w.Doc("summary", "The header that carries the API key.");
        w.Line($"public const string ApiKeyHeader = {Literals.String(api.Auth.Header)};");
        w.Line();
        if (api.Auth.EnvironmentVariable is { } variable)
        {
            w.Doc("summary", "The environment variable the API key is read from when ApiKey is not set.");
            w.Line($"public const string ApiKeyEnvironmentVariable = {Literals.String(variable)};");
            w.Line();
        }

        if (api.Idempotency is { } idempotencyKeys)
        {
            w.Doc("summary", "The header that carries each submission's idempotency key.");
            w.Line($"public const string IdempotencyKeyHeader = {Literals.String(idempotencyKeys.Header)};");
            w.Line();
        }
        w.Doc("summary", "Creates options with the schema's base URL.");
        w.OpenBlock($"public {options}()");
        w.Line("BaseAddress = new global::System.Uri(DefaultBaseAddress);");
        w.CloseBlock();
        w.CloseBlock();
        w.Line();

        ServiceCollectionEmitter.Emit(w, api);

        return GeneratedCode.EndFile(w);
    }
}
