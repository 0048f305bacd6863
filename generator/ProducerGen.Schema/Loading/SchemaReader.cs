using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Naming;
using ProducerGen.Schema.Yaml;

namespace ProducerGen.Schema.Loading;

/// <summary>
/// Walks the YAML tree into a <see cref="SchemaDocument"/>, checking every rule of the format and
/// reporting each violation once, at the node that causes it. Keeps going after an error so one
/// build shows every problem of the file.
/// </summary>
internal sealed partial class SchemaReader
{
    private readonly List<SchemaDiagnostic> _diagnostics;

    public SchemaReader(List<SchemaDiagnostic> diagnostics) => _diagnostics = diagnostics;

    public SchemaDocument? Read(YamlNode? root)
    {
        if (root is not YamlMapping mapping)
        {
            if (root is null || root is YamlScalar { IsNull: true })
            {
                Error(SchemaDiagnosticIds.UnsupportedVersion, "The file is empty. A schema file starts with 'producergen: 1' followed by 'api:', 'endpoints:' and 'models:'.", root?.Range ?? SourceRange.Start);
            }
            else
            {
                Error(SchemaDiagnosticIds.WrongValueKind, $"A schema file must be a mapping with the keys 'producergen', 'api', 'endpoints' and 'models', but this is {root.KindName}.", root.Range);
            }

            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Root, "the top level");
        var version = ReadVersion(mapping, entries);
        var api = Required(entries, mapping, "api", "the top level") is { } apiNode ? ReadApi(apiNode) : null;
        var endpointNames = new List<string>();
        var endpoints = Required(entries, mapping, "endpoints", "the top level") is { } endpointsNode ? ReadEndpoints(endpointsNode, endpointNames) : new List<EndpointSpec>();
        var models = Required(entries, mapping, "models", "the top level") is { } modelsNode ? ReadModels(modelsNode, endpointNames, endpoints) : new List<ModelSpec>();
        CheckWebhookUrlMember(endpoints);
        var types = entries.TryGetValue("types", out var typesEntry) ? ReadTypes(typesEntry.Value) : new List<ResponseTypeSpec>();
        var resources = entries.TryGetValue("resources", out var resourcesEntry) ? ReadResources(resourcesEntry.Value, types) : new List<ResourceSpec>();
        var operations = entries.TryGetValue("operations", out var operationsEntry) ? ReadOperations(operationsEntry.Value, types, resources, entries.TryGetValue("models", out var declared) && declared.Value is YamlMapping declaredModels ? declaredModels.Entries.Select(e => e.Key.Value).ToList() : new List<string>(), endpoints, api) : new List<OperationSpec>();

        if (_diagnostics.Any(d => d.Severity == SchemaSeverity.Error) || api is null || version is null)
        {
            return null;
        }

        return new SchemaDocument(version.Value, api, EquatableArray.From(endpoints), EquatableArray.From(models), EquatableArray.From(types), EquatableArray.From(resources), EquatableArray.From(operations));
    }

