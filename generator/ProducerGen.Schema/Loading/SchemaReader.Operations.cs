using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Naming;
using ProducerGen.Schema.Yaml;

namespace ProducerGen.Schema.Loading;

/// <summary>
/// The calls that are not generate endpoints: <c>types:</c> (named answer types), <c>resources:</c> (long-running
/// resources that are not jobs) and <c>operations:</c> (the account, catalogs, listings, uploads, follow-up actions).
/// </summary>
internal sealed partial class SchemaReader
{
    /// <summary>True while the members of an answer type are read: only they may be <c>type: json</c>.</summary>
    private bool _readingAnswerType;

    private List<ResponseTypeSpec> ReadTypes(YamlNode node)
    {
        var types = new List<ResponseTypeSpec>();
        if (Mapping(node, "'types'") is not { } mapping)
        {
            return types;
        }

        var registry = new NameRegistry(this, "type");
        foreach (var pair in mapping.Entries)
        {
            var name = pair.Key.Value;
            var csharpName = registry.Claim(name, pair.Key.Range);
            if (csharpName is not null && csharpName != name)
            {
                // The key is the C# name users write, so it is written as one; a key like 'lora' would be renamed silently.
                Error(SchemaDiagnosticIds.InvalidValue, $"The type name '{name}' is not a C# type name as written; name it '{csharpName}' (answer types keep their key as their C# name).", pair.Key.Range);
                continue;
            }

            if (Mapping(pair.Value, $"type '{name}'") is not { } typeMapping)
            {
                continue;
            }

            var entries = Entries(typeMapping, SchemaKeys.TypeDeclaration, $"type '{name}'");
            _readingAnswerType = true;
            var properties = entries.TryGetValue("properties", out var propertiesEntry)
                ? ReadMembers(propertiesEntry.Value, name, "an answer holds no files; a file the API hands back is a 'url'")
                : new List<MemberSpec>();
            _readingAnswerType = false;
            if (csharpName is not null)
            {
                types.Add(new ResponseTypeSpec(name, EquatableArray.From(properties), OptionalString(entries, "description"), pair.Key.Range));
            }
        }

        return types;
    }

    private List<ResourceSpec> ReadResources(YamlNode node, List<ResponseTypeSpec> types)
    {
        var resources = new List<ResourceSpec>();
        if (Mapping(node, "'resources'") is not { } mapping)
        {
            return resources;
        }

        foreach (var pair in mapping.Entries)
        {
            var key = pair.Key.Value;
            var what = $"resource '{key}'";
            if (Mapping(pair.Value, what) is not { } resourceMapping)
            {
                continue;
            }

            var entries = Entries(resourceMapping, SchemaKeys.Resource, what);
            Route? get = null;
            if (Required(entries, resourceMapping, "get", what) is not null)
            {
                get = ReadGetRoute(entries["get"], $"The status route of {what}", "GET /v2/loras/{id}");
                if (get is not null && !CheckJobRoute(get, entries["get"].Value.Range, $"The status route of {what}", "GET /v2/loras/{id}"))
                {
                    get = null;
                }
            }

            var idPath = entries.ContainsKey("idPath") ? OptionalPath(entries, "idPath", $"the idPath of {what}") : "id";
            var statusPath = entries.ContainsKey("statusPath") ? OptionalPath(entries, "statusPath", $"the statusPath of {what}") : "status";
            var pending = Statuses(entries, resourceMapping, "pending", what);
            var succeeded = Statuses(entries, resourceMapping, "succeeded", what);
            var failed = Statuses(entries, resourceMapping, "failed", what);
            CheckDisjoint(pending, succeeded, failed, entries, what);
            var error = OptionalPath(entries, "error", $"the error path of {what}");
            var typeName = RequiredString(entries, resourceMapping, "type", what);
            if (typeName is not null && !types.Any(t => t.Name == typeName))
            {
                UnknownType(typeName, entries["type"].Value.Range, what, types);
                typeName = null;
            }

            if (get is not null && idPath is not null && statusPath is not null && typeName is not null)
            {
                resources.Add(new ResourceSpec(key, get, idPath, statusPath, pending, succeeded, failed, error, typeName, pair.Key.Range));
            }
        }

        return resources;
    }

