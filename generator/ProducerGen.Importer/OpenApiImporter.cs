using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ProducerGen.Schema.Naming;

namespace ProducerGen.Importer;

/// <summary>Options of an import.</summary>
public sealed class ImportOptions
{
    /// <summary>The API name (<c>Apiframe</c>); default: <c>info.title</c> without a trailing "API".</summary>
    public string? ApiName { get; set; }

    /// <summary>The environment variable holding the key; default: <c>{NAME}_API_KEY</c>.</summary>
    public string? AuthEnvironmentVariable { get; set; }

    /// <summary>
    /// Names of answer types where the document's name is not the one to generate (<c>Me</c> → <c>Account</c>);
    /// keyed by component name, or <c>{Component}Item</c> for the inline items of a component's array.
    /// </summary>
    public IDictionary<string, string> TypeNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The name of the source document as written into the header (a file name, never a machine path).</summary>
    public string SourceName { get; set; } = "openapi.json";
}

/// <summary>The outcome of an import: the schema tree, the report and per-endpoint model counts.</summary>
public sealed record ImportResult(YMap Schema, ImportReport Report, IReadOnlyList<KeyValuePair<string, int>> ModelsPerEndpoint, string SourceDescription);

/// <summary>Thrown when the document cannot be read or holds no generate endpoint.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException()
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Maps an OpenAPI 3.x document (read with Microsoft.OpenApi) to a ProducerGen schema tree.
/// One endpoint per POST operation whose JSON body is a <c>oneOf</c> discriminated by a single-valued
/// <c>model</c> member; one model per discriminator value; the model's <c>…Params</c> object becomes its params.
/// </summary>
public static class OpenApiImporter
{
    private const string DiscriminatorName = "model";