    private int? ReadVersion(YamlMapping root, Dictionary<string, Entry> entries)
    {
        if (!entries.TryGetValue("producergen", out var entry))
        {
            Error(SchemaDiagnosticIds.UnsupportedVersion, "The file does not say which format version it uses. Add 'producergen: 1' as its first line.", root.Range);
            return null;
        }

        if (entry.Value is YamlScalar { IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version == SchemaKeys.FormatVersion)
        {
            return version;
        }

        Error(SchemaDiagnosticIds.UnsupportedVersion, $"Format version '{Text(entry.Value)}' is not supported; this ProducerGen reads 'producergen: {SchemaKeys.FormatVersion}'.", entry.Value.Range);
        return null;
    }

    private ApiSpec? ReadApi(YamlNode node)
    {
        if (Mapping(node, "'api'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Api, "'api'");
        var name = RequiredString(entries, mapping, "name", "'api'");
        var ns = OptionalString(entries, "namespace");
        if (ns is not null && !IsValidNamespace(ns))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{ns}' is not a valid C# namespace; use dotted identifiers such as 'Contoso.Apiframe'.", entries["namespace"].Value.Range);
        }

        var baseUrl = RequiredString(entries, mapping, "baseUrl", "'api'");
        if (baseUrl is not null && !IsAbsoluteHttpUrl(baseUrl))
        {
            Error(SchemaDiagnosticIds.BaseUrlNotAbsolute, $"baseUrl '{baseUrl}' is not an absolute http(s) URL; write it in full, e.g. 'https://api.example.com'.", entries["baseUrl"].Value.Range);
        }

        var auth = Required(entries, mapping, "auth", "'api'") is { } authNode ? ReadAuth(authNode) : null;
        // No 'idempotency:' means the API takes no idempotency key: nothing is sent (and submissions are retried only where that is safe).
        var idempotency = entries.TryGetValue("idempotency", out var idempotencyEntry) ? ReadIdempotency(idempotencyEntry.Value) : null;
        var jobs = Required(entries, mapping, "jobs", "'api'") is { } jobsNode ? ReadJobs(jobsNode) : null;
        var webhooks = entries.TryGetValue("webhooks", out var webhooksEntry) ? ReadWebhooks(webhooksEntry.Value) : null;
        var headers = entries.TryGetValue("headers", out var headersEntry)
            ? ReadHeaders(headersEntry.Value, auth?.Header, idempotency?.Header)
            : EquatableArray<HeaderSpec>.Empty;
        var envelope = entries.TryGetValue("envelope", out var envelopeEntry) ? ReadEnvelope(envelopeEntry.Value) : null;
        var errors = entries.TryGetValue("errors", out var errorsEntry) ? ReadErrors(errorsEntry.Value) : null;
        if (jobs?.Hold is { } hold)
        {
            CheckHoldHeader(hold, auth?.Header, idempotency?.Header, headers);
        }

        string? csharpName = null;
        if (name is not null)
        {
            csharpName = NameMapper.ToPascalCase(name);
            if (name.Trim().Length == 0)
            {
                Error(SchemaDiagnosticIds.InvalidValue, "The API name is empty; it names the generated client ('Apiframe' -> ApiframeClient).", entries["name"].Value.Range);
            }
        }

        return name is null || csharpName is null || baseUrl is null || auth is null || jobs is null
            ? null
            : new ApiSpec(name, csharpName, ns, baseUrl, auth, idempotency, jobs, webhooks, entries["name"].Value.Range, entries.TryGetValue("namespace", out var nsEntry) ? nsEntry.Value.Range : entries["name"].Value.Range, headers, envelope, errors);
    }

    private AuthSpec? ReadAuth(YamlNode node)
    {
        if (Mapping(node, "'api.auth'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Auth, "'api.auth'");
        var header = RequiredString(entries, mapping, "header", "'api.auth'");
        if (header is not null && !HeaderText.IsName(header))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{header}' is not an HTTP header name; use letters, digits and '-', e.g. 'Authorization' or 'X-API-Key'.", entries["header"].Value.Range);
        }

        var prefix = OptionalString(entries, "prefix");
        if (prefix is not null && (prefix.Length == 0 || !HeaderText.IsValue(prefix)))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The auth prefix must be printable text sent before the key, such as 'Bearer ' (quote it to keep the space: prefix: \"Bearer \").", entries["prefix"].Value.Range);
        }

        var env = OptionalString(entries, "env");
        return header is null ? null : new AuthSpec(header, env, prefix);
    }

    private EquatableArray<HeaderSpec> ReadHeaders(YamlNode node, string? authHeader, string? idempotencyHeader)
    {
        if (Mapping(node, "'api.headers'") is not { } mapping)
        {
            return EquatableArray<HeaderSpec>.Empty;
        }

        var headers = new List<HeaderSpec>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in mapping.Entries)
        {
            var name = pair.Key.Value;
            if (!HeaderText.IsName(name))
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"'{name}' is not an HTTP header name; use letters, digits and '-', e.g. 'X-Api-Version'.", pair.Key.Range);
                continue;
            }

            if (HeaderText.IsManagedByTheClient(name) || string.Equals(name, authHeader, StringComparison.OrdinalIgnoreCase) || string.Equals(name, idempotencyHeader, StringComparison.OrdinalIgnoreCase))
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"'{name}' is set by the client itself (the key, the idempotency key, the body's type and length, the host); remove it from 'api.headers'.", pair.Key.Range);
                continue;
            }

            if (!seen.Add(name))
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"The header '{name}' is listed twice in 'api.headers' (header names ignore case); keep one.", pair.Key.Range);
                continue;
            }

            if (ScalarText(pair.Value, $"the value of header '{name}'") is { } value)
            {
                if (!HeaderText.IsValue(value))
                {
                    Error(SchemaDiagnosticIds.InvalidValue, $"The value of header '{name}' holds a character no header may carry (a line break or another control character, or one outside ASCII).", pair.Value.Range);
                    continue;
                }

                headers.Add(new HeaderSpec(name, value));
            }
        }

        return EquatableArray.From(headers);
    }

    /// <summary>The hold header is sent on one submission only, so it may not be one the client or every request already sets.</summary>
    private void CheckHoldHeader(HoldSpec hold, string? authHeader, string? idempotencyHeader, EquatableArray<HeaderSpec> headers)
    {
        var name = hold.Header;
        if (HeaderText.IsManagedByTheClient(name) || string.Equals(name, authHeader, StringComparison.OrdinalIgnoreCase) || string.Equals(name, idempotencyHeader, StringComparison.OrdinalIgnoreCase))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{name}' is set by the client itself (the key, the idempotency key, the body's type and length, the host), so it cannot ask for a hold; name the service's hold header, e.g. 'Prefer'.", hold.HeaderRange);
            return;
        }

        foreach (var header in headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"'{name}' is also in 'api.headers', which sends it with every request; a hold header is sent with a waited-for submission only, so remove one of them.", hold.HeaderRange);
                return;
            }
        }
    }

    private IdempotencySpec? ReadIdempotency(YamlNode node)
    {
        if (Mapping(node, "'api.idempotency'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Idempotency, "'api.idempotency'");
        var header = RequiredString(entries, mapping, "header", "'api.idempotency'");
        var maxLength = entries.TryGetValue("maxLength", out var maxEntry) ? Count(maxEntry) : null;
        if (maxLength == 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, "An idempotency maxLength of 0 leaves no room for a key; use the service's limit, e.g. 255.", maxEntry.Value.Range);
        }

        return header is null ? null : new IdempotencySpec(header, maxLength);
    }

    /// <summary>Reads the endpoints; <paramref name="names"/> receives every endpoint name, even of broken ones, so models that use them do not cascade into errors.</summary>
    private List<EndpointSpec> ReadEndpoints(YamlNode node, List<string> names)
    {
        var endpoints = new List<EndpointSpec>();
        if (Mapping(node, "'endpoints'") is not { } mapping)
        {
            return endpoints;
        }

        var registry = new NameRegistry(this, "endpoint");
        foreach (var pair in mapping.Entries)
        {
            var name = pair.Key.Value;
            names.Add(name);
            var csharpName = registry.Claim(name, pair.Key.Range);
            if (Mapping(pair.Value, $"endpoint '{name}'") is not { } endpointMapping)
            {
                continue;
            }

            var entries = Entries(endpointMapping, SchemaKeys.Endpoint, $"endpoint '{name}'");
            var route = RequiredRoute(entries, endpointMapping, "request", $"endpoint '{name}'");
            if (route is not null && RouteTemplate.TryParse(route.Path, out var routeProblem) is null)
            {
                Error(SchemaDiagnosticIds.MalformedRoute, $"The submit route '{route}' of endpoint '{name}' cannot be expanded: {routeProblem}. Write placeholders as '{{model}}', '{{+model}}' or '{{name}}' with a value in each model's 'routeParams'.", entries["request"].Value.Range);
                route = null;
            }

            var layout = (BodyLayout)Choice(entries, "bodyLayout", SchemaKeys.BodyLayouts, $"endpoint '{name}'");
            var encoding = (BodyEncoding)Choice(entries, "encoding", SchemaKeys.Encodings, $"endpoint '{name}'");
            var defaultParamsKey = OptionalString(entries, "paramsKey");
            if (defaultParamsKey is not null && defaultParamsKey.Trim().Length == 0)
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"The paramsKey of endpoint '{name}' is empty; it is the body member that holds each model's params, e.g. 'input'.", entries["paramsKey"].Value.Range);
            }
            else if (defaultParamsKey is not null && layout == BodyLayout.Flat)
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"Endpoint '{name}' has 'bodyLayout: flat', which sends the params at the top level, so it has no paramsKey; remove 'paramsKey' (or write 'bodyLayout: nested').", entries["paramsKey"].Key.Range);
            }

            var modelMember = ReadModelMember(entries, name);
            var fileRule = encoding == BodyEncoding.Multipart ? null : $"endpoint '{name}' is sent as JSON; add 'encoding: multipart' to it to send files";
            var fields = entries.TryGetValue("fields", out var fieldsEntry) ? ReadMembers(fieldsEntry.Value, name + ".fields", fileRule, queryAllowed: true) : new List<MemberSpec>();
            var result = entries.TryGetValue("result", out var resultEntry) ? ReadMembers(resultEntry.Value, name + ".result", "a result is read from the job, and files are only sent") : new List<MemberSpec>();
            if (modelMember is not null && fields.FirstOrDefault(f => f.Name == modelMember) is { } clash)
            {
                Error(SchemaDiagnosticIds.NameCollision, $"The field '{clash.Name}' of endpoint '{name}' is named like the body member that carries the model id ('{modelMember}', {(entries.TryGetValue("modelMember", out var m) ? $", set on line {m.Value.Range.StartLine.ToString(CultureInfo.InvariantCulture)}" : ", the default of 'modelMember'")}); rename the field or set 'modelMember:' to another name (or 'none').", clash.NameRange);
            }

            var description = OptionalString(entries, "description");
            var (jobGet, jobResult) = entries.TryGetValue("jobs", out var jobsEntry) ? ReadEndpointJobs(jobsEntry.Value, name) : (null, null);
            if (route is not null && csharpName is not null)
            {
                endpoints.Add(new EndpointSpec(name, csharpName, route, EquatableArray.From(fields), EquatableArray.From(result), description, pair.Key.Range, layout, modelMember, encoding, jobGet, jobResult));
                _endpointDefaults[name] = new EndpointDefaults(defaultParamsKey, entries.TryGetValue("request", out var requestEntry) ? requestEntry.Value.Range : pair.Key.Range);
            }
        }

        return endpoints;
    }

    /// <summary>What a model of an endpoint inherits from it beyond its spec: the default paramsKey, and where the route is written.</summary>
    private readonly Dictionary<string, EndpointDefaults> _endpointDefaults = new(StringComparer.Ordinal);

    private sealed record EndpointDefaults(string? ParamsKey, SourceRange RouteRange);

    /// <summary>The body member carrying the model id: <c>model</c> unless set, null for <c>none</c>.</summary>
    private string? ReadModelMember(Dictionary<string, Entry> entries, string endpoint)
    {
        if (!entries.ContainsKey("modelMember"))
        {
            return EndpointSpec.DefaultModelMember;
        }

        var text = OptionalString(entries, "modelMember");
        if (text == SchemaKeys.NoModelMember)
        {
            return null;
        }

        if (text is null || text.Trim().Length == 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The modelMember of endpoint '{endpoint}' is empty; write the body member that carries the model id (e.g. 'model'), or 'none' when the route names the model.", entries["modelMember"].Value.Range);
            return EndpointSpec.DefaultModelMember;
        }

        return text;
    }

    /// <summary>The index of an optional key's value in <paramref name="allowed"/>; 0 (the default) when absent or invalid (then reported).</summary>
    private int Choice(Dictionary<string, Entry> entries, string key, IReadOnlyList<string> allowed, string section)
    {
        if (!entries.TryGetValue(key, out var entry) || ScalarText(entry.Value, $"'{key}'") is not { } text)
        {
            return 0;
        }

        var index = IndexOf(allowed, text);
        if (index < 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The {key} of {section} is '{Truncate(text)}'; write one of {string.Join(", ", allowed)}.{DidYouMean.Hint(text, allowed)}", entry.Value.Range);
            return 0;
        }

        return index;
    }

    private List<ModelSpec> ReadModels(YamlNode node, List<string> endpointNames, List<EndpointSpec> endpoints)
    {
        var models = new List<ModelSpec>();
        if (Mapping(node, "'models'") is not { } mapping)
        {
            return models;
        }

        var names = new NameRegistry(this, "model");
        foreach (var pair in mapping.Entries)
        {
            var id = pair.Key.Value;
            var csharpName = names.Claim(id, pair.Key.Range);
            if (Mapping(pair.Value, $"model '{id}'") is not { } modelMapping)
            {
                continue;
            }

            var section = $"model '{id}'";
            var entries = Entries(modelMapping, SchemaKeys.Model, section);
            var endpoint = RequiredString(entries, modelMapping, "endpoint", section);
            if (endpoint is not null && !endpointNames.Contains(endpoint))
            {
                var known = endpointNames;
                var list = known.Count == 0 ? "none are defined" : "defined: " + string.Join(", ", known);
                Error(SchemaDiagnosticIds.UnknownEndpoint, $"Model '{id}' refers to endpoint '{endpoint}', which 'endpoints:' does not define ({list}).{DidYouMean.Hint(endpoint, known)}", entries["endpoint"].Value.Range);
            }

            var endpointSpec = endpoint is null ? null : endpoints.FirstOrDefault(e => e.Name == endpoint);
            var defaults = endpoint is not null && _endpointDefaults.TryGetValue(endpoint, out var d) ? d : null;
            var paramsKey = ReadParamsKey(entries, modelMapping, section, id, endpointSpec, defaults);

            long? averageCompletion = null;
            if (OptionalString(entries, "averageCompletion") is { } durationText)
            {
                averageCompletion = DurationParser.TryParseMilliseconds(durationText);
                if (averageCompletion is null)
                {
                    Error(SchemaDiagnosticIds.InvalidValue, $"averageCompletion '{durationText}' is not a duration; write it like '45s', '2m', '1m30s' or '500ms'.", entries["averageCompletion"].Value.Range);
                }
            }

            var flat = endpointSpec?.Layout == BodyLayout.Flat;
            var fileRule = endpointSpec is null || (flat && endpointSpec.Encoding == BodyEncoding.Multipart)
                ? null
                : endpointSpec.Encoding != BodyEncoding.Multipart
                    ? $"endpoint '{endpointSpec.Name}' is sent as JSON; add 'encoding: multipart' (and 'bodyLayout: flat') to it to send files"
                    : $"the params of endpoint '{endpointSpec.Name}' are sent as one JSON part under '{paramsKey}'; add 'bodyLayout: flat' to it, or declare the file among its fields";
            var parameters = entries.TryGetValue("params", out var paramsEntry)
                ? ReadMembers(paramsEntry.Value, flat ? id : paramsKey ?? id, fileRule, queryAllowed: flat)
                : new List<MemberSpec>();
            if (flat && endpointSpec is not null)
            {
                CheckFlatParams(id, endpointSpec, parameters);
            }

            var submitPath = endpointSpec is null ? null : ReadRouteParams(entries, pair.Key, id, endpointSpec, defaults);
            var (jobGetPath, jobResultPath) = endpointSpec is null ? (null, null) : ExpandJobRoutes(entries, id, endpointSpec);
            var fields = ReadFieldOverrides(entries, id, endpointSpec);

            if (csharpName is not null && endpoint is not null && paramsKey is not null)
            {
                models.Add(new ModelSpec(
                    id,
                    csharpName,
                    endpoint,
                    paramsKey,
                    OptionalString(entries, "summary"),
                    OptionalString(entries, "description"),
                    averageCompletion,
                    OptionalBool(entries, "deprecated") ?? false,
                    EquatableArray.From(parameters),
                    pair.Key.Range,
                    submitPath,
                    jobGetPath,
                    jobResultPath,
                    fields,
                    ReadParamsRequired(entries, id, flat)));
            }
        }

        CheckModelsAreTellable(models, endpoints);
        return models;
    }

    /// <summary>Whether the model's params block must be sent even when empty; PG0016 on a flat endpoint, which has no block.</summary>
    private bool ReadParamsRequired(Dictionary<string, Entry> entries, string id, bool flat)
    {
        var paramsRequired = OptionalBool(entries, "paramsRequired") ?? false;
        if (paramsRequired && flat)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"Model '{id}' is on a flat endpoint, whose params are top-level members; there is no params block to require. Remove 'paramsRequired'.", entries["paramsRequired"].Key.Range);
            return false;
        }

        return paramsRequired;
    }

    /// <summary>
    /// The model's paramsKey: its own, else its endpoint's; empty for a flat endpoint (which may not have one). Null
    /// (reported) when a nested endpoint's model has neither.
    /// </summary>
    private string? ReadParamsKey(Dictionary<string, Entry> entries, YamlMapping mapping, string section, string id, EndpointSpec? endpoint, EndpointDefaults? defaults)
    {
        if (endpoint?.Layout == BodyLayout.Flat)
        {
            if (entries.TryGetValue("paramsKey", out var entry))
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"Model '{id}' is submitted to endpoint '{endpoint.Name}', whose 'bodyLayout: flat' sends the params at the top level beside the fields, so it has no paramsKey; remove 'paramsKey' (or write 'bodyLayout: nested' on the endpoint).", entry.Key.Range);
            }

            return string.Empty;
        }

        if (!entries.ContainsKey("paramsKey") && defaults?.ParamsKey is { } inherited)
        {
            return inherited;
        }

        if (!entries.ContainsKey("paramsKey"))
        {
            var where = endpoint is null ? string.Empty : $", set 'paramsKey' on endpoint '{endpoint.Name}' for all its models, or give the endpoint 'bodyLayout: flat' to send the params at the top level";
            Error(SchemaDiagnosticIds.MissingKey, $"{Capitalise(section)} is missing the required key 'paramsKey', the body member its params are sent under; add 'paramsKey: {id}Params'{where}.", mapping.Range);
            return null;
        }

        var paramsKey = RequiredString(entries, mapping, "paramsKey", section);
        if (paramsKey is not null && paramsKey.Trim().Length == 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The paramsKey of model '{id}' is empty; it is the body member that holds the params, e.g. '{id}Params'.", entries["paramsKey"].Value.Range);
        }

        return paramsKey;
    }

    /// <summary>PG0011 for a flat param that would share a top-level body member with a field or the model id.</summary>
    private void CheckFlatParams(string id, EndpointSpec endpoint, List<MemberSpec> parameters)
    {
        foreach (var param in parameters)
        {
            if (endpoint.Fields.FirstOrDefault(f => f.Name == param.Name) is { } field)
            {
                Error(SchemaDiagnosticIds.NameCollision, $"The param '{param.Name}' of model '{id}' and the field '{field.Name}' of endpoint '{endpoint.Name}' (line {field.NameRange.StartLine.ToString(CultureInfo.InvariantCulture)}) would both be the top-level body member '{param.Name}' of the flat body; remove the param (the field is sent for every model) or rename one of them.", param.NameRange);
            }
            else if (param.Name == endpoint.ModelMember)
            {
                Error(SchemaDiagnosticIds.NameCollision, $"The param '{param.Name}' of model '{id}' would be the top-level body member '{param.Name}', which endpoint '{endpoint.Name}' uses for the model id; rename the param or set the endpoint's 'modelMember:' to another name (or 'none').", param.NameRange);
            }
        }
    }

    /// <summary>
    /// Checks <c>routeParams</c> against the endpoint's submit route and returns the expanded path, or null when the
    /// route has no placeholders (or a problem was reported).
    /// </summary>
    private string? ReadRouteParams(Dictionary<string, Entry> entries, YamlScalar modelKey, string id, EndpointSpec endpoint, EndpointDefaults? defaults)
    {
        var placeholders = RouteTemplate.TryParse(endpoint.Request.Path, out _) ?? new List<RouteTemplate.Placeholder>();
        foreach (var jobRoute in new[] { endpoint.JobGet, endpoint.JobResult })
        {
            // The endpoint's own job routes are filled from the same values (fal's '/{+app}/requests/{id}'); the job id is the runtime's.
            placeholders.AddRange((jobRoute is null ? null : RouteTemplate.TryParse(jobRoute.Path, out _))?.Where(p => p.Name != "id") ?? Enumerable.Empty<RouteTemplate.Placeholder>());
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var ranges = new Dictionary<string, SourceRange>(StringComparer.Ordinal);
        var ok = true;
        YamlMapping? mapping = null;
        if (entries.TryGetValue("routeParams", out var routeEntry) && Mapping(routeEntry.Value, $"the routeParams of model '{id}'") is { } routeMapping)
        {
            mapping = routeMapping;
            foreach (var pair in routeMapping.Entries)
            {
                var name = pair.Key.Value;
                if (name == RouteTemplate.ModelPlaceholder)
                {
                    Error(SchemaDiagnosticIds.InvalidValue, $"'{{model}}' is always the model id '{id}'; remove 'model' from the routeParams of model '{id}'.", pair.Key.Range);
                    ok = false;
                    continue;
                }

                if (!placeholders.Any(p => p.Name == name))
                {
                    var used = placeholders.Where(p => p.Name != RouteTemplate.ModelPlaceholder).Select(p => p.Name).Distinct().ToList();
                    var list = used.Count == 0 ? "it has none to fill" : "it has " + string.Join(", ", used.Select(u => "{" + u + "}"));
                    Error(SchemaDiagnosticIds.InvalidValue, $"The route param '{name}' of model '{id}' is not a placeholder of the submit route '{endpoint.Request}' ({list}); remove it, or add '{{{name}}}' to the route.{DidYouMean.Hint(name, used)}", pair.Key.Range);
                    ok = false;
                    continue;
                }

                if (ScalarText(pair.Value, $"the route param '{name}'") is { } value)
                {
                    values[name] = value;
                    ranges[name] = pair.Value.Range;
                }
                else
                {
                    ok = false;
                }
            }
        }

        if (placeholders.Count == 0)
        {
            return null;
        }

        values[RouteTemplate.ModelPlaceholder] = id;
        ranges[RouteTemplate.ModelPlaceholder] = modelKey.Range;
        var checkedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var placeholder in placeholders)
        {
            if (!values.TryGetValue(placeholder.Name, out var value))
            {
                if (checkedNames.Add(placeholder.Name))
                {
                    var where = mapping is not null ? mapping.Range : modelKey.Range;
                    Error(SchemaDiagnosticIds.InvalidValue, $"The submit route '{endpoint.Request}' of endpoint '{endpoint.Name}' (line {(defaults?.RouteRange.StartLine ?? 0).ToString(CultureInfo.InvariantCulture)}) needs a value for '{{{placeholder.Name}}}' that model '{id}' does not give; add 'routeParams: {{ {placeholder.Name}: <value> }}' to the model.", where);
                }

                ok = false;
                continue;
            }

            if (RouteTemplate.ValueProblem(value, placeholder.Reserved) is { } problem && checkedNames.Add(placeholder.Name))
            {
                var what = placeholder.Name == RouteTemplate.ModelPlaceholder ? $"The model id '{Truncate(id)}', which fills '{{{(placeholder.Reserved ? "+" : string.Empty)}model}}' in the submit route," : $"The value '{Truncate(value)}' of the route param '{placeholder.Name}'";
                Error(SchemaDiagnosticIds.InvalidValue, $"{what} cannot be part of a URL path: {problem}; {(placeholder.Name == RouteTemplate.ModelPlaceholder ? "take '{model}' out of the route and name the model in a routeParam" : "write the path segment the provider documents")}.", ranges[placeholder.Name]);
                ok = false;
            }
        }

        return ok ? RouteTemplate.Expand(endpoint.Request.Path, values) : null;
    }

    /// <summary>
    /// An endpoint whose body names no model must tell its models apart by their paths: two that share one would
    /// reach the provider (and the emulator) as the same request.
    /// </summary>
    private void CheckModelsAreTellable(List<ModelSpec> models, List<EndpointSpec> endpoints)
    {
        foreach (var endpoint in endpoints.Where(e => e.ModelMember is null))
        {
            var seen = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
            foreach (var model in models.Where(m => m.Endpoint == endpoint.Name))
            {
                var path = model.SubmitPath ?? endpoint.Request.Path;
                if (seen.TryGetValue(path, out var other))
                {
                    Error(SchemaDiagnosticIds.InvalidValue, $"Models '{other.Id}' and '{model.Id}' of endpoint '{endpoint.Name}' are both submitted to '{endpoint.Request.Method} {path}', and the endpoint's 'modelMember: none' sends no model id in the body, so the service cannot tell them apart; put '{{model}}' (or a routeParam) in the route, or send the id with 'modelMember: model'.", model.NameRange);
                }
                else
                {
                    seen.Add(path, model);
                }
            }
        }
    }

    private List<MemberSpec> ReadMembers(YamlNode node, string path, string? fileRule = "files are only sent as the top-level members of a multipart body", bool queryAllowed = false)
    {
        var members = new List<MemberSpec>();
        if (node is YamlScalar { IsNull: true })
        {
            return members;
        }

        if (Mapping(node, $"'{path}'") is not { } mapping)
        {
            return members;
        }

        var names = new NameRegistry(this, "member");
        foreach (var pair in mapping.Entries)
        {
            var name = pair.Key.Value;
            var csharpName = names.Claim(name, pair.Key.Range);
            if (ReadMember(pair.Value, path + "." + name, fileRule, queryAllowed) is { } member && csharpName is not null)
            {
                members.Add(new MemberSpec(name, csharpName, member.Type, member.Required, member.Default, member.Description, member.Deprecated, pair.Key.Range, member.Nullable, member.InQuery));
            }
        }

        return members;
    }

    /// <summary>
    /// Reads a member body (everything but its name); <paramref name="path"/> names it in messages. <paramref name="fileRule"/>
    /// is null where <c>type: file</c> is allowed, otherwise why it is not.
    /// </summary>
    private MemberSpec? ReadMember(YamlNode node, string path, string? fileRule = "files are only sent as the top-level members of a multipart body", bool queryAllowed = false)
    {
        if (Mapping(node, $"'{path}'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Member, $"'{path}'");
        var typeName = RequiredString(entries, mapping, "type", $"'{path}'");
        if (typeName is null)
        {
            return null;
        }

        var kindIndex = IndexOf(SchemaKeys.Types, typeName);
        if (kindIndex < 0)
        {
            Error(SchemaDiagnosticIds.UnknownType, $"'{path}' has type '{typeName}', which the format does not define; use one of {string.Join(", ", SchemaKeys.Types)}.{DidYouMean.Hint(typeName, SchemaKeys.Types)}", entries["type"].Value.Range);
            return null;
        }

        var kind = (MemberType)kindIndex;
        if (kind == MemberType.File && fileRule is not null)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{path}' has type file, which only a top-level member of a multipart body may have: {fileRule}.", entries["type"].Value.Range);
        }

        if (kind == MemberType.Json && !_readingAnswerType)
        {
            Error(SchemaDiagnosticIds.UnknownType, $"'{path}' has type json, which only a member of an answer type ('types:') may have: a request member is sent, so it needs a type the client can check.", entries["type"].Value.Range);
        }

        CheckApplicable(entries, kind, path);

        var minLength = CountOf(entries, "minLength");
        var maxLength = CountOf(entries, "maxLength");
        CheckOrder(entries, "minLength", minLength, "maxLength", maxLength, path);
        var minItems = CountOf(entries, "minItems");
        var maxItems = CountOf(entries, "maxItems");
        CheckOrder(entries, "minItems", minItems, "maxItems", maxItems, path);

        var isInteger = kind == MemberType.Integer;
        var minimum = NumberOf(entries, "min", isInteger);
        var maximum = NumberOf(entries, "max", isInteger);
        if (minimum is not null && maximum is not null && minimum > maximum)
        {
            Error(SchemaDiagnosticIds.MinGreaterThanMax, $"'{path}' has min {Format(minimum.Value)} above max {Format(maximum.Value)}; swap them or fix one.", entries["min"].Value.Range);
        }

        var step = NumberOf(entries, "step", isInteger);
        if (step is not null && step <= 0)
        {
            Error(SchemaDiagnosticIds.StepNotPositive, $"The step of '{path}' must be greater than zero (was {Format(step.Value)}); remove it to allow any value.", entries["step"].Value.Range);
            step = null;
        }

        string? pattern = null;
        if (OptionalString(entries, "pattern") is { } patternText)
        {
            if (IsValidRegex(patternText))
            {
                pattern = patternText;
            }
            else
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"The pattern of '{path}' is not a valid regular expression: '{patternText}'.", entries["pattern"].Value.Range);
            }
        }

        var enumValues = entries.TryGetValue("enum", out var enumEntry) ? ReadEnum(enumEntry.Value, kind, path) : EquatableArray<string>.Empty;
        var format = kind == MemberType.String ? ReadFormat(entries, path) : MemberFormat.None;

        var required = OptionalBool(entries, "required") ?? false;
        var nullable = OptionalBool(entries, "nullable") ?? false;
        if (nullable && required)
        {
            // A required member is a non-nullable constructor parameter; "present but null" has no C# spelling there.
            Error(SchemaDiagnosticIds.InvalidValue, $"'{path}' is both required and nullable; a required member must be sent with a value. Remove one of them.", entries["nullable"].Key.Range);
            nullable = false;
        }

        TypeSpec? items = null;
        if (kind == MemberType.Array)
        {
            if (Required(entries, mapping, "items", $"'{path}'") is { } itemsNode)
            {
                // A multipart body sends an array of files as repeated parts under one name.
                var itemMember = ReadMember(itemsNode, path + "[]", fileRule);
                items = itemMember?.Type;
                if (itemMember is { Nullable: true } && itemsNode is YamlMapping itemsMapping
                    && itemsMapping.Entries.FirstOrDefault(e => e.Key.Value == "nullable") is { Key: { } nullableKey })
                {
                    // Items of a list are written as they are: a null item is already sent as null.
                    Error(SchemaDiagnosticIds.InvalidValue, $"'nullable' applies to a named member, not to the items of '{path}'; remove it (a null item is sent as null).", nullableKey.Range);
                }
            }
        }

        var properties = kind == MemberType.Object && entries.TryGetValue("properties", out var propertiesEntry)
            ? ReadMembers(propertiesEntry.Value, path)
            : new List<MemberSpec>();

        var files = ReadFileLimits(entries, kind, items, path);
        var csv = ReadArrayStyle(entries, kind, items, path);
        var type = new TypeSpec(
            kind,
            minLength,
            maxLength,
            pattern,
            enumValues,
            minimum,
            maximum,
            step,
            items,
            minItems,
            maxItems,
            EquatableArray.From(properties),
            format,
            files,
            csv);

        string? defaultText = null;
        if (kind != MemberType.File && entries.TryGetValue("default", out var defaultEntry)) // a file's default is already PG0006
        {
            defaultText = DefaultValueChecker.Check(defaultEntry.Value, type, path, this);
        }

        return new MemberSpec(
            path,
            string.Empty,
            type,
            required,
            defaultText,
            OptionalString(entries, "description"),
            OptionalBool(entries, "deprecated") ?? false,
            Nullable: nullable,
            InQuery: ReadLocation(entries, type, path, queryAllowed, nullable));
    }

    /// <summary>
    /// <c>in: query</c>: the member goes in the submit URL's query string (fal's <c>fal_webhook</c>). Only a top-level member of
    /// the body (an endpoint field, a param of a flat endpoint) with a single value can be a query parameter.
    /// </summary>
    private bool ReadLocation(Dictionary<string, Entry> entries, TypeSpec type, string path, bool queryAllowed, bool nullable)
    {
        if (OptionalString(entries, "in") is not { } location)
        {
            return false;
        }

        if (location == "body")
        {
            return false;
        }

        var range = entries["in"].Value.Range;
        if (location != "query")
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'in' of '{path}' is '{Truncate(location)}', which is not one of body, query.{DidYouMean.Hint(location, new[] { "body", "query" })}", range);
            return false;
        }

        if (!queryAllowed)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{path}' cannot be sent in the query string: only a top-level member of the body (an endpoint field, or a param of a 'bodyLayout: flat' endpoint) can; move it there or remove 'in: query'.", range);
            return false;
        }

        if (type.Kind is MemberType.Array or MemberType.Object or MemberType.File || nullable)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{path}' cannot be sent in the query string: a query parameter is one text value (a string, url, number, integer or boolean, not null), and this is {(nullable ? "nullable" : SchemaKeys.Types[(int)type.Kind])}.", range);
            return false;
        }

        return true;
    }

    /// <summary>The string's <c>format:</c>, or <see cref="MemberFormat.None"/> (an unknown name reported as PG0016).</summary>
    private MemberFormat ReadFormat(Dictionary<string, Entry> entries, string path)
    {
        if (OptionalString(entries, "format") is not { } formatName)
        {
            return MemberFormat.None;
        }

        var index = IndexOf(SchemaKeys.Formats, formatName);
        if (index < 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{path}' has format '{formatName}', which the format does not define; use one of {string.Join(", ", SchemaKeys.Formats)}.{DidYouMean.Hint(formatName, SchemaKeys.Formats)}", entries["format"].Value.Range);
            return MemberFormat.None;
        }

        return (MemberFormat)(index + 1);
    }

    private EquatableArray<string> ReadEnum(YamlNode node, MemberType kind, string path)
    {
        if (node is not YamlSequence sequence)
        {
            Error(SchemaDiagnosticIds.WrongValueKind, $"The enum of '{path}' must be a list, e.g. [a, b, c], but this is {node.KindName}.", node.Range);
            return EquatableArray<string>.Empty;
        }

        if (sequence.Items.Count == 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"The enum of '{path}' is empty; list the allowed values or remove 'enum'.", sequence.Range);
            return EquatableArray<string>.Empty;
        }

        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (ScalarText(item, $"an enum value of '{path}'") is not { } value)
            {
                continue;
            }

            if (kind == MemberType.Integer)
            {
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    Error(SchemaDiagnosticIds.WrongValueKind, $"'{value}' in the enum of integer '{path}' is not a whole number.", item.Range);
                    continue;
                }

                value = number.ToString(CultureInfo.InvariantCulture);
            }

            if (!seen.Add(value))
            {
                Error(SchemaDiagnosticIds.DuplicateEnumValue, $"The enum of '{path}' lists '{value}' twice; remove the duplicate.", item.Range);
                continue;
            }

            if (kind == MemberType.String)
            {
                var identifier = NameMapper.ToPascalCase(value);
                if (identifiers.TryGetValue(identifier, out var other))
                {
                    Error(SchemaDiagnosticIds.NameCollision, $"Enum values '{other}' and '{value}' of '{path}' both map to the C# name '{identifier}'; rename one of them.", item.Range);
                    continue;
                }

                identifiers.Add(identifier, value);
            }

            values.Add(value);
        }

        return EquatableArray.From(values);
    }

    private void CheckApplicable(Dictionary<string, Entry> entries, MemberType kind, string path)
    {
        foreach (var key in entries.Keys)
        {
            if (!ConstraintRules.Applies(key, kind))
            {
                var typeName = SchemaKeys.Types[(int)kind];
                Error(SchemaDiagnosticIds.ConstraintNotApplicable, $"'{key}' does not apply to '{path}' of type {typeName}; a {typeName} accepts {ConstraintRules.Describe(kind)}.", entries[key].Key.Range);
            }
        }
    }

    /// <summary>
    /// Reports a low limit above its high one, where the low one is written (else the high one: a model's override may
    /// write only one of them, inheriting the other); <paramref name="fix"/> says what to do.
    /// </summary>
    private void CheckOrder(Dictionary<string, Entry> entries, string lowKey, int? low, string highKey, int? high, string path, string fix = "swap them or fix one")
    {
        if (low is not null && high is not null && low > high && (entries.TryGetValue(lowKey, out var at) || entries.TryGetValue(highKey, out at)))
        {
            Error(SchemaDiagnosticIds.MinGreaterThanMax, $"'{path}' has {lowKey} {low} above {highKey} {high}; {fix}.", at.Value.Range);
        }
    }

    private int? CountOf(Dictionary<string, Entry> entries, string key) =>
        entries.TryGetValue(key, out var entry) ? Count(entry) : null;

    private int? Count(Entry entry)
    {
        if (entry.Value is YamlScalar { IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        Error(SchemaDiagnosticIds.WrongValueKind, $"'{entry.Key.Value}' must be a whole number of zero or more, but is '{Text(entry.Value)}'.", entry.Value.Range);
        return null;
    }

    private double? NumberOf(Dictionary<string, Entry> entries, string key, bool wholeNumber)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlScalar { IsPlain: true } scalar
            || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Error(SchemaDiagnosticIds.WrongValueKind, $"'{key}' must be a number, but is '{Text(entry.Value)}'.", entry.Value.Range);
            return null;
        }

        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 1e15)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{key}' must be a finite number no larger than 1e15 in magnitude (was '{scalar.Value}').", entry.Value.Range);
            return null;
        }

        if (wholeNumber && Math.Floor(value) != value)
        {
            Error(SchemaDiagnosticIds.WrongValueKind, $"'{key}' of an integer must be a whole number (was '{scalar.Value}').", entry.Value.Range);
            return null;
        }

        return value;
    }

    private Route? RequiredRoute(Dictionary<string, Entry> entries, YamlMapping mapping, string key, string section)
    {
        var text = RequiredString(entries, mapping, key, section);
        if (text is null)
        {
            return null;
        }

        var route = RouteParser.TryParse(text);
        if (route is null)
        {
            Error(SchemaDiagnosticIds.MalformedRoute, $"'{text}' is not a route; write the HTTP method, one space and the path, e.g. 'POST /v2/music/generate'.", entries[key].Value.Range);
        }

        return route;
    }

    private YamlNode? Required(Dictionary<string, Entry> entries, YamlMapping mapping, string key, string section)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            return entry.Value;
        }

        Error(SchemaDiagnosticIds.MissingKey, $"{Capitalise(section)} is missing the required key '{key}'.", mapping.Range);
        return null;
    }

    private string? RequiredString(Dictionary<string, Entry> entries, YamlMapping mapping, string key, string section) =>
        Required(entries, mapping, key, section) is { } node ? ScalarText(node, $"'{key}'") : null;

    private string? OptionalString(Dictionary<string, Entry> entries, string key) =>
        entries.TryGetValue(key, out var entry) && entry.Value is not YamlScalar { IsNull: true } ? ScalarText(entry.Value, $"'{key}'") : null;

    private bool? OptionalBool(Dictionary<string, Entry> entries, string key)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is YamlScalar { IsPlain: true } scalar && TryParseBool(scalar.Value, out var value))
        {
            return value;
        }

        Error(SchemaDiagnosticIds.WrongValueKind, $"'{key}' must be true or false, but is '{Text(entry.Value)}'.", entry.Value.Range);
        return null;
    }

    internal static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true":
            case "True":
            case "TRUE":
                value = true;
                return true;
            case "false":
            case "False":
            case "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private string? ScalarText(YamlNode node, string what)
    {
        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        Error(SchemaDiagnosticIds.WrongValueKind, $"{Capitalise(what)} must be a single value, but this is {node.KindName}.", node.Range);
        return null;
    }

    private YamlMapping? Mapping(YamlNode node, string what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        Error(SchemaDiagnosticIds.WrongValueKind, $"{Capitalise(what)} must be a mapping of keys to values, but this is {node.KindName}.", node.Range);
        return null;
    }

    private Dictionary<string, Entry> Entries(YamlMapping mapping, IReadOnlyList<string> known, string section)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var pair in mapping.Entries)
        {
            if (IndexOf(known, pair.Key.Value) < 0)
            {
                Error(SchemaDiagnosticIds.UnknownKey, $"'{pair.Key.Value}' is not a key of {section}; allowed: {string.Join(", ", known)}.{DidYouMean.Hint(pair.Key.Value, known)}", pair.Key.Range);
                continue;
            }

            entries[pair.Key.Value] = new Entry(pair.Key, pair.Value);
        }

        return entries;
    }

    internal void Error(string id, string message, SourceRange range) =>
        _diagnostics.Add(new SchemaDiagnostic(id, SchemaSeverity.Error, message, range));

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Text(YamlNode node) => node is YamlScalar scalar ? Truncate(scalar.Value) : node.KindName;

    private static string Truncate(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private static string Capitalise(string text) =>
        text.Length == 0 || text[0] == '\'' ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsAbsoluteHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsValidNamespace(string text)
    {
        foreach (var part in text.Split('.'))
        {
            if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_') || !part.All(c => char.IsLetterOrDigit(c) || c == '_') || NameMapper.IsKeyword(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private readonly struct Entry
    {
        public Entry(YamlScalar key, YamlNode value)
        {
            Key = key;
            Value = value;
        }

        public YamlScalar Key { get; }

        public YamlNode Value { get; }
    }

    /// <summary>
    /// Maps the names of one YAML mapping to the identifiers they stand for and reports two keys that land on the same
    /// one. Names the generated code itself uses are the generator's naming pass's concern, not the loader's.
    /// </summary>
    private sealed class NameRegistry
    {
        private readonly SchemaReader _reader;
        private readonly string _what;
        private readonly Dictionary<string, string> _claimed = new(StringComparer.Ordinal);

        public NameRegistry(SchemaReader reader, string what)
        {
            _reader = reader;
            _what = what;
        }

        public string? Claim(string name, SourceRange range)
        {
            if (name.Trim().Length == 0)
            {
                _reader.Error(SchemaDiagnosticIds.InvalidValue, $"A {_what} name is empty; give it a name.", range);
                return null;
            }

            var identifier = NameMapper.ToPascalCase(name);

            if (_claimed.TryGetValue(identifier, out var other))
            {
                _reader.Error(SchemaDiagnosticIds.NameCollision, $"The {_what} names '{other}' and '{name}' both map to the C# name '{identifier}'; rename one of them.", range);
                return null;
            }

            _claimed.Add(identifier, name);
            return identifier;
        }
    }
}