    private EquatableArray<string> Statuses(Dictionary<string, Entry> entries, YamlMapping mapping, string key, string what)
    {
        if (Required(entries, mapping, key, what) is not { } node)
        {
            return EquatableArray<string>.Empty;
        }

        if (node is not YamlSequence sequence || sequence.Items.Count == 0)
        {
            Error(SchemaDiagnosticIds.WrongValueKind, $"'{key}' of {what} must be a list of at least one status, e.g. [PENDING, TRAINING].", node.Range);
            return EquatableArray<string>.Empty;
        }

        var statuses = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (ScalarText(item, $"an item of '{key}'") is { } status)
            {
                statuses.Add(status);
            }
        }

        return EquatableArray.From(statuses);
    }

    private void CheckDisjoint(EquatableArray<string> pending, EquatableArray<string> succeeded, EquatableArray<string> failed, Dictionary<string, Entry> entries, string what)
    {
        // 'succeeded' may be missing (already PG0004) while 'pending' and 'failed' overlap: then 'failed' is where it is written.
        foreach (var status in succeeded.Where(s => pending.Contains(s) || failed.Contains(s)).Concat(failed.Where(pending.Contains)).Distinct())
        {
            var range = (entries.TryGetValue("succeeded", out var written) ? written : entries["failed"]).Value.Range;
            Error(SchemaDiagnosticIds.InvalidValue, $"The status '{status}' of {what} is in more than one of pending, succeeded and failed; a status means one thing.", range);
        }
    }

    private void UnknownType(string name, SourceRange range, string what, List<ResponseTypeSpec> types)
    {
        var names = types.Select(t => t.Name).ToList();
        var known = names.Count == 0 ? "the schema declares no 'types:'" : "declared: " + string.Join(", ", names);
        Error(SchemaDiagnosticIds.UnknownReference, $"{Capitalise(what)} names the type '{Truncate(name)}', which 'types:' does not declare ({known}).{DidYouMean.Hint(name, names)}", range);
    }

    private List<OperationSpec> ReadOperations(YamlNode node, List<ResponseTypeSpec> types, List<ResourceSpec> resources, List<string> modelIds, List<EndpointSpec> endpoints, ApiSpec? api)
    {
        var operations = new List<OperationSpec>();
        if (Mapping(node, "'operations'") is not { } mapping)
        {
            return operations;
        }

        var methods = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in mapping.Entries)
        {
            var key = pair.Key.Value;
            var what = $"operation '{key}'";
            if (Mapping(pair.Value, what) is not { } operationMapping)
            {
                continue;
            }

            var entries = Entries(operationMapping, SchemaKeys.Operation, what);
            var group = Identifier(entries, operationMapping, "group", what, "Loras");
            var name = Identifier(entries, operationMapping, "name", what, "List");
            if (group is not null && name is not null)
            {
                var method = group + "." + name;
                if (methods.TryGetValue(method, out var other))
                {
                    Error(SchemaDiagnosticIds.NameCollision, $"Operations '{other}' and '{key}' both are 'client.{group}.{name}Async'; give one of them another 'name:'.", entries["name"].Value.Range);
                    name = null;
                }
                else
                {
                    methods.Add(method, key);
                }
            }

            var route = RequiredRoute(entries, operationMapping, "request", what);
            var placeholders = route is null ? new List<string>() : OperationPlaceholders(route, entries["request"].Value.Range, what, out route);
            var pathParams = ReadPathParams(entries, placeholders, what, key);

            var authenticated = Choice(entries, "auth", SchemaKeys.OperationAuth, what) == 0;
            var idempotency = OptionalBool(entries, "idempotency") ?? false;
            if (idempotency && api is { Idempotency: null })
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"{Capitalise(what)} sends an idempotency key, but 'api.idempotency' names no header for it; add 'api.idempotency: {{ header: Idempotency-Key }}' or remove 'idempotency: true'.", entries["idempotency"].Value.Range);
            }

            var retry = (OperationRetry)Choice(entries, "retry", SchemaKeys.Retries, what);
            var encoding = (BodyEncoding)Choice(entries, "encoding", SchemaKeys.Encodings, what);
            var fileRule = encoding == BodyEncoding.Multipart ? null : $"{what} is sent as JSON; add 'encoding: multipart' to it to send files";
            var fields = entries.TryGetValue("fields", out var fieldsEntry) ? ReadMembers(fieldsEntry.Value, key + ".fields", fileRule, queryAllowed: true) : new List<MemberSpec>();
            CheckBodyless(route, fields, encoding, entries, what);
            foreach (var clash in fields.Where(f => placeholders.Contains(f.Name)))
            {
                Error(SchemaDiagnosticIds.NameCollision, $"The field '{clash.Name}' of {what} is also a placeholder of its route; a path parameter is typed under 'params:', not 'fields:'.", clash.NameRange);
            }

            var success = ReadSuccess(entries, what);
            var paginate = entries.TryGetValue("paginate", out var paginateEntry) ? ReadPaginate(paginateEntry.Value, what, fields, route) : null;
            var response = ReadResponse(entries, what, types, success, paginate is not null);

            string? resource = null;
            if (OptionalString(entries, "resource") is { } resourceKey)
            {
                if (resources.Any(r => r.Key == resourceKey))
                {
                    resource = resourceKey;
                }
                else
                {
                    var keys = resources.Select(r => r.Key).ToList();
                    Error(SchemaDiagnosticIds.UnknownReference, $"{Capitalise(what)} creates the resource '{Truncate(resourceKey)}', which 'resources:' does not declare{(keys.Count == 0 ? string.Empty : " (declared: " + string.Join(", ", keys) + ")")}.{DidYouMean.Hint(resourceKey, keys)}", entries["resource"].Value.Range);
                }
            }

            string? jobModel = null;
            if (OptionalString(entries, "job") is { } modelId)
            {
                // Declared ids, read or not: a model with its own error is not reported twice.
                if (modelIds.Contains(modelId))
                {
                    jobModel = modelId;
                }
                else
                {
                    var ids = modelIds;
                    Error(SchemaDiagnosticIds.UnknownReference, $"{Capitalise(what)} creates a job of the model '{Truncate(modelId)}', which 'models:' does not declare.{DidYouMean.Hint(modelId, ids)}", entries["job"].Value.Range);
                }
            }

            if (jobModel is not null && (placeholders.Count > 0 || (fields.Count == 0 && !entries.ContainsKey("variants"))))
            {
                // A job is submitted like a model's request: one body, to a fixed route.
                Error(SchemaDiagnosticIds.InvalidValue, $"{Capitalise(what)} creates a job, which is submitted like a model's request: {(placeholders.Count > 0 ? "its route cannot hold placeholders" : "it needs 'fields:' or 'variants:' for its body")}.", entries["job"].Value.Range);
            }

            if (resource is not null && jobModel is not null)
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"{Capitalise(what)} creates both a resource and a job; an answer is one of them. Remove 'resource:' or 'job:'.", entries["job"].Key.Range);
            }

            if ((resource is not null || jobModel is not null) && (paginate is not null || entries.ContainsKey("response")))
            {
                var conflicting = paginate is not null ? "paginate" : "response";
                Error(SchemaDiagnosticIds.InvalidValue, $"{Capitalise(what)} answers a {(jobModel is not null ? "job" : "resource")} handle, so it has no '{conflicting}:'; remove it.", entries[conflicting].Key.Range);
            }

            var discriminator = OptionalString(entries, "discriminator");
            var variants = ReadVariants(entries, operationMapping, discriminator, fields, fileRule, key, what);
            var emulate = entries.TryGetValue("emulate", out var emulateEntry) ? ReadEmulate(emulateEntry.Value, what, fields, endpoints) : EmulationSpec.Default;

            if (group is not null && name is not null && route is not null)
            {
                operations.Add(new OperationSpec(
                    key,
                    group,
                    name,
                    route,
                    EquatableArray.From(pathParams),
                    EquatableArray.From(fields),
                    OptionalString(entries, "description"),
                    authenticated,
                    idempotency,
                    retry,
                    encoding,
                    success,
                    resource is not null || jobModel is not null ? ResponseSpec.None : response,
                    paginate,
                    resource,
                    jobModel,
                    discriminator,
                    EquatableArray.From(variants),
                    emulate,
                    pair.Key.Range));
            }
        }

        return operations;
    }

    /// <summary>A <c>group:</c> or <c>name:</c>: written as a C# identifier, since users write it.</summary>
    private string? Identifier(Dictionary<string, Entry> entries, YamlMapping mapping, string key, string what, string example)
    {
        if (RequiredString(entries, mapping, key, what) is not { } text)
        {
            return null;
        }

        if (!Regex.IsMatch(text, "^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The {key} of {what} is '{Truncate(text)}'; it is a C# name users write, so write it in PascalCase letters and digits, e.g. '{example}'{(key == "name" ? " (the method is its name plus 'Async')" : string.Empty)}.", entries[key].Value.Range);
            return null;
        }

        if (key == "name" && text.EndsWith("Async", StringComparison.Ordinal))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The name of {what} ends in 'Async', which the generated method adds itself; write '{text.Substring(0, text.Length - 5)}'.", entries[key].Value.Range);
            return null;
        }

        return text;
    }

    /// <summary>The route's <c>{name}</c> placeholders in order; a malformed or repeated one is PG0013 and drops the route.</summary>
    private List<string> OperationPlaceholders(Route route, SourceRange range, string what, out Route? checkedRoute)
    {
        var names = new List<string>();
        checkedRoute = route;
        if (RouteTemplate.TryParse(route.Path, out var problem) is null)
        {
            Error(SchemaDiagnosticIds.MalformedRoute, $"The route '{route}' of {what} cannot be expanded: {problem}.", range);
            checkedRoute = null;
            return names;
        }

        foreach (Match placeholder in Regex.Matches(route.Path, @"\{\+?([^{}]*)\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            var name = placeholder.Groups[1].Value;
            if (names.Contains(name))
            {
                Error(SchemaDiagnosticIds.MalformedRoute, $"The route '{route}' of {what} holds '{{{name}}}' twice; each path parameter is one method argument.", range);
                checkedRoute = null;
            }
            else if (!Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                Error(SchemaDiagnosticIds.MalformedRoute, $"The placeholder '{{{name}}}' of {what} is not a parameter name; write letters, digits and '_' (e.g. '{{assetId}}').", range);
                checkedRoute = null;
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }

    private List<MemberSpec> ReadPathParams(Dictionary<string, Entry> entries, List<string> placeholders, string what, string key)
    {
        var declared = entries.TryGetValue("params", out var paramsEntry) ? ReadMembers(paramsEntry.Value, key + ".params") : new List<MemberSpec>();
        foreach (var member in declared)
        {
            if (!placeholders.Contains(member.Name))
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"'params.{member.Name}' of {what} is not a placeholder of its route ({(placeholders.Count == 0 ? "it has none" : string.Join(", ", placeholders.Select(p => "{" + p + "}")))}); 'params:' types path parameters only, body members go in 'fields:'.", member.NameRange);
            }
            else if (member.Type.Kind is not (MemberType.String or MemberType.Integer) || member.Nullable)
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"The path parameter '{member.Name}' of {what} is one segment of the URL, so it is a string or an integer (not null).", member.NameRange);
            }
        }

        var parameters = new List<MemberSpec>();
        foreach (var name in placeholders)
        {
            var typed = declared.FirstOrDefault(m => m.Name == name);
            parameters.Add((typed ?? new MemberSpec(name, NameMapper.ToPascalCase(name), new TypeSpec(MemberType.String))) with { Required = true });
        }

        return parameters;
    }

    /// <summary>A GET, HEAD or DELETE sends no body, so every field of one is a query parameter.</summary>
    private void CheckBodyless(Route? route, List<MemberSpec> fields, BodyEncoding encoding, Dictionary<string, Entry> entries, string what)
    {
        if (route is null || route.Method is not ("GET" or "HEAD" or "DELETE"))
        {
            return;
        }

        foreach (var field in fields.Where(f => !f.InQuery))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The field '{field.Name}' of {what} would be sent in the body, but a {route.Method} sends none; add 'in: query' to it.", field.NameRange);
        }

        if (encoding == BodyEncoding.Multipart)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"{Capitalise(what)} is a {route.Method}, which sends no body to encode; remove 'encoding: multipart'.", entries["encoding"].Value.Range);
        }
    }

    private EquatableArray<int> ReadSuccess(Dictionary<string, Entry> entries, string what)
    {
        if (!entries.TryGetValue("success", out var entry))
        {
            return EquatableArray<int>.Empty;
        }

        var items = entry.Value is YamlSequence sequence ? sequence.Items : (IReadOnlyList<YamlNode>)new[] { entry.Value };
        var codes = new List<int>();
        foreach (var item in items)
        {
            if (item is YamlScalar { IsPlain: true } scalar && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 200 and <= 299)
            {
                codes.Add(code);
                continue;
            }

            Error(SchemaDiagnosticIds.InvalidValue, $"The success status of {what} is '{Text(item)}'; write a 2xx code such as 201 (or a list: [200, 201]). Other codes are errors the client types itself.", item.Range);
        }

        return EquatableArray.From(codes);
    }

    private ResponseSpec ReadResponse(Dictionary<string, Entry> entries, string what, List<ResponseTypeSpec> types, EquatableArray<int> success, bool paginated)
    {
        var noBody = success.Count > 0 && success.All(c => c == 204);
        if (!entries.TryGetValue("response", out var entry))
        {
            if (paginated)
            {
                Error(SchemaDiagnosticIds.MissingKey, $"{Capitalise(what)} is paginated, so it needs 'response:' naming the type of each item, e.g. 'response: Lora'.", entries["paginate"].Key.Range);
                return ResponseSpec.None;
            }

            return noBody ? ResponseSpec.None : new ResponseSpec(ResponseKind.Json);
        }

        string? typeName;
        var path = "$";
        var list = false;
        if (entry.Value is YamlMapping mapping)
        {
            var responseEntries = Entries(mapping, SchemaKeys.Response, $"the response of {what}");
            typeName = RequiredString(responseEntries, mapping, "type", $"the response of {what}");
            path = OptionalPath(responseEntries, "path", $"the response path of {what}") ?? "$";
            list = OptionalBool(responseEntries, "list") ?? false;
            if (paginated && (responseEntries.ContainsKey("path") || list))
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"The response of the paginated {what} is the type of each item; where the items are is 'paginate.items'. Remove 'path'/'list'.", mapping.Range);
            }
        }
        else
        {
            typeName = ScalarText(entry.Value, $"the response of {what}");
        }

        if (typeName is null)
        {
            return ResponseSpec.None;
        }

        if (typeName == "none")
        {
            if (paginated)
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"A paginated {what} answers items, so its response cannot be 'none'.", entry.Value.Range);
            }

            return ResponseSpec.None;
        }

        if (noBody)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"{Capitalise(what)} answers 204, which has no body; remove 'response:' (or write 'response: none').", entry.Value.Range);
            return ResponseSpec.None;
        }

        if (typeName == "json")
        {
            if (paginated)
            {
                // Each page's items are read as one named type; opaque items would leave the pager nothing to type.
                Error(SchemaDiagnosticIds.InvalidValue, $"A paginated {what} answers items of a named type, so its response cannot be 'json'; declare the item under 'types:' and name it here.", entry.Value.Range);
                return ResponseSpec.None;
            }

            return new ResponseSpec(ResponseKind.Json, Path: path);
        }

        if (!types.Any(t => t.Name == typeName))
        {
            UnknownType(typeName, entry.Value is YamlMapping m ? m.Entries.First(e => e.Key.Value == "type").Value.Range : entry.Value.Range, $"the response of {what}", types);
            return ResponseSpec.None;
        }

        return new ResponseSpec(ResponseKind.Type, typeName, path, list || paginated);
    }

    private PaginationSpec? ReadPaginate(YamlNode node, string what, List<MemberSpec> fields, Route? route)
    {
        var section = $"'paginate' of {what}";
        if (Mapping(node, section) is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Paginate, section);
        var items = Required(entries, mapping, "items", section) is { } itemsNode ? Path(itemsNode, $"the items path of {what}") : null;
        var cursor = RequiredString(entries, mapping, "cursorParam", section);
        var next = Required(entries, mapping, "nextCursor", section) is { } nextNode ? Path(nextNode, $"the nextCursor path of {what}") : null;
        var hasMore = OptionalPath(entries, "hasMore", $"the hasMore path of {what}");
        var limit = OptionalString(entries, "limitParam");
        var minLimit = CountOf(entries, "minLimit");
        var maxLimit = CountOf(entries, "maxLimit");
        var defaultLimit = CountOf(entries, "defaultLimit");
        CheckOrder(entries, "minLimit", minLimit, "maxLimit", maxLimit, section);
        if (defaultLimit is { } d && ((minLimit is { } lo && d < lo) || (maxLimit is { } hi && d > hi)))
        {
            Error(SchemaDiagnosticIds.InvalidDefault, $"The defaultLimit {d} of {what} is outside minLimit..maxLimit; fix one of them.", entries["defaultLimit"].Value.Range);
        }

        if (limit is null && (minLimit is not null || maxLimit is not null || defaultLimit is not null))
        {
            Error(SchemaDiagnosticIds.MissingKey, $"The {section} bounds the page size but names no 'limitParam' to send it in.", mapping.Range);
        }

        if (route is not null && route.Method != "GET")
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"{Capitalise(what)} is paginated, so it is read with GET (was {route.Method}); the cursor travels in the query string.", mapping.Range);
        }

        foreach (var parameter in new[] { ("cursorParam", cursor), ("limitParam", limit) })
        {
            if (parameter.Item2 is { } name && fields.FirstOrDefault(f => f.Name == name) is { } clash)
            {
                Error(SchemaDiagnosticIds.NameCollision, $"The field '{name}' of {what} is also its '{parameter.Item1}', which the pager sends itself; remove the field.", clash.NameRange);
            }
        }

        return items is not null && cursor is not null && next is not null
            ? new PaginationSpec(items, cursor, next, hasMore, limit, minLimit, maxLimit, defaultLimit)
            : null;
    }

    private List<VariantSpec> ReadVariants(Dictionary<string, Entry> entries, YamlMapping mapping, string? discriminator, List<MemberSpec> fields, string? fileRule, string key, string what)
    {
        var variants = new List<VariantSpec>();
        if (!entries.TryGetValue("variants", out var entry))
        {
            if (discriminator is not null)
            {
                Error(SchemaDiagnosticIds.MissingKey, $"{Capitalise(what)} names a discriminator ('{discriminator}') but no 'variants:' for it to choose between.", entries["discriminator"].Key.Range);
            }

            return variants;
        }

        if (discriminator is null)
        {
            Error(SchemaDiagnosticIds.MissingKey, $"{Capitalise(what)} has variants, so it needs 'discriminator:': the body member that names the variant (e.g. 'discriminator: action').", entry.Key.Range);
            return variants;
        }

        if (fields.FirstOrDefault(f => f.Name == discriminator) is { } clash)
        {
            Error(SchemaDiagnosticIds.NameCollision, $"The field '{clash.Name}' of {what} is its discriminator, which each variant writes itself; remove the field.", clash.NameRange);
        }

        if (Mapping(entry.Value, $"the variants of {what}") is not { } variantsMapping)
        {
            return variants;
        }

        var registry = new NameRegistry(this, "variant");
        foreach (var pair in variantsMapping.Entries)
        {
            var value = pair.Key.Value;
            var csharpName = registry.Claim(value, pair.Key.Range);
            var members = ReadMembers(pair.Value, key + ".variants." + value, fileRule);
            foreach (var member in members.Where(m => m.Name == discriminator || fields.Any(f => f.Name == m.Name)))
            {
                Error(SchemaDiagnosticIds.NameCollision, $"The member '{member.Name}' of variant '{value}' of {what} is {(member.Name == discriminator ? "the discriminator" : "already a shared field")}; remove it.", member.NameRange);
            }

            if (csharpName is not null)
            {
                variants.Add(new VariantSpec(value, csharpName, EquatableArray.From(members), pair.Key.Range));
            }
        }

        if (variants.Count == 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The variants of {what} are empty; list at least one.", entry.Value.Range);
        }

        return variants;
    }

    private EmulationSpec ReadEmulate(YamlNode node, string what, List<MemberSpec> fields, List<EndpointSpec> endpoints)
    {
        if (node is YamlScalar)
        {
            return new EmulationSpec(EmulationRole(node, what));
        }

        if (Mapping(node, $"'emulate' of {what}") is not { } mapping)
        {
            return EmulationSpec.Default;
        }

        var entries = Entries(mapping, SchemaKeys.Emulate, $"'emulate' of {what}");
        var role = Required(entries, mapping, "role", $"'emulate' of {what}") is { } roleNode ? EmulationRole(roleNode, what) : Model.EmulationRole.Default;
        var filter = OptionalString(entries, "filter");
        if (filter is not null && !fields.Any(f => f.Name == filter && f.InQuery))
        {
            Error(SchemaDiagnosticIds.UnknownReference, $"The emulator filters {what} by '{Truncate(filter)}', which is not one of its 'in: query' fields.", entries["filter"].Value.Range);
        }

        var groups = new List<KeyValue>();
        if (entries.TryGetValue("groups", out var groupsEntry) && Mapping(groupsEntry.Value, $"'emulate.groups' of {what}") is { } groupsMapping)
        {
            foreach (var pair in groupsMapping.Entries)
            {
                if (!endpoints.Any(e => e.Name == pair.Key.Value))
                {
                    Error(SchemaDiagnosticIds.UnknownEndpoint, $"'emulate.groups' of {what} names the endpoint '{Truncate(pair.Key.Value)}', which 'endpoints:' does not declare.{DidYouMean.Hint(pair.Key.Value, endpoints.Select(e => e.Name).ToList())}", pair.Key.Range);
                }
                else if (ScalarText(pair.Value, $"the group of '{pair.Key.Value}'") is { } value)
                {
                    groups.Add(new KeyValue(pair.Key.Value, value));
                }
            }
        }

        if ((filter is not null || groups.Count > 0) && role != Model.EmulationRole.Catalog)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'filter' and 'groups' describe a catalog; the emulate role of {what} is not 'catalog'.", mapping.Range);
        }

        return new EmulationSpec(role, filter, EquatableArray.From(groups));
    }

    private EmulationRole EmulationRole(YamlNode node, string what)
    {
        if (ScalarText(node, $"the emulate role of {what}") is not { } text)
        {
            return Model.EmulationRole.Default;
        }

        var index = IndexOf(SchemaKeys.EmulationRoles, text);
        if (index < 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The emulate role of {what} is '{Truncate(text)}'; write one of {string.Join(", ", SchemaKeys.EmulationRoles)}.{DidYouMean.Hint(text, SchemaKeys.EmulationRoles)}", node.Range);
            return Model.EmulationRole.Default;
        }

        return (EmulationRole)index;
    }

    /// <summary><c>maxBytes</c> and <c>accept</c> of a file, <c>maxTotalBytes</c> of an array of files.</summary>
    private FileLimitsSpec? ReadFileLimits(Dictionary<string, Entry> entries, MemberType kind, TypeSpec? items, string path)
    {
        if (kind == MemberType.Array)
        {
            if (!entries.TryGetValue("maxTotalBytes", out var totalEntry))
            {
                return null;
            }

            if (items?.Kind != MemberType.File)
            {
                Error(SchemaDiagnosticIds.ConstraintNotApplicable, $"'maxTotalBytes' of '{path}' bounds the total size of an array of files, and its items are not files.", totalEntry.Key.Range);
                return null;
            }

            return new FileLimitsSpec(null, EquatableArray<AcceptedType>.Empty, ByteCount(totalEntry.Value, path));
        }

        if (kind != MemberType.File || !(entries.ContainsKey("maxBytes") || entries.ContainsKey("accept")))
        {
            return null;
        }

        long? maxBytes = entries.TryGetValue("maxBytes", out var maxEntry) ? ByteCount(maxEntry.Value, path) : null;
        var accept = new List<AcceptedType>();
        if (entries.TryGetValue("accept", out var acceptEntry))
        {
            if (acceptEntry.Value is YamlSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (MediaType(item, path) is { } mediaType)
                    {
                        accept.Add(new AcceptedType(mediaType, null));
                    }
                }
            }
            else if (acceptEntry.Value is YamlMapping mapping)
            {
                foreach (var pair in mapping.Entries)
                {
                    if (MediaType(pair.Key, path) is { } mediaType)
                    {
                        var own = ByteCount(pair.Value, path);
                        if (own is not null && maxBytes is not null && own > maxBytes)
                        {
                            Error(SchemaDiagnosticIds.MinGreaterThanMax, $"'{path}' accepts {mediaType} up to {own} bytes, above its maxBytes {maxBytes}; lower one of them.", pair.Value.Range);
                        }

                        accept.Add(new AcceptedType(mediaType, own));
                    }
                }
            }
            else
            {
                Error(SchemaDiagnosticIds.WrongValueKind, $"'accept' of '{path}' is a list of media types ([image/png, image/jpeg]) or a mapping of media type to its largest size in bytes.", acceptEntry.Value.Range);
            }

            foreach (var duplicate in accept.GroupBy(a => a.MediaType, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                Error(SchemaDiagnosticIds.DuplicateEnumValue, $"'accept' of '{path}' lists '{duplicate.Key}' more than once.", acceptEntry.Value.Range);
            }
        }

        return new FileLimitsSpec(maxBytes, EquatableArray.From(accept));
    }

    private long? ByteCount(YamlNode node, string path)
    {
        if (node is YamlScalar { IsPlain: true } scalar && long.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0)
        {
            return bytes;
        }

        Error(SchemaDiagnosticIds.InvalidValue, $"A size limit of '{path}' is '{Text(node)}'; write a whole number of bytes above zero (26214400 is 25 MB).", node.Range);
        return null;
    }

    private string? MediaType(YamlNode node, string path)
    {
        if (ScalarText(node, $"an accepted type of '{path}'") is not { } text)
        {
            return null;
        }

        if (!Regex.IsMatch(text, "^[a-z]+/[a-z0-9.+-]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{Truncate(text)}' accepted by '{path}' is not a media type; write it like 'image/png' (lower case).", node.Range);
            return null;
        }

        return text;
    }

    /// <summary><c>style: csv</c> sends a multipart array of strings as one comma-separated part.</summary>
    private bool ReadArrayStyle(Dictionary<string, Entry> entries, MemberType kind, TypeSpec? items, string path)
    {
        if (kind != MemberType.Array || !entries.ContainsKey("style"))
        {
            return false;
        }

        var csv = Choice(entries, "style", SchemaKeys.ArrayStyles, $"'{path}'") == 1;
        if (csv && items is not null && items.Kind is MemberType.Array or MemberType.Object or MemberType.File)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{path}' is sent comma-separated ('style: csv'), so its items are single values, not {SchemaKeys.Types[(int)items.Kind]}s.", entries["style"].Value.Range);
            return false;
        }

        return csv;
    }
}
