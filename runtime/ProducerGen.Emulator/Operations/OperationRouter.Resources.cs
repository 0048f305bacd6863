using System.Globalization;
using System.Text.Json;
using ProducerGen.Schema.Model;
using Route = ProducerGen.Schema.Model.Route;

namespace ProducerGen.Emulator.Operations;

/// <summary>
/// Long-running resources (<c>resources:</c>, a LoRA training): the operation that creates one (charged, answered
/// 202, then moving through its pending statuses on the clock), its status route, the <c>resource-list</c> and
/// <c>resource-delete</c> roles.
/// </summary>
internal sealed partial class OperationRouter
{
    private async Task ResourceCreateAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var spec = Schema.FindResource(op.Resource!)!;
        var key = request.ApiKey ?? string.Empty;
        SettleRefunds(request.Now);
        if (!_server.Keys.TryCharge(key, _options.ResourceCost, out var available))
        {
            await EmulatorServerJson(ctx, StatusCodes.Status402PaymentRequired, w =>
            {
                w.WriteStartObject();
                w.WriteString("error", "Insufficient credits");
                w.WriteNumber("creditsRequired", _options.ResourceCost);
                w.WriteNumber("creditsAvailable", Math.Max(0, available));
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        var input = new Facts();
        foreach (var field in op.Fields)
        {
            if (request.Body.TryGetProperty(field.Name, out var value) && field.Type.Kind is not (MemberType.File or MemberType.Array))
            {
                input[field.Name] = value.Clone();
            }
            else if (field.Type is { Kind: MemberType.Array, Items.Kind: MemberType.File })
            {
                input["imageCount"] = (long)request.Files.Count(f => f.Field == field.Name);
            }
            else if (field.Default is { } text)
            {
                input[field.Name] = field.Type.Kind == MemberType.Integer && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : text;
            }
            else if (field.Type.Kind == MemberType.Integer && field.Type.Minimum is { } min)
            {
                input[field.Name] = (long)min;
            }
            else if (field.Type.Kind is not (MemberType.File or MemberType.Array))
            {
                // Not given: the status answer says null (gender, age), as the provider's does.
                input[field.Name] = null;
            }
        }

        var resource = new EmulatedResource
        {
            Id = Guid.NewGuid(),
            ApiKey = key,
            Spec = spec,
            CreatedAt = request.Now,
            Duration = _options.ResourceDuration * _options.TimeScale,
            WillFail = _server.NextFails(),
            CreditCost = _options.ResourceCost,
            Input = input,
        };
        _resources.Add(resource);
        await WriteResourceAsync(ctx, SuccessStatus(op), spec, resource, request.Now).ConfigureAwait(false);
    }

    private Task ResourceGetAsync(HttpContext ctx, OperationRequest request)
    {
        var spec = ResourceAt(request.Operation)!;
        return FindResource(request, spec) is { } resource
            ? WriteResourceAsync(ctx, SuccessStatus(request.Operation), spec, resource, request.Now)
            : NotFoundAsync(ctx, spec.TypeName);
    }

    private async Task ResourceListAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var spec = ResourceAt(op) ?? Schema.Resources.First();
        var paging = op.Paginate ?? new PaginationSpec("items", "cursor", "nextCursor", null, null, null, null, null);
        if (await ReadLimitAsync(ctx, paging).ConfigureAwait(false) is not { } limit)
        {
            return;
        }

        // Archived items are hidden unless a boolean "include…" field asks for them.
        var includeArchived = op.Fields.Any(f => f.Type.Kind == MemberType.Boolean && f.Name.StartsWith("include", StringComparison.Ordinal) && request.Boolean(f.Name) == true);
        var items = _resources.Of(request.ApiKey ?? string.Empty, spec.Key).Where(r => includeArchived || !r.Archived).ToList();
        if (ReadCursor(ctx, paging) is { } cursor)
        {
            var at = items.FindIndex(r => r.Id.ToString("D") == cursor);
            if (at < 0)
            {
                await InvalidCursorAsync(ctx, paging).ConfigureAwait(false);
                return;
            }

            items = items.Skip(at + 1).ToList();
        }

        var page = items.Take(limit).ToList();
        var next = items.Count > limit ? page[^1].Id.ToString("D") : null;
        await PageAsync(ctx, op, paging, page.Select(r => (object?)ResourceFacts(r, request.Now)), next).ConfigureAwait(false);
    }

    private Task ResourceDeleteAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var spec = ResourceAt(op) ?? Schema.Resources.First();
        if (FindResource(request, spec) is not { } resource)
        {
            return NotFoundAsync(ctx, spec.TypeName);
        }

        _resources.Archive(resource);
        ctx.Response.StatusCode = op.Success.Count > 0 ? op.Success[0] : StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private EmulatedResource? FindResource(OperationRequest request, ResourceSpec spec)
    {
        var text = request.PathValues.TryGetValue("id", out var id) ? id : request.PathValues.Values.FirstOrDefault();
        return Guid.TryParse(text, out var guid) ? _resources.Find(request.ApiKey ?? string.Empty, spec.Key, guid) : null;
    }

    /// <summary>The resource an operation is about: the one whose status route has its path (any method), else the one its type is.</summary>
    private ResourceSpec? ResourceAt(OperationSpec op)
    {
        var path = RouteKey(new Route("GET", op.Request.Path));
        return Schema.Resources.FirstOrDefault(r => RouteKey(new Route("GET", r.Get.Path)) == path)
            ?? Schema.Resources.FirstOrDefault(r => r.TypeName == op.Response.TypeName);
    }

    /// <summary>The resource whose status route <paramref name="op"/> is (same method and path), or null.</summary>
    private ResourceSpec? StatusRouteOf(OperationSpec op) => Schema.Resources.FirstOrDefault(r => RouteKey(r.Get) == RouteKey(op.Request));

    private Task WriteResourceAsync(HttpContext ctx, int status, ResourceSpec spec, EmulatedResource resource, DateTimeOffset now)
    {
        var members = Schema.FindType(spec.TypeName)?.Properties ?? EquatableArray<MemberSpec>.Empty;
        var facts = ResourceFacts(resource, now);
        return EmulatorServerJson(ctx, status, w => FactWriter.WriteObject(w, members, facts, now));
    }

    private static Facts ResourceFacts(EmulatedResource resource, DateTimeOffset now)
    {
        var state = resource.State(now);
        var facts = new Facts();
        foreach (var (name, value) in resource.Input)
        {
            facts[name] = value;
        }

        facts["id"] = resource.Id;
        facts["userId"] = UserId(resource.ApiKey);
        facts["teamId"] = TeamId(resource.ApiKey);
        facts[Member(resource.Spec.StatusPath)] = state.Status;
        facts["isReady"] = state.Succeeded;
        facts["hasWeights"] = state.Succeeded;
        facts["createdAt"] = resource.CreatedAt;
        facts["startedAt"] = state.StartedAt;
        facts["completedAt"] = state.CompletedAt;
        facts[resource.Spec.ErrorPath is { } errorPath ? Member(errorPath) : "error"] = state.Error;
        facts["triggerWord"] = state.Succeeded ? "pgx" + resource.Id.ToString("N")[..6] : null;

        return facts;
    }

    private static Task EmulatorServerJson(HttpContext ctx, int status, Action<Utf8JsonWriter> write) => Http.EmulatorServer.WriteJsonAsync(ctx, status, write);

    /// <summary>An operation for a resource's status route that no operation describes.</summary>
    private static OperationSpec StatusOperation(ResourceSpec resource) => new(
        "resource:" + resource.Key,
        resource.TypeName,
        "Get",
        resource.Get,
        EquatableArray.From(new[] { new MemberSpec("id", "Id", new TypeSpec(MemberType.String)) }),
        EquatableArray<MemberSpec>.Empty,
        null,
        true,
        false,
        global::ProducerGen.Schema.Model.OperationRetry.Default,
        BodyEncoding.Json,
        EquatableArray<int>.Empty,
        new ResponseSpec(ResponseKind.Type, resource.TypeName),
        null,
        null,
        null,
        null,
        EquatableArray<VariantSpec>.Empty,
        EmulationSpec.Default);
}
