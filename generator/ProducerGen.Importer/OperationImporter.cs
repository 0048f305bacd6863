using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ProducerGen.Schema.Naming;

namespace ProducerGen.Importer;

/// <summary>The <c>types:</c>, <c>resources:</c> and <c>operations:</c> sections of an import.</summary>
/// <param name="Types">Answer types, in the order operations first name them.</param>
/// <param name="Resources">Long-running resources that are not jobs.</param>
/// <param name="Operations">Every call that is neither a generate endpoint nor the job status route, in the document's order.</param>
public sealed record OperationSections(YMap Types, YMap Resources, YMap Operations);

/// <summary>
/// Maps the document's other calls (account, catalog, listings, uploads, assets, LoRAs, follow-up actions) to
/// operations: routes, path and query parameters, JSON or multipart bodies (a <c>oneOf</c> discriminated by one
/// single-valued member becomes variants), success codes, answer types, cursor pagination, <c>auth: none</c>,
/// idempotency, job handles and resource handles. What only prose says comes from the overlay.
/// </summary>
internal sealed class OperationImporter
{
    private static readonly HttpMethod[] Methods = { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete };

    private readonly OpenApiDocument _document;
    private readonly ImportReport _report;
    private readonly IDictionary<string, string> _typeNames;
    private readonly YMap _models;
    private readonly HashSet<string> _taken;
    private readonly string? _jobAnswer;
    private readonly YMap _types = new();
    private readonly YMap _resources = new();
    private readonly Dictionary<string, (string Key, string IdPath)> _resourceCollections = new(StringComparer.Ordinal);

    /// <param name="document">The document.</param>
    /// <param name="report">Where what cannot be expressed goes.</param>
    /// <param name="typeNames">Type renames (component → type name) from the overlay.</param>
    /// <param name="models">The imported models (a job-creating action names one).</param>
    /// <param name="taken">Routes (<c>POST /v2/images/generate</c>) already imported as endpoints or the job route.</param>
    /// <param name="jobAnswer">The component the generate endpoints answer (<c>JobAccepted</c>).</param>
    public OperationImporter(OpenApiDocument document, ImportReport report, IDictionary<string, string> typeNames, YMap models, HashSet<string> taken, string? jobAnswer)
    {
        _document = document;
        _report = report;
        _typeNames = typeNames;
        _models = models;
        _taken = taken;
        _jobAnswer = jobAnswer;
    }

    /// <summary>Imports every remaining operation.</summary>
    public OperationSections Import()
    {
        var operations = new YMap();
        var paths = (_document.Paths ?? new OpenApiPaths()).ToList();
        foreach (var path in paths)
        {
            if (path.Value.Operations?.TryGetValue(HttpMethod.Get, out var get) == true && !_taken.Contains("GET " + path.Key))
            {
                ImportResource(path.Key, get);
            }
        }

        foreach (var path in paths)
        {
            foreach (var method in Methods)
            {
                if (path.Value.Operations?.TryGetValue(method, out var operation) != true || _taken.Contains(method.Method + " " + path.Key))
                {
                    continue;
                }

                var key = OperationKey(method, path.Key, operation!);
                if (operations.ContainsKey(key))
                {
                    _report.Skipped($"paths.{path.Key}", $"{method.Method} would be the operation '{key}', which an earlier path already is; not imported.");
                    continue;
                }

                operations.Add(key, ImportOperation(key, method, path.Key, path.Value, operation!));
            }
        }

        return new OperationSections(_types, _resources, operations);
    }

