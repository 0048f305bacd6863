using System.Collections.Generic;
using System.Linq;
using ProducerGen.Generator.Planning;
using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Prints an operation group's file: the abstract bases of variant requests, the request records with their enums and
/// objects, and the group's class: a sub-client of its own, the client's Jobs (deriving from the runtime's JobsClient), or
/// another part of a model's operations class. Every method calls one hidden runtime entry point.
/// </summary>
internal static class OperationGroupEmitter
{
    private const string Client = "global::ProducerGen.ProducerGenClient";
    private const string Options = "global::ProducerGen.RequestOptions? options = null";
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Reader = "global::ProducerGen.Internal.ResultReader";
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string Emit(OperationGroupUnit unit)
    {
        var file = unit.File;
        var w = GeneratedCode.StartFile(unit.Context.Namespace);
        foreach (var variantBase in file.VariantBases)
        {
            EmitVariantBase(w, variantBase);
        }

        new RecordEmitter(w, unit.Context.SchemaFile).EmitAll(file.Types);
        EmitGroup(w, file.Group);
        return GeneratedCode.EndFile(w);
    }

    private static void EmitVariantBase(SourceWriter w, VariantBaseSpec spec)
    {
        w.Doc("summary", spec.Summary);
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public abstract partial record {spec.Name}");
        w.Doc("summary", "Only the generated variants derive from it, so every request is one the schema describes.");
        w.Line($"private protected {spec.Name}()");
        w.Line("{");
        w.Line("}");
        w.CloseBlock();
        w.Line();
    }

    private static void EmitGroup(SourceWriter w, OperationGroupSpec group)
    {
        var name = group.ClassName;
        switch (group.Kind)
        {
            case GroupKind.Own:
                w.DocXml("summary", $"The API's '{SourceWriter.Escape(group.PropertyName)}' operations.");
                w.Line(GeneratedCode.Attribute);
                w.OpenBlock($"public partial class {name}");
                break;
            case GroupKind.Jobs:
                w.DocXml("summary", "Reads, waits for and lists jobs: the runtime's JobsClient plus the schema's job operations.");
                w.Line(GeneratedCode.Attribute);
                w.OpenBlock($"public partial class {name} : global::ProducerGen.JobsClient");
                break;
            default:
                // Another part of the model's operations class: its attribute, client field and constructor are in the model's file.
                w.OpenBlock($"public partial class {name}");
                break;
        }

        foreach (var resource in group.Resources)
        {
            EmitResourceDescription(w, resource);
        }

        foreach (var method in group.Methods)
        {
            EmitDescriptions(w, method);
        }

        if (group.Kind != GroupKind.Model)
        {
            w.Line($"private readonly {Client} _client;");
            w.Line();
            w.Line($"internal {name}({Client} client)");
            if (group.Kind == GroupKind.Jobs)
            {
                w.Line("    : base(client.Jobs)");
            }

            w.Line("{");
            w.Line("    _client = client;");
            w.Line("}");
            w.Line();
            w.Doc("summary", "For mocking only (for example Substitute.For of this class): no connection; a mock overrides the methods it needs.");
            w.Line($"protected {name}()");
            w.Line("{");
            w.Line("    _client = null!;");
            w.Line("}");
            w.Line();
        }

        var first = true;
        foreach (var method in group.Methods)
        {
            if (!first)
            {
                w.Line();
            }

            EmitMethod(w, method);
            first = false;
        }

        foreach (var resource in group.Resources)
        {
            w.Line();
            var type = resource.ValueType;
            w.DocXml("summary", $"The long-running '{SourceWriter.Escape(resource.Key)}' with id <paramref name=\"id\"/>, created earlier (by this or another process): call WaitAsync on it to wait until it is ready.");
            w.Line("/// <param name=\"id\">Its id.</param>");
            w.Line($"public virtual global::ProducerGen.ResourceOperation<{type}> Get{resource.PropertyName.Substring(0, resource.PropertyName.Length - "Resource".Length)}Operation(string id)");
            w.Line($"    => _client.ResumeResource({resource.PropertyName}, id, static element => {type}.Read(element));");
        }

        w.CloseBlock();
    }

    private static void EmitResourceDescription(SourceWriter w, ResourceMethodSpec spec)
    {
        var resource = spec.Resource;
        w.Doc("summary", $"How the '{resource.Key}' resource is read and waited for: its status route and statuses.");
        w.Line(Hidden);
        w.Line($"public static global::ProducerGen.ResourceDescription {spec.PropertyName} {{ get; }} = new global::ProducerGen.ResourceDescription(");
        w.Line($"    name: {Literals.String(resource.Key)},");
        w.Line($"    getPath: {Literals.String(resource.Get.Path)},");
        w.Line($"    idPath: {Literals.String(resource.IdPath)},");
        w.Line($"    statusPath: {Literals.String(resource.StatusPath)},");
        w.Line($"    pending: {Literals.StringArray(resource.Pending)},");
        w.Line($"    succeeded: {Literals.StringArray(resource.Succeeded)},");
        w.Line($"    failed: {Literals.StringArray(resource.Failed)},");
        w.Line($"    errorPath: {Nullable(resource.ErrorPath)});");
        w.Line();
    }