    /// <summary>Reads an OpenAPI document (JSON or YAML text is detected by Microsoft.OpenApi; JSON is built in).</summary>
    public static OpenApiDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var format = text.TrimStart().StartsWith('{') ? "json" : "yaml";
        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(text, format, new OpenApiReaderSettings());
        }
        catch (Exception e) when (e is OpenApiException or JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new ImportException($"The document could not be read: {e.Message}", e);
        }

        if (result.Document is null || result.Diagnostic?.Errors.Count > 0)
        {
            var errors = result.Diagnostic?.Errors.Select(e => e.ToString()) ?? Array.Empty<string>();
            throw new ImportException("The document could not be read: " + string.Join("; ", errors));
        }

        return result.Document;
    }

    /// <summary>Reads and imports.</summary>
    public static ImportResult Import(string openApiText, ImportOptions? options = null) => Import(Read(openApiText), options);

    /// <summary>Imports a document read by Microsoft.OpenApi.</summary>
    public static ImportResult Import(OpenApiDocument document, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new ImportOptions();
        var report = new ImportReport();
        var root = new YMap();
        root.Add("producergen", new YScalar("1", ScalarKind.Number));

        var endpoints = new YMap();
        var models = new YMap();
        var counts = new List<KeyValuePair<string, int>>();
        IOpenApiParameter? idempotency = null;
        string? securityScheme = null;
        var endpointRoutes = new HashSet<string>(StringComparer.Ordinal);
        string? jobAnswer = null;

        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            if (path.Value.Operations is null || !path.Value.Operations.TryGetValue(HttpMethod.Post, out var operation))
            {
                continue;
            }

            var body = operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) ? media.Schema : null;
            var branches = body is null ? new List<IOpenApiSchema>() : Branches(body);
            var discriminated = branches.Where(b => DiscriminatorValue(b) is not null).ToList();
            var location = "paths." + path.Key;
            if (discriminated.Count == 0)
            {
                // Not a generate endpoint: imported with the other calls under 'operations:'.
                continue;
            }

            if (discriminated.Count != branches.Count)
            {
                report.NotExpressible(location, $"{branches.Count - discriminated.Count} body variant(s) carry no single '{DiscriminatorName}' value; skipped.");
            }

            var endpointName = EndpointName(path.Key);
            endpointRoutes.Add("POST " + path.Key);
            jobAnswer ??= operation.Responses?.Where(r => r.Key.StartsWith('2')).Select(r => r.Value.Content is { } c && c.TryGetValue("application/json", out var m) ? ReferenceId(m.Schema) : null).FirstOrDefault(id => id is not null);
            var endpoint = ImportEndpoint(endpointName, path.Key, operation, discriminated, models, report);
            endpoints.Add(endpointName, endpoint);
            counts.Add(new(endpointName, discriminated.Count));

            idempotency ??= operation.Parameters?.FirstOrDefault(p => p.In == ParameterLocation.Header && p.Name is { } n && n.Contains("idempotency", StringComparison.OrdinalIgnoreCase));
            securityScheme ??= operation.Security?.SelectMany(r => r.Keys).Select(k => k.Reference?.Id ?? k.Name).FirstOrDefault(id => id is not null && document.Components?.SecuritySchemes?.TryGetValue(id, out var s) == true && s.Type == SecuritySchemeType.ApiKey && s.In == ParameterLocation.Header);
        }

        if (endpoints.Count == 0)
        {
            throw new ImportException($"The document has no POST operation whose JSON body is discriminated by '{DiscriminatorName}'; there is nothing to import.");
        }

        // A follow-up action may be the only call that takes the key; the operations then need the API's header.
        idempotency ??= (document.Paths ?? new OpenApiPaths()).Values
            .SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Parameters ?? new List<IOpenApiParameter>())
            .FirstOrDefault(p => p.In == ParameterLocation.Header && p.Name is { } n && n.Contains("idempotency", StringComparison.OrdinalIgnoreCase));
        root.Add("api", ImportApi(document, options, idempotency, securityScheme, report, out var jobsRoute));
        root.Add("endpoints", endpoints);
        root.Add("models", models);
        endpointRoutes.Add(jobsRoute);
        var operations = new OperationImporter(document, report, options.TypeNames, models, endpointRoutes, jobAnswer).Import();
        if (operations.Operations.Count > 0)
        {
            if (operations.Types.Count > 0)
            {
                root.Add("types", operations.Types);
            }

            if (operations.Resources.Count > 0)
            {
                root.Add("resources", operations.Resources);
            }

            root.Add("operations", operations.Operations);
        }

        var source = $"{document.Info?.Title} {document.Info?.Version}".Trim();
        return new ImportResult(root, report, counts, source);
    }

    /// <summary>The component a schema refers to (<c>JobAccepted</c>), or null for an inline schema.</summary>
    internal static string? ReferenceId(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? reference.Reference?.Id : null;

    private static List<IOpenApiSchema> Branches(IOpenApiSchema body)
    {
        if (body.OneOf is { Count: > 0 } oneOf)
        {
            return oneOf.ToList();
        }

        if (body.AnyOf is { Count: > 0 } anyOf)
        {
            return anyOf.ToList();
        }

        return new List<IOpenApiSchema> { body };
    }

    private static string? DiscriminatorValue(IOpenApiSchema branch)
    {
        if (branch.Properties is null || !branch.Properties.TryGetValue(DiscriminatorName, out var model))
        {
            return null;
        }

        if (model.Const is { } constant)
        {
            return constant;
        }

        return model.Enum is { Count: 1 } values && values[0] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary><c>/v2/images/generate</c> → <c>images</c>; <c>/v2/images/background-remove</c> → <c>imageBackgroundRemove</c>.</summary>
    public static string EndpointName(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !(s.Length > 1 && s[0] == 'v' && s.Skip(1).All(char.IsDigit)) && !s.StartsWith('{'))
            .ToList();
        if (segments.Count == 0)
        {
            return "generate";
        }

        if (segments.Count > 1 && segments[^1] == "generate")
        {
            segments.RemoveAt(segments.Count - 1);
        }
        else if (segments.Count > 1)
        {
            segments[0] = Singular(segments[0]);
        }

        var pascal = string.Concat(segments.Select(NameMapper.ToPascalCase));
        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    internal static string Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word.Substring(0, word.Length - 1) : word;

    private static YMap ImportEndpoint(string name, string path, OpenApiOperation operation, List<IOpenApiSchema> branches, YMap models, ImportReport report)
    {
        var endpoint = new YMap();
        endpoint.Add("request", "POST " + path);
        var description = Clean(operation.Description) ?? Clean(operation.Summary);
        if (description is not null)
        {
            endpoint.Add("description", description);
        }

        // Top-level members other than the discriminator and the params object, per model.
        var perModel = new List<(string Id, string? ParamsKey, List<KeyValuePair<string, IOpenApiSchema>> Members, IOpenApiSchema Branch)>();
        foreach (var branch in branches)
        {
            var id = DiscriminatorValue(branch)!;
            var properties = branch.Properties!.Where(p => p.Key != DiscriminatorName).ToList();
            var paramsCandidates = properties.Where(p => p.Key.EndsWith("Params", StringComparison.Ordinal) && IsObject(p.Value)).ToList();
            if (paramsCandidates.Count == 0)
            {
                paramsCandidates = properties.Where(p => IsObject(p.Value)).ToList();
            }

            string? paramsKey = null;
            if (paramsCandidates.Count >= 1)
            {
                paramsKey = paramsCandidates[0].Key;
                if (paramsCandidates.Count > 1)
                {
                    report.NotExpressible($"models.{id}", $"has {paramsCandidates.Count} object members ({string.Join(", ", paramsCandidates.Select(p => p.Key))}); only '{paramsKey}' is imported as its params block.");
                }
            }

            perModel.Add((id, paramsKey, properties.Where(p => p.Key != paramsKey).ToList(), branch));
        }

        // Shared fields: members every model has, in the first model's order; each model's stricter values are its overrides.
        var fields = new YMap();
        var overrides = new Dictionary<string, YMap>(StringComparer.Ordinal);
        var sharedNames = perModel[0].Members.Select(m => m.Key).Where(n => perModel.All(pm => pm.Members.Any(m => m.Key == n))).ToList();
        foreach (var fieldName in sharedNames)
        {
            var variants = perModel.Select(pm =>
            {
                var schema = pm.Members.First(m => m.Key == fieldName).Value;
                var required = pm.Branch.Required?.Contains(fieldName) == true;
                var scratch = new ImportReport();
                var member = MapMember(schema, required, $"models.{pm.Id}.{fieldName}", scratch);
                return (pm.Id, Member: member, Report: scratch);
            }).ToList();

            // What the field cannot express is reported once for the endpoint, not once per model.
            foreach (var entry in variants[0].Report.Entries)
            {
                report.NotExpressible($"endpoints.{name}.fields.{fieldName}", entry.Message);
            }

            var usable = variants.Where(v => v.Member is not null).ToList();
            if (usable.Count == 0)
            {
                continue;
            }

            var merged = Merge(usable.Select(v => v.Member!).ToList());
            fields.Add(fieldName, merged);
            foreach (var (id, member, _) in usable)
            {
                // What a model states beyond the loosest shared value becomes its own override; what cannot be overridden is reported.
                if (FieldOverride(merged, member!) is { Count: > 0 } own)
                {
                    (overrides.TryGetValue(id, out var map) ? map : overrides[id] = new YMap()).Add(fieldName, own);
                }
            }

            ReportFieldDifferences(name, fieldName, merged, usable.Select(v => (v.Id, v.Member!)).ToList(), report);
        }

        foreach (var pm in perModel)
        {
            foreach (var member in pm.Members.Where(m => !sharedNames.Contains(m.Key)))
            {
                report.NotExpressible($"models.{pm.Id}.{member.Key}", $"a top-level member only some models of '{name}' have; the format has no per-model top-level field, so it is not generated.");
            }
        }

        if (fields.Count > 0)
        {
            endpoint.Add("fields", fields);
        }

        foreach (var pm in perModel)
        {
            var model = ImportModel(name, pm.Id, pm.ParamsKey, pm.Branch, report);
            if (overrides.TryGetValue(pm.Id, out var own))
            {
                var at = model.Entries.FindIndex(e => e.Key == "params");
                model.Set("fields", own, at < 0 ? null : at);
            }

            models.Add(pm.Id, model);
        }

        return endpoint;
    }

    private static YMap ImportModel(string endpointName, string id, string? paramsKey, IOpenApiSchema branch, ImportReport report)
    {
        var model = new YMap();
        model.Add("endpoint", endpointName);
        var location = $"models.{id}";
        if (paramsKey is null)
        {
            paramsKey = NameMapper.ToCamelCase(id).TrimStart('@', '_') + "Params";
            report.NotExpressible(location, $"declares no params object; the format needs a paramsKey, so '{paramsKey}' is written and the model has no params.");
        }

        model.Add("paramsKey", paramsKey);
        var description = Clean(branch.Description) ?? Clean(branch.Title);
        if (description is not null)
        {
            model.Add("description", description);
        }

        if (branch.Deprecated)
        {
            model.Add("deprecated", new YScalar("true", ScalarKind.Boolean));
        }

        if (branch.Properties!.TryGetValue(paramsKey, out var paramsSchema))
        {
            // The generator makes Params a constructor parameter when a param is required or the model says paramsRequired.
            var blockRequired = branch.Required?.Contains(paramsKey) == true;
            var anyParamRequired = paramsSchema.Required is { Count: > 0 } requiredParams && requiredParams.Any(r => paramsSchema.Properties?.ContainsKey(r) == true);
            if (blockRequired && !anyParamRequired)
            {
                // wan-2.7-r2v: the block is required although every member is optional, so {} must still be sent.
                model.Add("paramsRequired", new YScalar("true", ScalarKind.Boolean));
            }
            else if (!blockRequired && anyParamRequired)
            {
                report.NotExpressible(location, $"'{paramsKey}' is optional but has required members; the format makes Params required whenever a param is, so the client always sends the block.");
            }

            var paramsLocation = $"{location}.params";
            CheckObjectKeywords(paramsSchema, paramsLocation, report);
            var parameters = MapProperties(paramsSchema, paramsLocation, report);
            if (parameters.Count > 0)
            {
                model.Add("params", parameters);
            }
        }

        return model;
    }

    internal static YMap MapProperties(IOpenApiSchema objectSchema, string location, ImportReport report, MemberContext context = MemberContext.Generate)
    {
        var map = new YMap();
        foreach (var property in objectSchema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var required = objectSchema.Required?.Contains(property.Key) == true;
            var member = MapMember(property.Value, required, $"{location}.{property.Key}", report, context: context);
            if (member is not null)
            {
                map.Add(property.Key, member);
            }
        }

        foreach (var missing in (objectSchema.Required ?? new HashSet<string>()).Where(r => objectSchema.Properties?.ContainsKey(r) != true).OrderBy(r => r, StringComparer.Ordinal))
        {
            report.NotExpressible($"{location}.{missing}", "is listed as required but has no schema; not generated.");
        }

        return map;
    }

    /// <summary>Members whose description states a requirement the format cannot check ("Required when subjectKind is person").</summary>
    internal static void CheckProse(IOpenApiSchema objectSchema, string location, ImportReport report)
    {
        foreach (var property in objectSchema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (Clean(property.Value.Description) is { } text && text.Contains("required when", StringComparison.OrdinalIgnoreCase))
            {
                report.NotExpressible($"{location}.{property.Key}", $"states a conditional requirement in prose ('{text}'); the format has none, so Validate() does not check it.");
            }
        }
    }

    internal static bool IsObject(IOpenApiSchema schema) => schema.Type is { } type && (type & ~JsonSchemaType.Null) == JsonSchemaType.Object || schema.Properties is { Count: > 0 };

    private static void CheckObjectKeywords(IOpenApiSchema schema, string location, ImportReport report)
    {
        if (schema.AdditionalProperties is not null || (schema.AdditionalPropertiesAllowed && schema.Properties is not { Count: > 0 }))
        {
            // Open objects: every object of the format is closed.
            if (schema.AdditionalProperties is not null)
            {
                report.NotExpressible(location, "allows additional properties (additionalProperties schema); the format's objects are closed, so only the declared members are generated.");
            }
        }

        if (schema.PatternProperties is { Count: > 0 })
        {
            report.NotExpressible(location, "patternProperties cannot be expressed; only the declared members are generated.");
        }

        if (schema.MinProperties is not null || schema.MaxProperties is not null)
        {
            report.NotExpressible(location, $"minProperties/maxProperties ({schema.MinProperties?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{schema.MaxProperties?.ToString(CultureInfo.InvariantCulture) ?? "-"}) cannot be expressed.");
        }

        if (schema.DependentRequired is { Count: > 0 })
        {
            report.NotExpressible(location, "dependentRequired cannot be expressed.");
        }
    }

    /// <summary>Maps one property schema to a member, or null (reported) when the format cannot hold it at all.</summary>
    internal static YMap? MapMember(IOpenApiSchema schema, bool required, string location, ImportReport report, bool isItems = false, MemberContext context = MemberContext.Generate)
    {
        var member = new YMap(flow: true);
        var kind = schema.Type;
        var nullable = kind is { } k0 && (k0 & JsonSchemaType.Null) != 0;
        if (kind is { } k1)
        {
            kind = k1 & ~JsonSchemaType.Null;
            if (kind == 0)
            {
                kind = null;
            }
        }

        List<JsonNode?>? literals = schema.Enum?.Select(e => (JsonNode?)e).ToList();
        if (schema.Const is { } constant)
        {
            literals = new List<JsonNode?> { JsonValue.Create(constant) };
        }

        // anyOf/oneOf of single literals: `5|10` or `"16:9"|"9:16"`.
        var union = schema.AnyOf is { Count: > 0 } ? schema.AnyOf : schema.OneOf is { Count: > 0 } ? schema.OneOf : null;
        if (union is not null)
        {
            var values = new List<JsonNode?>();
            JsonSchemaType unionType = 0;
            var open = false;
            foreach (var alternative in union)
            {
                var alternativeValues = alternative.Const is { } c ? new List<JsonNode?> { JsonValue.Create(c) } : alternative.Enum?.Select(e => (JsonNode?)e).ToList();
                if (alternativeValues is null || alternativeValues.Count == 0 || (alternative.Type is { } t && (t & JsonSchemaType.Null) != 0 && alternativeValues.All(v => v is null)))
                {
                    if (alternative.Type is { } nullType && nullType == JsonSchemaType.Null)
                    {
                        nullable = true;
                        continue;
                    }

                    // An operation's "one of these, or any string" (Me.user.role) is that type: the values are a hint, not a rule.
                    if (context != MemberContext.Generate && alternative.Type is { } openType && IsSingle(openType) && alternative.Properties is not { Count: > 0 } && alternative.Items is null)
                    {
                        open = true;
                        unionType |= openType;
                        continue;
                    }

                    report.NotExpressible(location, $"is a union of schemas ({Describe(schema)}), not of literal values; the format has no union type, so it is not generated.");
                    return null;
                }

                unionType |= alternative.Type ?? LiteralType(alternativeValues);
                values.AddRange(alternativeValues);
            }

            literals = open ? null : values;
            kind = (kind ?? 0) | unionType;
        }

        if (literals is not null && literals.Any(l => l is null))
        {
            nullable = true;
            literals = literals.Where(l => l is not null).ToList();
        }

        if (kind is null && literals is { Count: > 0 })
        {
            kind = LiteralType(literals);
        }

        if (kind is null && context == MemberContext.Answer && schema.Properties is not { Count: > 0 })
        {
            // An answer member of any shape ({}, Job.result) is kept as raw JSON.
            member.Add("type", "json");
            return Finish(schema, member, required && !nullable, nullable: false, isItems, location, report, context);
        }

        if (kind is null)
        {
            report.NotExpressible(location, $"has no type ({Describe(schema)}); the format needs one, so it is not generated.");
            return null;
        }

        if ((kind & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (kind & ~(JsonSchemaType.Integer | JsonSchemaType.Number)) == 0)
        {
            kind = (kind & JsonSchemaType.Number) != 0 ? JsonSchemaType.Number : JsonSchemaType.Integer;
        }

        if (!IsSingle(kind.Value))
        {
            report.NotExpressible(location, $"may be any of several types ({kind}); the format has no union type, so it is not generated.");
            return null;
        }

        // A null array item is already sent as null, and a required member is a non-null constructor parameter.
        if (nullable && (required || isItems) && context != MemberContext.Answer)
        {
            report.NotExpressible(location, required
                ? "is required but accepts null; the format's required members cannot be null, so it is imported as its non-null type."
                : "is an array item that accepts null; the format has no nullable items, so it is imported as its non-null type.");
        }

        if (schema.AllOf is { Count: > 0 })
        {
            report.NotExpressible(location, "allOf cannot be expressed; only the member's own keywords are imported.");
        }

        if (schema.Not is not null)
        {
            report.NotExpressible(location, "'not' cannot be expressed.");
        }

        switch (kind.Value)
        {
            case JsonSchemaType.String:
                MapString(schema, literals, member, location, report, context);
                break;
            case JsonSchemaType.Integer:
            case JsonSchemaType.Number:
                MapNumber(schema, kind.Value, literals, member, location, report, context);
                break;
            case JsonSchemaType.Boolean:
                member.Add("type", "boolean");
                break;
            case JsonSchemaType.Array:
                member.Add("type", "array");
                if (schema.MinItems is { } minItems)
                {
                    member.Add("minItems", Int(minItems));
                }

                if (schema.MaxItems is { } maxItems)
                {
                    member.Add("maxItems", Int(maxItems));
                }

                if (schema.UniqueItems == true)
                {
                    report.NotExpressible(location, "uniqueItems cannot be expressed; duplicates are not rejected by Validate().");
                }

                if (schema.Items is null)
                {
                    report.NotExpressible(location, "is an array without an items schema; the format needs one, so it is not generated.");
                    return null;
                }

                var items = MapMember(schema.Items, false, location + "[]", report, isItems: true, context: context);
                if (items is null)
                {
                    return null;
                }

                member.Add("items", items);
                break;
            case JsonSchemaType.Object:
                member.Add("type", "object");
                if (context != MemberContext.Answer)
                {
                    CheckObjectKeywords(schema, location, report);
                }

                var properties = MapProperties(schema, location, report, context);
                if (properties.Count == 0)
                {
                    report.NotExpressible(location, "is an object without declared properties (free-form); the format cannot express it, so it is not generated.");
                    return null;
                }

                member.Add("properties", properties);
                break;
        }

        // An answer member that may be null is simply not required: the generated property is nullable either way.
        return context == MemberContext.Answer
            ? Finish(schema, member, required && !nullable, nullable: false, isItems, location, report, context)
            : Finish(schema, member, required, nullable, isItems, location, report, context);
    }

    private static YMap Finish(IOpenApiSchema schema, YMap member, bool required, bool nullable, bool isItems, string location, ImportReport report, MemberContext context)
    {
        if (required)
        {
            member.Set("required", new YScalar("true", ScalarKind.Boolean), 1);
        }
        else if (nullable && !isItems)
        {
            member.Set("nullable", new YScalar("true", ScalarKind.Boolean), 1);
        }

        if (schema.Default is { } defaultValue)
        {
            var typeName = member["type"] is YScalar { Value: var t } ? t : "string";
            var node = typeName == "boolean" && context != MemberContext.Generate && defaultValue.GetValueKind() == JsonValueKind.String && defaultValue.GetValue<string>() is "true" or "false"
                ? new YScalar(defaultValue.GetValue<string>(), ScalarKind.Boolean)
                : Literal(defaultValue, typeName);
            if (node is null)
            {
                report.NotExpressible(location, $"has a default ({defaultValue.ToJsonString()}) the format cannot write; documented nowhere.");
            }
            else
            {
                member.Add("default", node);
            }
        }

        if (schema.Deprecated)
        {
            member.Add("deprecated", new YScalar("true", ScalarKind.Boolean));
        }

        var description = Clean(schema.Description) ?? Clean(schema.Title);
        if (description is not null)
        {
            member.Add("description", description);
        }

        if (schema.UnrecognizedKeywords is { Count: > 0 } unknown)
        {
            report.NotExpressible(location, $"keyword(s) {string.Join(", ", unknown.Keys.OrderBy(k => k, StringComparer.Ordinal))} not understood; ignored.");
        }

        // Members holding objects are written as blocks so each nested member keeps its own line.
        member.Flow = !ContainsProperties(member);
        return member;
    }

    private static bool ContainsProperties(YMap member) =>
        member.ContainsKey("properties") || member["items"] is YMap items && ContainsProperties(items);

    private static bool IsSingle(JsonSchemaType type) => type != 0 && (type & (type - 1)) == 0;

    private static JsonSchemaType LiteralType(List<JsonNode?> values)
    {
        JsonSchemaType type = 0;
        foreach (var value in values)
        {
            type |= value?.GetValueKind() switch
            {
                JsonValueKind.String => JsonSchemaType.String,
                JsonValueKind.Number => IsWhole(value) ? JsonSchemaType.Integer : JsonSchemaType.Number,
                JsonValueKind.True or JsonValueKind.False => JsonSchemaType.Boolean,
                null => JsonSchemaType.Null,
                _ => JsonSchemaType.Object,
            };
        }

        return type;
    }

    private static bool IsWhole(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d);

    private static void MapString(IOpenApiSchema schema, List<JsonNode?>? literals, YMap member, string location, ImportReport report, MemberContext context = MemberContext.Generate)
    {
        var format = schema.Format;
        if (context == MemberContext.Request && format == "binary")
        {
            // A multipart part holding a file's bytes.
            member.Add("type", "file");
            return;
        }

        if (context == MemberContext.Request && literals is { Count: 2 } && literals.All(l => l is JsonValue v && v.TryGetValue<string>(out var b) && b is "true" or "false") && literals[0]!.GetValue<string>() != literals[1]!.GetValue<string>())
        {
            // A query flag spelled "true"|"false" (includeArchived): a boolean, which the query string writes the same way.
            member.Add("type", "boolean");
            return;
        }

        member.Add("type", format == "uri" || format == "url" ? "url" : "string");
        var known = format is "uuid" or "date-time" or "email";
        if (format is not null && format != "uri" && format != "url" && !known)
        {
            report.NotExpressible(location, $"format '{format}' cannot be expressed; imported as a plain string.");
        }

        var isUrl = member["type"] is YScalar { Value: "url" };
        if (!isUrl)
        {
            if (schema.MinLength is { } minLength)
            {
                member.Add("minLength", Int(minLength));
            }

            if (schema.MaxLength is { } maxLength)
            {
                member.Add("maxLength", Int(maxLength));
            }

            if (schema.Pattern is { } pattern)
            {
                member.Add("pattern", pattern);
            }

            if (known)
            {
                member.Add("format", format!);
            }
        }
        else if (schema.MinLength is not null || schema.MaxLength is not null || schema.Pattern is not null)
        {
            report.NotExpressible(location, "length or pattern limits on a URL cannot be expressed (a url accepts none).");
        }

        if (literals is { Count: > 0 })
        {
            var strings = literals.Select(l => l is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
            if (strings.Any(s => s is null))
            {
                report.NotExpressible(location, "mixes string and non-string enum values; imported without the enum.");
            }
            else if (isUrl)
            {
                report.NotExpressible(location, "an enum of URLs cannot be expressed; imported without the enum.");
            }
            else
            {
                member.Add("enum", new YSeq(strings.Distinct(StringComparer.Ordinal).Select(s => (YNode)new YScalar(s!))));
            }
        }
    }

    private static void MapNumber(IOpenApiSchema schema, JsonSchemaType kind, List<JsonNode?>? literals, YMap member, string location, ImportReport report, MemberContext context = MemberContext.Generate)
    {
        var values = literals?.Select(l => l is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : (double?)null).ToList();
        if (context != MemberContext.Generate && Grid(literals) is { } grid)
        {
            // Evenly spaced literals (index 1|2|3|4, zoomRatio 1.5|2) are exactly a range with a step.
            member.Add("type", grid.Whole ? "integer" : "number");
            member.Add("min", new YScalar(SchemaYamlWriter.Number((double)grid.Min), ScalarKind.Number));
            member.Add("max", new YScalar(SchemaYamlWriter.Number((double)grid.Max), ScalarKind.Number));
            if (!(grid.Whole && grid.Step == 1))
            {
                member.Add("step", new YScalar(SchemaYamlWriter.Number((double)grid.Step), ScalarKind.Number));
            }

            return;
        }

        if (context != MemberContext.Generate && Num(schema.Minimum) is null && Num(schema.ExclusiveMinimum) is { } exclusive)
        {
            // The nearest inclusive bound: the value itself is accepted here and rejected by the service (reported below).
            member.Add("type", kind == JsonSchemaType.Integer ? "integer" : "number");
            member.Add("min", new YScalar(SchemaYamlWriter.Number(exclusive), ScalarKind.Number));
            if (Num(schema.Maximum) is { } upper)
            {
                member.Add("max", new YScalar(SchemaYamlWriter.Number(upper), ScalarKind.Number));
            }

            report.NotExpressible(location, $"exclusiveMinimum {SchemaYamlWriter.Number(exclusive)}: the format's bounds are inclusive, so it is imported as min {SchemaYamlWriter.Number(exclusive)} and {SchemaYamlWriter.Number(exclusive)} itself is not rejected by Validate().");
            return;
        }
        if (values is { Count: > 0 } && values.All(v => v is not null) && values.All(v => v == Math.Floor(v!.Value)))
        {
            // Integer literals (an enum of numbers, or a union of consts like 5|10) are an integer enum.
            member.Add("type", "integer");
            member.Add("enum", new YSeq(values.Distinct().Select(v => (YNode)new YScalar(SchemaYamlWriter.Number(v!.Value), ScalarKind.Number))));
            ReportBounds(schema, location, report, "an enumerated");
            return;
        }

        member.Add("type", kind == JsonSchemaType.Integer ? "integer" : "number");
        if (values is { Count: > 0 })
        {
            var numbers = values.Where(v => v is not null).Select(v => v!.Value).ToList();
            report.NotExpressible(location, $"is an enum of non-integer numbers ({string.Join(", ", numbers.Select(SchemaYamlWriter.Number))}); the format has no number enum, so only the range {SchemaYamlWriter.Number(numbers.Min())}..{SchemaYamlWriter.Number(numbers.Max())} is checked.");
            if (numbers.Count > 0)
            {
                member.Add("min", new YScalar(SchemaYamlWriter.Number(numbers.Min()), ScalarKind.Number));
                member.Add("max", new YScalar(SchemaYamlWriter.Number(numbers.Max()), ScalarKind.Number));
            }

            return;
        }

        if (Num(schema.Minimum) is { } minimum)
        {
            member.Add("min", new YScalar(SchemaYamlWriter.Number(minimum), ScalarKind.Number));
        }

        if (Num(schema.Maximum) is { } maximum)
        {
            member.Add("max", new YScalar(SchemaYamlWriter.Number(maximum), ScalarKind.Number));
        }

        if (schema.MultipleOf is { } multipleOf && multipleOf > 0)
        {
            // step = multipleOf is exact without min, and with a min that is itself a multiple.
            member.Add("step", new YScalar(SchemaYamlWriter.Number((double)multipleOf), ScalarKind.Number));
            if (Num(schema.Minimum) is { } min && (decimal)min % multipleOf != 0)
            {
                report.NotExpressible(location, $"multipleOf {multipleOf.ToString(CultureInfo.InvariantCulture)} with a minimum ({SchemaYamlWriter.Number(min)}) that is not a multiple: the format's step counts from the minimum, so the grid differs.");
            }
        }

        ReportBounds(schema, location, report, "a");
    }

    /// <summary>Two or more distinct numeric literals at equal distances, as min, max and step; else null.</summary>
    private static (decimal Min, decimal Max, decimal Step, bool Whole)? Grid(List<JsonNode?>? literals)
    {
        if (literals is not { Count: >= 2 })
        {
            return null;
        }

        var numbers = new List<decimal>();
        foreach (var literal in literals)
        {
            if (literal is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            numbers.Add(number);
        }

        numbers = numbers.Distinct().OrderBy(n => n).ToList();
        if (numbers.Count < 2)
        {
            return null;
        }

        var step = numbers[1] - numbers[0];
        for (var i = 2; i < numbers.Count; i++)
        {
            if (numbers[i] - numbers[i - 1] != step)
            {
                return null;
            }
        }

        var whole = numbers.All(n => n == decimal.Truncate(n)) && step == decimal.Truncate(step);
        return (numbers[0], numbers[^1], step, whole);
    }

    private static void ReportBounds(IOpenApiSchema schema, string location, ImportReport report, string what)
    {
        if (schema.ExclusiveMinimum is { } exclusiveMinimum)
        {
            report.NotExpressible(location, $"exclusiveMinimum {exclusiveMinimum} cannot be expressed (the format's bounds are inclusive).");
        }

        if (schema.ExclusiveMaximum is { } exclusiveMaximum)
        {
            report.NotExpressible(location, $"exclusiveMaximum {exclusiveMaximum} cannot be expressed (the format's bounds are inclusive).");
        }

        if (what == "an enumerated" && (schema.Minimum is not null || schema.Maximum is not null))
        {
            report.NotExpressible(location, "has both an enum and a range; only the enum is imported.");
        }
    }

    private static double? Num(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static YScalar Int(int value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Number);

    private static YNode? Literal(JsonNode node, string type)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                return new YScalar(node.GetValue<string>());
            case JsonValueKind.Number:
                return new YScalar(SchemaYamlWriter.Number(node.GetValue<double>()), ScalarKind.Number);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new YScalar(node.GetValue<bool>() ? "true" : "false", ScalarKind.Boolean);
            case JsonValueKind.Array:
                var items = node.AsArray().Select(i => i is null ? null : Literal(i, type)).ToList();
                return items.Any(i => i is null or YMap) ? null : new YSeq(items!);
            default:
                return null;
        }
    }

    /// <summary>One member for a field every model shares: equal variants give themselves; differing bounds give the loosest.</summary>
    internal static YMap Merge(List<YMap> variants)
    {
        var merged = (YMap)variants[0].Clone();
        foreach (var key in new[] { "minLength", "min", "minItems" })
        {
            Loosen(merged, variants, key, lower: true);
        }

        foreach (var key in new[] { "maxLength", "max", "maxItems" })
        {
            Loosen(merged, variants, key, lower: false);
        }

        if (variants.Any(v => !v.ContainsKey("required")))
        {
            merged.Remove("required");
        }

        // Loosest again: null where any model accepts it, a format only where every model has the same one.
        if (variants.Any(v => v.ContainsKey("nullable")) && !merged.ContainsKey("required"))
        {
            merged.Set("nullable", new YScalar("true", ScalarKind.Boolean), 1);
        }

        if (variants.Select(v => v["format"] is YScalar { Value: var f } ? f : null).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            merged.Remove("format");
        }

        return merged;
    }

    private static void Loosen(YMap merged, List<YMap> variants, string key, bool lower)
    {
        if (variants.Any(v => !v.ContainsKey(key)))
        {
            merged.Remove(key);
            return;
        }

        var values = variants.Select(v => double.Parse(((YScalar)v[key]!).Value, CultureInfo.InvariantCulture)).ToList();
        merged.Set(key, new YScalar(SchemaYamlWriter.Number(lower ? values.Min() : values.Max()), ScalarKind.Number));
    }

    /// <summary>The keys a model's own field differs on that a model may override (everything but the type and its shape).</summary>
    private static readonly string[] OverridableKeys = { "required", "default", "description", "deprecated", "minLength", "maxLength", "pattern", "min", "max", "step", "minItems", "maxItems" };

    /// <summary>A model's override of a shared field: its values where they differ from the merged field, on keys a model may override.</summary>
    private static YMap FieldOverride(YMap merged, YMap variant)
    {
        var own = new YMap(flow: true);
        foreach (var key in OverridableKeys)
        {
            if (variant[key] is { } value && (merged[key] is not { } shared || SchemaYamlWriter.Inline(shared) != SchemaYamlWriter.Inline(value)))
            {
                own.Add(key, value.Clone());
            }
        }

        return own;
    }

    private static void ReportFieldDifferences(string endpoint, string field, YMap merged, List<(string Id, YMap Member)> variants, ImportReport report)
    {
        // Differences a model's override states are not reported; a key only the shared field has cannot be removed by one.
        var groups = variants
            .Select(v => (v.Id, Difference: Difference(merged, v.Member, skipOverridden: true)))
            .Where(v => v.Difference.Length > 0)
            .GroupBy(v => v.Difference, StringComparer.Ordinal)
            .ToList();
        foreach (var group in groups)
        {
            var ids = group.Select(g => g.Id).ToList();
            report.NotExpressible(
                $"endpoints.{endpoint}.fields.{field}",
                $"{group.Key} for {ids.Count} model(s) ({string.Join(", ", ids)}); a model's field override cannot say this, so the field keeps the loosest value and the service rejects the difference.");
        }
    }

    private static string Difference(YMap merged, YMap variant, bool skipOverridden = false)
    {
        var parts = new List<string>();
        foreach (var key in merged.Entries.Select(e => e.Key).Concat(variant.Entries.Select(e => e.Key)).Distinct())
        {
            if (skipOverridden && variant[key] is not null && Array.IndexOf(OverridableKeys, key) >= 0)
            {
                continue; // the model's override states it
            }

            var a = merged[key] is { } x ? SchemaYamlWriter.Inline(x) : null;
            var b = variant[key] is { } y ? SchemaYamlWriter.Inline(y) : null;
            if (a != b)
            {
                parts.Add($"{key} is {b ?? "absent"} (shared: {a ?? "absent"})");
            }
        }

        return string.Join(", ", parts);
    }

    private static YMap ImportApi(OpenApiDocument document, ImportOptions options, IOpenApiParameter? idempotency, string? securitySchemeName, ImportReport report, out string jobsRoute)
    {
        var api = new YMap();
        var name = options.ApiName ?? ApiNameFromTitle(document.Info?.Title);
        api.Add("name", name);

        var servers = document.Servers ?? new List<OpenApiServer>();
        if (servers.Count == 0)
        {
            throw new ImportException("The document declares no servers; baseUrl cannot be derived.");
        }

        api.Add("baseUrl", servers[0].Url!.TrimEnd('/'));
        foreach (var other in servers.Skip(1))
        {
            report.Skipped("servers", $"'{other.Url}' ({other.Description}) — only servers[0] becomes baseUrl; set ClientOptions.BaseAddress for another.");
        }

        var schemes = document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        securitySchemeName ??= schemes.FirstOrDefault(s => s.Value.Type == SecuritySchemeType.ApiKey && s.Value.In == ParameterLocation.Header).Key;
        if (securitySchemeName is null || !schemes.TryGetValue(securitySchemeName, out var scheme))
        {
            throw new ImportException("The document declares no API-key header security scheme; the format's auth needs one.");
        }

        var auth = new YMap(flow: true);
        auth.Add("header", scheme.Name!);
        auth.Add("env", options.AuthEnvironmentVariable ?? NameMapper.ToPascalCase(name).ToUpperInvariant() + "_API_KEY");
        api.Add("auth", auth);
        foreach (var other in schemes.Where(s => s.Key != securitySchemeName))
        {
            report.Skipped($"components.securitySchemes.{other.Key}", $"a second authentication scheme ({other.Value.Type}) — the format has one API-key header.");
        }

        if (idempotency is not null)
        {
            var map = new YMap(flow: true);
            map.Add("header", idempotency.Name!);
            if (idempotency.Schema?.MaxLength is { } maxLength)
            {
                map.Add("maxLength", Int(maxLength));
            }

            api.Add("idempotency", map);
        }

        api.Add("jobs", ImportJobs(document, out jobsRoute));
        return api;
    }

    private static string ApiNameFromTitle(string? title)
    {
        var words = (title ?? "Api").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[^1].Equals("API", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(words.Count - 1);
        }

        return NameMapper.ToPascalCase(string.Join(" ", words));
    }

    /// <summary>The job resource: a GET path ending in one path parameter whose 200 body has <c>id</c> and a <c>status</c> enum.</summary>
    private static YMap ImportJobs(OpenApiDocument document, out string route)
    {
        foreach (var path in (document.Paths ?? new OpenApiPaths()).OrderByDescending(p => p.Key.Contains("/jobs/", StringComparison.Ordinal)))
        {
            if (path.Value.Operations is null || !path.Value.Operations.TryGetValue(HttpMethod.Get, out var get) || !path.Key.EndsWith('}'))
            {
                continue;
            }

            var schema = get.Responses is { } responses && responses.TryGetValue("200", out var ok) && ok.Content is { } content && content.TryGetValue("application/json", out var media) ? media.Schema : null;
            if (schema?.Properties is null || !schema.Properties.TryGetValue("status", out var status) || status.Enum is not { Count: > 0 })
            {
                continue;
            }

            var parameterStart = path.Key.LastIndexOf('{');
            route = "GET " + path.Key;
            var jobs = new YMap();
            jobs.Add("get", "GET " + path.Key.Substring(0, parameterStart) + "{id}");
            jobs.Add("idField", schema.Properties.ContainsKey("id") ? "id" : "jobId");
            AddStatuses(jobs, status);
            return jobs;
        }

        throw new ImportException("The document has no job resource (a GET path ending in '{id}' whose 200 body has a 'status' enum).");
    }

    /// <summary>
    /// A status enum split into <c>pending</c>, <c>succeeded</c> (<c>COMPLETED</c>, <c>SUCCEEDED</c>, <c>READY</c>…) and
    /// <c>failed</c> (<c>FAILED…</c>, <c>CANCEL…</c>, <c>ERROR…</c>, <c>EXPIRE…</c>); the rest is pending.
    /// </summary>
    internal static void AddStatuses(YMap target, IOpenApiSchema status)
    {
        var statuses = (status.Enum ?? new List<JsonNode>()).OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList();
        var succeeded = statuses.Where(s => s.ToUpperInvariant() is "COMPLETED" or "SUCCEEDED" or "SUCCESS" or "READY").ToList();
        var failed = statuses.Where(s => s.StartsWith("FAIL", StringComparison.OrdinalIgnoreCase) || s.StartsWith("CANCEL", StringComparison.OrdinalIgnoreCase) || s.StartsWith("ERROR", StringComparison.OrdinalIgnoreCase) || s.StartsWith("EXPIRE", StringComparison.OrdinalIgnoreCase)).ToList();
        var pending = statuses.Except(succeeded).Except(failed).ToList();
        target.Add("pending", new YSeq(pending.Select(s => (YNode)new YScalar(s))));
        target.Add("succeeded", new YSeq(succeeded.Select(s => (YNode)new YScalar(s))));
        target.Add("failed", new YSeq(failed.Select(s => (YNode)new YScalar(s))));
    }

    internal static string Describe(IOpenApiSchema schema)
    {
        var parts = new List<string>();
        if (schema.Type is { } type)
        {
            parts.Add("type " + type);
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            parts.Add($"oneOf of {oneOf.Count}");
        }

        if (schema.AnyOf is { Count: > 0 } anyOf)
        {
            parts.Add($"anyOf of {anyOf.Count}");
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            parts.Add($"allOf of {allOf.Count}");
        }

        return parts.Count == 0 ? "an empty schema" : string.Join(", ", parts);
    }

    internal static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // One line per value: collapse runs of whitespace (the writer would otherwise escape newlines).
        var builder = new StringBuilder();
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}