    /// <summary>A GET of <c>/collection/{id}</c> answering a component with a <c>status</c> enum is a resource's status route.</summary>
    private void ImportResource(string path, OpenApiOperation get)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !segments[^1].StartsWith('{') || segments[^2].StartsWith('{'))
        {
            return;
        }

        var answer = Answer(get, out _);
        var component = OpenApiImporter.ReferenceId(answer);
        if (answer?.Properties is null || component is null || !answer.Properties.TryGetValue("status", out var status) || status.Enum is not { Count: > 0 })
        {
            return;
        }

        var key = NameMapper.ToCamelCase(OpenApiImporter.Singular(segments[^2]));
        var collection = path.Substring(0, path.LastIndexOf('/'));
        var resource = new YMap();
        resource.Add("get", "GET " + collection + "/{id}");
        var idPath = answer.Properties.ContainsKey("id") ? "id" : answer.Properties.Keys.FirstOrDefault(k => k.EndsWith("Id", StringComparison.Ordinal)) ?? "id";
        resource.Add("idPath", idPath);
        resource.Add("statusPath", "status");
        OpenApiImporter.AddStatuses(resource, status);
        if (answer.Properties.ContainsKey("error"))
        {
            resource.Add("error", "error");
        }

        resource.Add("type", TypeFor(answer, component, $"resources.{key}"));
        _resources.Add(key, resource);
        _resourceCollections[collection] = (key, idPath);
    }

    /// <summary>
    /// <c>GET /v2/me</c> → <c>getMe</c>; a GET answering a list → <c>listJobs</c>; <c>GET …/{id}</c> → <c>getLora</c>;
    /// <c>POST /v2/uploads</c> and <c>POST /v2/assets/create</c> → <c>createUpload</c>, <c>createAsset</c>;
    /// <c>DELETE /v2/loras/{id}</c> → <c>deleteLora</c>; <c>POST …/midjourney/action</c> → <c>midjourneyAction</c>.
    /// </summary>
    internal static string OperationKey(HttpMethod method, string path, OpenApiOperation operation)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !(s.Length > 1 && s[0] == 'v' && s.Skip(1).All(char.IsDigit)))
            .ToList();
        var byId = segments.Count > 0 && segments[^1].StartsWith('{');
        var words = segments.Where(s => !s.StartsWith('{')).ToList();
        if (words.Count == 0)
        {
            return method.Method.ToLowerInvariant();
        }

        if (words.Count > 1 && method == HttpMethod.Post && words[^1] is not ("create" or "generate"))
        {
            // A verb after its object: /midjourney/action, /jobs/cancel.
            return NameMapper.ToCamelCase(words[^2]) + NameMapper.ToPascalCase(words[^1]);
        }

        var noun = words[^1] is "create" && words.Count > 1 ? words[^2] : words[^1];
        var verb = method == HttpMethod.Get ? (!byId && AnswersList(operation) ? "list" : "get")
            : method == HttpMethod.Delete ? "delete"
            : method == HttpMethod.Post ? "create"
            : "update";
        var name = verb == "list" ? noun : OpenApiImporter.Singular(noun);
        return verb + NameMapper.ToPascalCase(name);
    }

    private static bool AnswersList(OpenApiOperation operation) =>
        Answer(operation, out _) is { } answer && (answer.Type is { } type && (type & JsonSchemaType.Array) != 0 || answer.Properties?.Values.Any(p => p.Type is { } t && (t & JsonSchemaType.Array) != 0) == true);

    /// <summary>The JSON body of the first 2xx answer, and the 2xx codes.</summary>
    private static IOpenApiSchema? Answer(OpenApiOperation operation, out List<string> codes)
    {
        codes = (operation.Responses ?? new OpenApiResponses()).Keys.Where(k => k.Length == 3 && k[0] == '2').ToList();
        foreach (var code in codes)
        {
            if (operation.Responses![code].Content is { } content && content.TryGetValue("application/json", out var media) && media.Schema is not null)
            {
                return media.Schema;
            }
        }

        return null;
    }

    private YMap ImportOperation(string key, HttpMethod method, string path, IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var location = $"operations.{key}";
        var result = new YMap();
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith('{') && !(s.Length > 1 && s[0] == 'v' && s.Skip(1).All(char.IsDigit))).ToList();
        var words = key.Select((c, i) => (c, i)).Where(x => char.IsUpper(x.c)).Select(x => x.i).ToList();
        var verb = words.Count == 0 ? key : key.Substring(0, words[0]);
        var isAction = segments.Count > 1 && method == HttpMethod.Post && segments[^1] is not ("create" or "generate");
        var group = isAction ? NameMapper.ToPascalCase(segments[^2]) : NameMapper.ToPascalCase(segments[^1] is "create" && segments.Count > 1 ? segments[^2] : segments.LastOrDefault() ?? key);
        result.Add("group", group);
        result.Add("name", isAction ? NameMapper.ToPascalCase(segments[^1]) : NameMapper.ToPascalCase(verb));
        result.Add("request", method.Method + " " + path);
        if ((OpenApiImporter.Clean(operation.Description) ?? OpenApiImporter.Clean(operation.Summary)) is { } description)
        {
            result.Add("description", description);
        }

        if (operation.Security is { Count: 0 })
        {
            result.Add("auth", "none");
        }

        var parameters = (pathItem.Parameters ?? new List<IOpenApiParameter>()).Concat(operation.Parameters ?? new List<IOpenApiParameter>()).ToList();
        var pathParams = new YMap(flow: true);
        var query = new YMap();
        var idempotent = false;
        foreach (var parameter in parameters)
        {
            var name = parameter.Name ?? string.Empty;
            var at = $"{location}.{(parameter.In == ParameterLocation.Path ? "params" : "fields")}.{name}";
            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    if (parameter.Schema is not null && OpenApiImporter.MapMember(parameter.Schema, false, at, _report, context: MemberContext.Request) is { } typed
                        && (typed.Count > 1 || typed["type"] is not YScalar { Value: "string" }))
                    {
                        pathParams.Add(name, typed);
                    }

                    break;
                case ParameterLocation.Query:
                    if (parameter.Schema is not null && OpenApiImporter.MapMember(parameter.Schema, parameter.Required, at, _report, context: MemberContext.Request) is { } member)
                    {
                        if (OpenApiImporter.Clean(parameter.Description) is { } text && !member.ContainsKey("description"))
                        {
                            member.Add("description", text);
                        }

                        InsertIn(member);
                        query.Add(name, member);
                    }

                    break;
                case ParameterLocation.Header when name.Contains("idempotency", StringComparison.OrdinalIgnoreCase):
                    idempotent = true;
                    break;
                default:
                    _report.NotExpressible(at, $"a {parameter.In} parameter; the format sends path, query and body members (and the API's own headers), so it is not generated.");
                    break;
            }
        }

        if (pathParams.Count > 0)
        {
            result.Add("params", pathParams);
        }

        var fields = new YMap();
        YMap? variants = null;
        string? discriminator = null;
        if (operation.RequestBody?.Content is { Count: > 0 } content)
        {
            var multipart = content.TryGetValue("multipart/form-data", out var form);
            var body = multipart ? form!.Schema : content.TryGetValue("application/json", out var json) ? json.Schema : null;
            if (body is null)
            {
                _report.NotExpressible($"{location}.body", $"the body is sent as {string.Join(", ", content.Keys)}; the format sends JSON or multipart, so it is not generated.");
            }
            else if (body.OneOf is { Count: > 1 } branches)
            {
                (discriminator, variants) = ImportVariants(location, branches, fields);
            }
            else
            {
                OpenApiImporter.CheckProse(body, $"{location}.fields", _report);
                foreach (var (name, member) in OpenApiImporter.MapProperties(body, $"{location}.fields", _report, MemberContext.Request).Entries)
                {
                    fields.Add(name, member);
                }
            }

            if (multipart)
            {
                result.Add("encoding", "multipart");
            }
        }

        var answer = Answer(operation, out var codes);
        var component = OpenApiImporter.ReferenceId(answer);
        var job = component is not null && component == _jobAnswer ? JobModel(segments) : null;
        if (component is not null && component == _jobAnswer && job is null)
        {
            _report.NotExpressible(location, $"answers a job ({component}), but no segment of its path names a model; imported as an answer type.");
        }

        var resource = job is null && method == HttpMethod.Post && _resourceCollections.TryGetValue(path, out var owner) && answer?.Properties?.ContainsKey(owner.IdPath) == true ? owner.Key : null;
        if (job is null && codes.Count == 1 && codes[0] != "200")
        {
            result.Add("success", new YScalar(codes[0], ScalarKind.Number));
        }
        else if (job is null && codes.Count > 1)
        {
            result.Add("success", new YSeq(codes.Select(c => (YNode)new YScalar(c, ScalarKind.Number))));
        }

        if (idempotent)
        {
            result.Add("idempotency", new YScalar("true", ScalarKind.Boolean));
        }

        if (resource is not null)
        {
            result.Add("resource", resource);
        }

        if (job is not null)
        {
            result.Add("job", job);
        }

        if (discriminator is not null)
        {
            result.Add("discriminator", discriminator);
        }

        var paginate = method == HttpMethod.Get && answer is not null ? Pagination(answer, query) : null;
        foreach (var (name, member) in query.Entries)
        {
            fields.Add(name, member);
        }

        if (fields.Count > 0)
        {
            result.Add("fields", fields);
        }

        if (variants is not null)
        {
            result.Add("variants", variants);
        }

        if (paginate is not null)
        {
            result.Add("paginate", paginate.Value.Map);
            result.Add("response", TypeFor(paginate.Value.Items, OpenApiImporter.ReferenceId(paginate.Value.Items) ?? component + "Item", location));
        }
        else if (job is null && resource is null && answer is not null)
        {
            result.Add("response", Response(answer, component, location));
        }

        return result;
    }

    private static void InsertIn(YMap member)
    {
        var at = member.Entries.FindIndex(e => e.Key == "description");
        member.Set("in", new YScalar("query"), at < 0 ? null : at);
    }

    /// <summary>The model a job-creating action makes: the path segment that is a model id (<c>/v2/images/midjourney/action</c>).</summary>
    private string? JobModel(List<string> segments) => segments.LastOrDefault(s => _models.ContainsKey(s));

    /// <summary>An answer object of one array member and <c>nextCursor</c>, with <c>cursor</c> (and <c>limit</c>) in the query, is a page.</summary>
    private static (YMap Map, IOpenApiSchema Items)? Pagination(IOpenApiSchema answer, YMap query)
    {
        var arrays = (answer.Properties ?? new Dictionary<string, IOpenApiSchema>()).Where(p => p.Value.Type is { } t && (t & JsonSchemaType.Array) != 0 && p.Value.Items is not null).ToList();
        var required = answer.Required ?? new HashSet<string>();
        var items = arrays.Count == 1 ? arrays[0] : arrays.FirstOrDefault(a => required.Contains(a.Key));
        if (items.Key is null || answer.Properties?.ContainsKey("nextCursor") != true || !query.ContainsKey("cursor"))
        {
            return null;
        }

        var map = new YMap(flow: true);
        map.Add("items", items.Key);
        map.Add("cursorParam", "cursor");
        map.Add("nextCursor", "nextCursor");
        if (answer.Properties.TryGetValue("hasMore", out var hasMore) && hasMore.Type is { } h && (h & JsonSchemaType.Boolean) != 0)
        {
            map.Add("hasMore", "hasMore");
        }

        query.Remove("cursor");
        if (query["limit"] is YMap limit)
        {
            map.Add("limitParam", "limit");
            foreach (var (from, to) in new[] { ("min", "minLimit"), ("max", "maxLimit"), ("default", "defaultLimit") })
            {
                if (limit[from] is { } value)
                {
                    map.Add(to, value);
                }
            }

            query.Remove("limit");
        }

        return (map, items.Value.Items!);
    }

    /// <summary>A <c>response:</c>: a type, a list under one member (<c>{ type: CatalogModel, path: models, list: true }</c>) or <c>json</c>.</summary>
    private YNode Response(IOpenApiSchema answer, string? component, string location)
    {
        var properties = answer.Properties ?? new Dictionary<string, IOpenApiSchema>();
        if (properties.Count == 0)
        {
            return new YScalar("json");
        }

        if (properties.Count == 1 && properties.First() is { Value.Items: { } items } only && only.Value.Type is { } t && (t & JsonSchemaType.Array) != 0)
        {
            var map = new YMap(flow: true);
            map.Add("type", TypeFor(items, OpenApiImporter.ReferenceId(items) ?? component + "Item", location));
            map.Add("path", only.Key);
            map.Add("list", new YScalar("true", ScalarKind.Boolean));
            return map;
        }

        return new YScalar(TypeFor(answer, component ?? NameMapper.ToPascalCase(location.Substring(location.LastIndexOf('.') + 1)) + "Response", location));
    }

    /// <summary>The answer type for <paramref name="schema"/>, declared under <c>types:</c> the first time it is named.</summary>
    private string TypeFor(IOpenApiSchema schema, string? documentName, string location)
    {
        var name = documentName is not null && _typeNames.TryGetValue(documentName, out var renamed) ? renamed : documentName ?? "Answer";
        if (_types.ContainsKey(name))
        {
            return name;
        }

        var type = new YMap();
        if (OpenApiImporter.Clean(schema.Description) is { } description)
        {
            type.Add("description", description);
        }

        var properties = OpenApiImporter.MapProperties(schema, $"types.{name}", _report, MemberContext.Answer);
        if (properties.Count == 0)
        {
            _report.NotExpressible(location, $"answers {documentName}, which declares no members; imported as an empty type.");
        }

        type.Add("properties", properties);
        _types.Add(name, type);
        return name;
    }

    /// <summary>A <c>oneOf</c> whose branches each fix one member to a single value: that member, the shared fields and one variant per value.</summary>
    private (string? Discriminator, YMap? Variants) ImportVariants(string location, IList<IOpenApiSchema> branches, YMap fields)
    {
        var candidates = branches[0].Properties?.Keys.Where(k => branches.All(b => SingleValue(b, k) is not null)).ToList() ?? new List<string>();
        if (candidates.Count == 0)
        {
            _report.NotExpressible($"{location}.body", $"a oneOf of {branches.Count} schemas with no member that names the branch; the format's variants need a discriminator, so the body is not generated.");
            return (null, null);
        }

        var discriminator = candidates[0];
        var perBranch = branches.Select(b =>
        {
            var value = SingleValue(b, discriminator)!;
            var scratch = new ImportReport();
            OpenApiImporter.CheckProse(b, $"{location}.variants.{value}", scratch);
            return (Value: value, Members: OpenApiImporter.MapProperties(b, $"{location}.variants.{value}", scratch, MemberContext.Request), Report: scratch);
        }).ToList();
        var shared = perBranch[0].Members.Entries.Select(e => e.Key).Where(k => k != discriminator && perBranch.All(p => p.Members.ContainsKey(k))).ToList();
        foreach (var name in shared)
        {
            var versions = perBranch.Select(p => (YMap)p.Members[name]!).ToList();
            var merged = OpenApiImporter.Merge(versions);
            if (versions.Any(v => SchemaYamlWriter.Inline(v) != SchemaYamlWriter.Inline(merged)))
            {
                _report.NotExpressible($"{location}.fields.{name}", "differs between the variants; the shared field takes the loosest value.");
            }

            fields.Add(name, merged);
        }

        // What a member cannot express is reported once: a shared field's under 'fields', a variant's own under its variant.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, _, scratch) in perBranch)
        {
            var prefix = $"{location}.variants.{value}.";
            foreach (var entry in scratch.Entries)
            {
                var rest = entry.Location.StartsWith(prefix, StringComparison.Ordinal) ? entry.Location.Substring(prefix.Length) : null;
                var member = rest?.Split('.', '[')[0];
                var at = member is not null && shared.Contains(member) ? $"{location}.fields.{rest}" : entry.Location;
                if (reported.Add(at + "\n" + entry.Message))
                {
                    _report.NotExpressible(at, entry.Message);
                }
            }
        }

        var variants = new YMap();
        foreach (var (value, members, _) in perBranch)
        {
            var variant = new YMap();
            foreach (var (name, member) in members.Entries.Where(e => e.Key != discriminator && !shared.Contains(e.Key)))
            {
                variant.Add(name, member);
            }

            variants.Add(value, variant);
        }

        return (discriminator, variants);
    }

    private static string? SingleValue(IOpenApiSchema branch, string member)
    {
        if (branch.Properties is null || !branch.Properties.TryGetValue(member, out var schema) || branch.Required?.Contains(member) != true)
        {
            return null;
        }

        if (schema.Const is { } constant)
        {
            return constant;
        }

        return schema.Enum is { Count: 1 } values && values[0] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