    private static void EmitDescriptions(SourceWriter w, OperationMethodSpec method)
    {
        if (method.Return == MethodReturn.Job)
        {
            w.Doc("summary", $"How {method.MethodName} submits: the route, and the model whose job it creates.");
            w.Line(Hidden);
            w.Line($"public static global::ProducerGen.ModelDescription {method.DescriptionName} {{ get; }} = new global::ProducerGen.ModelDescription({Literals.String(method.JobModelId!)}, {Literals.String(method.Method)}, {Literals.String(method.Path)}, null);");
            w.Line();
            return;
        }

        w.Doc("summary", $"How {method.MethodName} is sent: route, authentication, retries and expected statuses.");
        w.Line(Hidden);
        w.Line($"public static global::ProducerGen.OperationDescription {method.DescriptionName} {{ get; }} = new global::ProducerGen.OperationDescription(");
        w.Line($"    name: {Literals.String(method.Key)},");
        w.Line($"    method: {Literals.String(method.Method)},");
        w.Line($"    path: {Literals.String(method.Path)},");
        w.Line($"    authenticated: {(method.Authenticated ? "true" : "false")},");
        w.Line($"    sendsIdempotencyKey: {(method.Idempotency ? "true" : "false")},");
        w.Line($"    retry: global::ProducerGen.OperationRetry.{method.Retry},");
        w.Line($"    successStatuses: {(method.Success.Count == 0 ? "null" : "new int[] { " + string.Join(", ", method.Success.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " }")});");
        w.Line();
        if (method.Paginate is { } page)
        {
            w.Doc("summary", $"How {method.MethodName} pages: where the items and the next cursor are, and the page size bounds.");
            w.Line(Hidden);
            w.Line($"public static global::ProducerGen.PageDescription {PageName(method)} {{ get; }} = new global::ProducerGen.PageDescription(");
            w.Line($"    itemsPath: {Literals.String(page.ItemsPath)},");
            w.Line($"    cursorParameter: {Literals.String(page.CursorParam)},");
            w.Line($"    nextCursorPath: {Literals.String(page.NextCursorPath)},");
            w.Line($"    hasMorePath: {Nullable(page.HasMorePath)},");
            w.Line($"    limitParameter: {Nullable(page.LimitParam)},");
            w.Line($"    minLimit: {Literals.NullableInt(page.MinLimit)},");
            w.Line($"    maxLimit: {Literals.NullableInt(page.MaxLimit)});");
            w.Line();
        }
    }

