using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ProducerGen.Emulator.Http;
using ProducerGen.Schema.Model;
using Route = ProducerGen.Schema.Model.Route;

namespace ProducerGen.Emulator.Operations;

/// <summary>
/// Serves the schema's <c>operations:</c>: maps each to its route, authenticates it like the generate endpoints
/// (unless <c>auth: none</c>), validates its path values, query and body against its fields (and its variant's
/// members), checks uploaded files against their limits, and hands it to the behaviour of its <c>emulate:</c> role.
/// </summary>
internal sealed partial class OperationRouter
{
    private static readonly TypeSpec AnyJson = new(MemberType.Json);
    private readonly EmulatorServer _server;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly UploadStore _uploads = new();

    /// <summary>The emulator's uploads, so jobs can read an input that was uploaded here.</summary>
    internal UploadStore Uploads => _uploads;
    private readonly AssetStore _assets = new();
    private readonly ResourceStore _resources = new();

    public OperationRouter(EmulatorServer server, EmulatorOptions options)
    {
        _server = server;
        _options = options;
        _time = options.TimeProvider;
    }

    private delegate Task Handler(HttpContext ctx, OperationRequest request);

    private SchemaDocument Schema => _server.Schema;

    /// <summary>Whether the request was routed to an <c>auth: none</c> operation.</summary>
    public static bool IsOpen(HttpContext ctx) => ctx.GetEndpoint()?.Metadata.GetMetadata<OpenOperationMetadata>() is not null;

    /// <summary>Whether the request was routed outside the API (a served upload).</summary>
    public static bool IsUnguarded(HttpContext ctx) => ctx.GetEndpoint()?.Metadata.GetMetadata<UnguardedMetadata>() is not null;

    /// <summary>Maps every operation (and every resource status route no operation describes) and the served uploads.</summary>
    /// <param name="app">The application.</param>
    /// <param name="taken">Routes already served (<c>METHOD path</c>), which operations do not map again.</param>
    public void Map(WebApplication app, IEnumerable<string> taken)
    {
        var mapped = taken.Select(t => t.Split(' ', 2)).Select(p => RouteKey(new Route(p[0], p[1]))).ToHashSet(StringComparer.Ordinal);
        foreach (var operation in Schema.Operations)
        {
            var op = operation;
            if (!mapped.Add(RouteKey(op.Request)))
            {
                continue;
            }

            var handler = HandlerFor(op);
            var builder = app.MapMethods(op.Request.Path, [op.Request.Method], (RequestDelegate)(ctx => RunAsync(ctx, op, handler)));
            if (!op.Authenticated)
            {
                builder.WithMetadata(OpenOperationMetadata.Instance);
            }
        }

        // A resource's status route that no operation describes is served all the same: the client polls it.
        foreach (var resource in Schema.Resources.Where(r => !mapped.Contains(RouteKey(r.Get))))
        {
            var op = StatusOperation(resource);
            app.MapMethods(op.Request.Path, [op.Request.Method], (RequestDelegate)(ctx => RunAsync(ctx, op, ResourceGetAsync)));
        }

        app.MapGet(UploadStore.Prefix + "{id}/{fileName}", (RequestDelegate)ServeUploadAsync).WithMetadata(UnguardedMetadata.Instance);
    }

    /// <summary>Refunds the resources that have failed by <paramref name="now"/> (call where balances are read).</summary>
    public void SettleRefunds(DateTimeOffset now) => _resources.SettleRefunds(now, _server.Keys);

    private static string RouteKey(Route route) =>
        route.Method + " " + System.Text.RegularExpressions.Regex.Replace(route.Path, @"\{[^}]*\}", "{}");

    private Handler HandlerFor(OperationSpec op) => op.Emulate.Role switch
    {
        EmulationRole.Account => AccountAsync,
        EmulationRole.Catalog => CatalogAsync,
        EmulationRole.JobList => JobListAsync,
        EmulationRole.Upload => UploadAsync,
        EmulationRole.Store => StoreAsync,
        EmulationRole.Fetch => FetchAsync,
        EmulationRole.ResourceList => ResourceListAsync,
        EmulationRole.ResourceDelete => ResourceDeleteAsync,
        _ when op.Resource is not null => ResourceCreateAsync,
        _ when op.JobModel is not null => ActionAsync,
        _ when StatusRouteOf(op) is not null => ResourceGetAsync,
        _ => DefaultAsync,
    };

    private async Task RunAsync(HttpContext ctx, OperationSpec op, Handler handler)
    {
        var apiKey = ctx.Items[EmulatorServer.ApiKeyItem] as string;
        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in ctx.Request.RouteValues)
        {
            if (value is string text)
            {
                pathValues[name] = text;
            }
        }

        if (op.PathParams.Count > 0)
        {
            using var values = Typed(op.PathParams.Where(p => pathValues.ContainsKey(p.Name)).Select(p => (p, pathValues[p.Name])), null);
            var check = SchemaRequestValidator.ValidateObject(op.PathParams, values.RootElement);
            if (!check.IsValid)
            {
                await _server.ValidationErrorAsync(ctx, check.Errors).ConfigureAwait(false);
                return;
            }
        }

        var members = op.Fields.Concat(op.Variants.SelectMany(v => v.Members)).ToList();
        JsonDocument? body = null;
        var files = new List<UploadedFile>();
        var hasBody = !HttpMethods.IsGet(op.Request.Method) && !HttpMethods.IsHead(op.Request.Method) && !HttpMethods.IsDelete(op.Request.Method);
        if (hasBody && op.Encoding == BodyEncoding.Multipart)
        {
            if (!MediaTypeHeaderValue.TryParse(ctx.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) || HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
            {
                await _server.ErrorAsync(ctx, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type: the body must be sent as multipart/form-data").ConfigureAwait(false);
                return;
            }

            if (FileLimitCheck.MaxBody(members) is { } most && ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = most;
            }

            var (view, parts, errors) = await OperationForm.ReadAsync(ctx, members).ConfigureAwait(false);
            if (view is null)
            {
                await _server.ValidationErrorAsync(ctx, errors!).ConfigureAwait(false);
                return;
            }

            body = view;
            files = parts;
        }
        else if (hasBody)
        {
            if (!MediaTypeHeaderValue.TryParse(ctx.Request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                await _server.ErrorAsync(ctx, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type: the body must be sent as application/json").ConfigureAwait(false);
                return;
            }

            try
            {
                body = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                await _server.ValidationErrorAsync(ctx, new Dictionary<string, IReadOnlyList<string>> { [string.Empty] = [$"must be valid JSON ({ex.Message})"] }).ConfigureAwait(false);
                return;
            }
        }

        using var merged = Typed(op.Fields.Where(f => f.InQuery && ctx.Request.Query.ContainsKey(f.Name)).Select(f => (f, ctx.Request.Query[f.Name].ToString())), body?.RootElement);
        body?.Dispose();
        var request = merged.RootElement;

        VariantSpec? variant = null;
        var allowed = op.Fields.ToList();
        if (op.Discriminator is { } discriminator)
        {
            var named = request.ValueKind == JsonValueKind.Object && request.TryGetProperty(discriminator, out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            variant = op.Variants.FirstOrDefault(v => v.Value == named);
            if (variant is null)
            {
                var values = string.Join(", ", op.Variants.Select(v => v.Value));
                await _server.ValidationErrorAsync(ctx, new Dictionary<string, IReadOnlyList<string>>
                {
                    [discriminator] = [named is null ? $"is required (one of {values})" : $"must be one of {values} (was '{named}')"],
                }).ConfigureAwait(false);
                return;
            }

            // The variant's own members only: another variant's are unknown here.
            allowed.Add(new MemberSpec(discriminator, discriminator, new TypeSpec(MemberType.String), Required: true));
            allowed.AddRange(variant.Members);
        }
        else
        {
            allowed.AddRange(op.Variants.SelectMany(v => v.Members));
        }

        var validation = SchemaRequestValidator.ValidateObject(allowed, request);
        if (!validation.IsValid)
        {
            await _server.ValidationErrorAsync(ctx, validation.Errors).ConfigureAwait(false);
            return;
        }

        if (FileLimitCheck.Check(allowed, files) is { } problem)
        {
            if (problem.Status == StatusCodes.Status400BadRequest)
            {
                await _server.ValidationErrorAsync(ctx, new Dictionary<string, IReadOnlyList<string>> { [problem.Path] = [problem.Message] }).ConfigureAwait(false);
            }
            else
            {
                await _server.ErrorAsync(ctx, problem.Status, $"File too large: {problem.Path} {problem.Message}").ConfigureAwait(false);
            }

            return;
        }

        await handler(ctx, new OperationRequest
        {
            Operation = op,
            ApiKey = apiKey,
            Body = request,
            Files = files,
            PathValues = pathValues,
            Variant = variant,
            Now = _time.GetUtcNow(),
        }).ConfigureAwait(false);
    }

    /// <summary>An object of <paramref name="body"/>'s members plus <paramref name="values"/>, each typed by its member (as query members are).</summary>
    private static JsonDocument Typed(IEnumerable<(MemberSpec Member, string Text)> values, JsonElement? body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (body is { ValueKind: not JsonValueKind.Object } other)
            {
                other.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                if (body is { } given)
                {
                    foreach (var property in given.EnumerateObject())
                    {
                        property.WriteTo(writer);
                    }
                }

                foreach (var (member, text) in values)
                {
                    writer.WritePropertyName(member.Name);
                    QueryMembers.WriteTyped(writer, member.Type, text);
                }

                writer.WriteEndObject();
            }
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static int SuccessStatus(OperationSpec op) => op.Success.Count > 0 ? op.Success[0] : StatusCodes.Status200OK;

    private ResponseTypeSpec? ResponseType(OperationSpec op) => op.Response.TypeName is { } name ? Schema.FindType(name) : null;

    /// <summary>Writes <paramref name="value"/> (facts, or a list of them for a list response) as the operation's response.</summary>
    private Task AnswerAsync(HttpContext ctx, OperationSpec op, int status, object? value)
    {
        var now = _time.GetUtcNow();
        switch (op.Response.Kind)
        {
            case ResponseKind.None:
                ctx.Response.StatusCode = status;
                return Task.CompletedTask;
            case ResponseKind.Json:
                return EmulatorServer.WriteJsonAsync(ctx, status, w => FactWriter.WriteFact(w, AnyJson, value, now));
        }

        var type = ResponseType(op);
        var members = type?.Properties ?? EquatableArray<MemberSpec>.Empty;
        var valueType = op.Response.IsList
            ? new TypeSpec(MemberType.Array, Items: new TypeSpec(MemberType.Object, Properties: members))
            : new TypeSpec(MemberType.Object, Properties: members);
        var segments = op.Response.Path == "$" ? [] : op.Response.Path.TrimStart('$', '.').Split('.');
        return EmulatorServer.WriteJsonAsync(ctx, status, w =>
        {
            foreach (var segment in segments)
            {
                w.WriteStartObject();
                w.WritePropertyName(segment);
            }

            FactWriter.WriteFact(w, valueType, value ?? new Facts(), now);
            foreach (var unused in segments)
            {
                w.WriteEndObject();
            }
        });
    }

    private Task NotFoundAsync(HttpContext ctx, string what) => _server.ErrorAsync(ctx, StatusCodes.Status404NotFound, what + " not found");
}