    private static void EmitMethod(SourceWriter w, OperationMethodSpec method)
    {
        var parameters = new List<string>();
        foreach (var parameter in method.PathParams)
        {
            parameters.Add((parameter.Integer ? "long " : "string ") + parameter.ParameterName);
        }

        if (method.RequestType is { } requestType)
        {
            parameters.Add(method.RequestOptional ? $"{requestType}? request = null" : $"{requestType} request");
        }

        parameters.Add(Options);
        parameters.Add(Token);
        var signature = string.Join(", ", parameters);
        var values = method.PathParams.Count == 0
            ? "global::System.Array.Empty<string>()"
            : "new string[] { " + string.Join(", ", method.PathParams.Select(p => p.Integer ? $"{p.ParameterName}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" : p.ParameterName)) + " }";
        var request = method.RequestType is null ? "null" : method.RequestOptional ? $"request ?? new {method.RequestType}()" : "request";
        var value = method.ValueType;

        w.Doc("summary", method.Summary);
        foreach (var parameter in method.PathParams)
        {
            w.Line($"/// <param name=\"{parameter.ParameterName.TrimStart('@')}\">The '{SourceWriter.Escape(parameter.WireName)}' of the route.</param>");
        }

        if (method.RequestType is not null)
        {
            w.Line(method.RequestOptional
                ? "/// <param name=\"request\">The call's parameters; null sends none. Invalid values throw before anything is sent.</param>"
                : "/// <param name=\"request\">The request; invalid requests throw before anything is sent.</param>");
        }

        w.Line("/// <param name=\"options\">Per-call options: timeout, headers, an idempotency key where the call takes one.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        var send = $"_client.SendOperationAsync({method.DescriptionName}, {values}, {request}, options, cancellationToken)";
        switch (method.Return)
        {
            case MethodReturn.None:
                w.Line($"public virtual {ReturnType(method)} {method.MethodName}({signature})");
                w.Line($"    => {send};");
                break;
            case MethodReturn.Json:
                w.Line("/// <returns>The answer as JSON (a detached element).</returns>");
                w.OpenBlock($"public virtual async {ReturnType(method)} {method.MethodName}({signature})");
                w.Line($"var response = await {send}.ConfigureAwait(false);");
                w.Line($"return {Reader}.ReadAnswerJson(response, {Literals.String(method.ResponsePath)});");
                w.CloseBlock();
                break;
            case MethodReturn.Value:
                w.Line($"/// <returns>The answer, read as <see cref=\"{value}\"/>.</returns>");
                w.OpenBlock($"public virtual async {ReturnType(method)} {method.MethodName}({signature})");
                w.Line($"var response = await {send}.ConfigureAwait(false);");
                w.Line($"return {Reader}.ReadAnswer(response, {Literals.String(method.ResponsePath)}, static element => {value}.Read(element));");
                w.CloseBlock();
                break;
            case MethodReturn.List:
                w.Line($"/// <returns>The answer's items, each read as <see cref=\"{value}\"/>.</returns>");
                w.OpenBlock($"public virtual async {ReturnType(method)} {method.MethodName}({signature})");
                w.Line($"var response = await {send}.ConfigureAwait(false);");
                w.Line($"return {Reader}.ReadAnswerList(response, {Literals.String(method.ResponsePath)}, static element => {value}.Read(element));");
                w.CloseBlock();
                break;
            case MethodReturn.Pageable:
                w.Line($"/// <returns>Every item of every page, fetched as you enumerate (<c>await foreach</c>); <c>AsPages()</c> gives the pages and their continuation tokens.</returns>");
                w.Line($"public virtual {ReturnType(method)} {method.MethodName}({signature})");
                w.Line($"    => _client.GetPageable({method.DescriptionName}, {PageName(method)}, {values}, {request}, static element => {value}.Read(element), options, cancellationToken);");
                break;
            case MethodReturn.Resource:
                w.Line($"/// <returns>The started operation: <c>WaitAsync</c> waits until the resource is ready and returns it as <see cref=\"{value}\"/>.</returns>");
                w.Line($"public virtual {ReturnType(method)} {method.MethodName}({signature})");
                w.Line($"    => _client.StartResourceAsync({method.DescriptionName}, {method.ResourceName}, {values}, {request}, static element => {value}.Read(element), options, cancellationToken);");
                break;
            case MethodReturn.Job:
                w.Line($"/// <returns>The accepted job's handle; wait for it like any '{SourceWriter.Escape(method.JobModelId!)}' job.</returns>");
                w.Line($"public virtual {ReturnType(method)} {method.MethodName}({signature})");
                w.Line($"    => _client.SubmitAsync({method.DescriptionName}, (global::ProducerGen.IGenerationRequest){(method.RequestType is null ? "null!" : "request")}, options, cancellationToken);");
                break;
        }

        if (method.Shortcut.Count > 0)
        {
            EmitShortcut(w, method);
        }
    }

    /// <summary>The overload that takes the request's members directly and builds the request.</summary>
    private static void EmitShortcut(SourceWriter w, OperationMethodSpec method)
    {
        var pathParameters = method.PathParams.Select(p => (p.Integer ? "long " : "string ") + p.ParameterName);
        var parameters = pathParameters.Concat(method.Shortcut.Select(p => $"{p.Type} {p.Name}")).Concat(new[] { Options, Token });
        var arguments = method.PathParams.Select(p => p.ParameterName)
            .Concat(new[] { $"new {method.RequestType}({string.Join(", ", method.Shortcut.Select(p => p.Name))})", "options", "cancellationToken" });
        w.Line();
        w.Doc("summary", method.Summary);
        foreach (var parameter in method.PathParams)
        {
            w.Line($"/// <param name=\"{parameter.ParameterName.TrimStart('@')}\">The '{SourceWriter.Escape(parameter.WireName)}' of the route.</param>");
        }

        foreach (var parameter in method.Shortcut)
        {
            w.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">{SourceWriter.EscapeLine(parameter.Summary)}</param>");
        }

        w.Line("/// <param name=\"options\">Per-call options: timeout, headers, an idempotency key where the call takes one.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        w.Line($"public virtual {ReturnType(method)} {method.MethodName}({string.Join(", ", parameters)})");
        w.Line($"    => {method.MethodName}({string.Join(", ", arguments)});");
    }

    /// <summary>The C# type a method returns.</summary>
    private static string ReturnType(OperationMethodSpec method) => method.Return switch
    {
        MethodReturn.None => Task,
        MethodReturn.Json => $"{Task}<global::System.Text.Json.JsonElement>",
        MethodReturn.Value => $"{Task}<{method.ValueType}>",
        MethodReturn.List => $"{Task}<global::System.Collections.Generic.IReadOnlyList<{method.ValueType}>>",
        MethodReturn.Pageable => $"global::ProducerGen.AsyncPageable<{method.ValueType}>",
        MethodReturn.Resource => $"{Task}<global::ProducerGen.ResourceOperation<{method.ValueType}>>",
        _ => $"{Task}<global::ProducerGen.JobHandle>",
    };

    private static string PageName(OperationMethodSpec method) =>
        method.DescriptionName.Substring(0, method.DescriptionName.Length - "Operation".Length) + "Page";

    private static string Nullable(string? text) => text is null ? "null" : Literals.String(text);
}
