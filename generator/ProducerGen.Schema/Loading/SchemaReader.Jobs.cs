using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Yaml;

namespace ProducerGen.Schema.Loading;

/// <summary>
/// The <c>api.jobs</c>, <c>api.envelope</c> and <c>api.errors</c> sections: where the job's facts are in the API's answers.
/// Every key is optional and its absence is the v1 shape, so a v1 file reads into exactly the spec it always did.
/// </summary>
internal sealed partial class SchemaReader
{
    private static readonly string[] DefaultPending = { "QUEUED", "PROCESSING" };
    private static readonly string[] DefaultSucceeded = { "COMPLETED" };
    private static readonly string[] DefaultFailed = { "FAILED", "CANCELLED" };
    private static readonly string[] StatusSources = { "body", "httpStatus" };
    private static readonly string[] ProgressScales = { "percent", "fraction" };
    private static readonly string[] Decodings = { "json" };

    private JobsSpec? ReadJobs(YamlNode node)
    {
        if (Mapping(node, "'api.jobs'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Jobs, "'api.jobs'");
        var get = RequiredRoute(entries, mapping, "get", "'api.jobs'");
        if (get is not null)
        {
            CheckJobRoute(get, entries["get"].Value.Range, "The job route", "GET /v2/jobs/{id}");
        }

        var idField = OptionalString(entries, "idField");
        var idPath = OptionalPath(entries, "idPath", "'jobs.idPath'");
        if (idField is not null && idPath is not null)
        {
            Error(SchemaDiagnosticIds.InvalidValue, "'idPath' replaces 'idField' (the v1 name of a top-level id member); keep only 'idPath'.", entries["idPath"].Key.Range);
        }

        var statusPath = OptionalPath(entries, "statusPath", "'jobs.statusPath'");
        var statusFromHttp = false;
        if (OneOf(entries, "statusFrom", StatusSources, "'jobs.statusFrom'") is { } source)
        {
            statusFromHttp = source == "httpStatus";
            if (statusFromHttp && statusPath is not null)
            {
                Error(SchemaDiagnosticIds.InvalidValue, "With 'statusFrom: httpStatus' the status is the poll's HTTP status code, so 'statusPath' is never read; remove one of them.", entries["statusPath"].Key.Range);
            }
        }

        var pending = StatusList(entries, "pending", DefaultPending, statusFromHttp);
        var succeeded = StatusList(entries, "succeeded", DefaultSucceeded, statusFromHttp);
        var failed = StatusList(entries, "failed", DefaultFailed, statusFromHttp);
        if (statusFromHttp)
        {
            foreach (var key in new[] { "pending", "succeeded" })
            {
                if (!entries.ContainsKey(key))
                {
                    Error(SchemaDiagnosticIds.MissingKey, $"With 'statusFrom: httpStatus', 'jobs.{key}' must list the poll's HTTP status codes, e.g. pending: [202] and succeeded: [200].", entries["statusFrom"].Value.Range);
                }
            }
        }

        var shape = new JobShapeSpec(
            IdPath: idPath,
            StatusPath: statusPath,
            StatusFromHttp: statusFromHttp,
            ModelPath: OptionalPath(entries, "modelPath", "'jobs.modelPath'"),
            CreatedAtPath: OptionalPath(entries, "createdAtPath", "'jobs.createdAtPath'"),
            CompletedAtPath: OptionalPath(entries, "completedAtPath", "'jobs.completedAtPath'"));
        if (entries.TryGetValue("progress", out var progress))
        {
            shape = ReadProgress(progress.Value, shape);
        }

        if (entries.TryGetValue("result", out var result))
        {
            shape = ReadResult(result.Value, shape);
        }

        if (entries.TryGetValue("error", out var error))
        {
            shape = ReadJobError(error.Value, shape);
        }

        if (entries.TryGetValue("urls", out var urls))
        {
            shape = ReadUrls(urls.Value, shape);
        }

        if (entries.TryGetValue("content", out var content))
        {
            shape = ReadContent(content.Value, shape);
        }

        var hold = entries.TryGetValue("hold", out var holdEntry) ? ReadHold(holdEntry.Value) : null;

        // No new key: the v1 shape, so the spec (and the generated code) is exactly what it always was.
        var isV1 = shape == new JobShapeSpec();
        return get is null ? null : new JobsSpec(get, idField ?? "id", pending, succeeded, failed, isV1 ? null : shape, hold);
    }

    /// <summary>The longest hold the format accepts: an HTTP request held for longer than an hour is not a wait any client should make.</summary>
    private const int MaxHoldSeconds = 3600;

    /// <summary>
    /// <c>api.jobs.hold: { header: Prefer, value: "wait={seconds}", max: 60s }</c>. The header's clash with the API's other headers
    /// is checked by the caller, which knows them.
    /// </summary>
    private HoldSpec? ReadHold(YamlNode node)
    {
        if (Mapping(node, "'jobs.hold'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.JobHold, "'jobs.hold'");
        var header = RequiredString(entries, mapping, "header", "'jobs.hold'");
        if (header is not null && !HeaderText.IsName(header))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{Truncate(header)}' is not an HTTP header name; use letters, digits and '-', e.g. 'Prefer'.", entries["header"].Value.Range);
            header = null;
        }

        var value = RequiredString(entries, mapping, "value", "'jobs.hold'");
        if (value is not null && !IsHoldValue(value))
        {
            Error(SchemaDiagnosticIds.MalformedHoldValue, $"The hold value '{Truncate(value)}' must hold '{{seconds}}' exactly once, no other brace, and only characters a header may carry; write it like 'wait={{seconds}}'.", entries["value"].Value.Range);
            value = null;
        }

        int? maxSeconds = null;
        if (RequiredString(entries, mapping, "max", "'jobs.hold'") is { } maxText)
        {
            var milliseconds = DurationParser.TryParseMilliseconds(maxText);
            if (milliseconds is not { } ms || ms <= 0 || ms % 1000 != 0 || ms > MaxHoldSeconds * 1000L)
            {
                Error(SchemaDiagnosticIds.InvalidHoldMaximum, $"The hold's max '{Truncate(maxText)}' must be a whole number of seconds from 1s to 1h (the longest the service holds a submission), e.g. '60s'.", entries["max"].Value.Range);
            }
            else
            {
                maxSeconds = (int)(ms / 1000);
            }
        }

        return header is null || value is null || maxSeconds is null ? null : new HoldSpec(header, value, maxSeconds.Value, entries["header"].Value.Range);
    }

    /// <summary>One <c>{seconds}</c>, no other brace, and a valid header value once the seconds are in.</summary>
    private static bool IsHoldValue(string value)
    {
        const string placeholder = HoldSpec.SecondsPlaceholder;
        var at = value.IndexOf(placeholder, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var rest = value.Remove(at, placeholder.Length);
        return rest.IndexOf('{') < 0 && rest.IndexOf('}') < 0 && HeaderText.IsValue(rest);
    }

    private JobShapeSpec ReadProgress(YamlNode node, JobShapeSpec shape)
    {
        if (node is YamlScalar)
        {
            return shape with { ProgressPath = Path(node, "'jobs.progress'") };
        }

        if (Mapping(node, "'jobs.progress'") is not { } mapping)
        {
            return shape;
        }

        var entries = Entries(mapping, SchemaKeys.JobProgress, "'jobs.progress'");
        var path = entries.TryGetValue("path", out var pathEntry) ? Path(pathEntry.Value, "'jobs.progress.path'") : null;
        var scale = OneOf(entries, "scale", ProgressScales, "'jobs.progress.scale'");
        var pattern = OptionalString(entries, "pattern");
        if (pattern is not null)
        {
            if (!IsValidProgressPattern(pattern))
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"'{pattern}' is not a regular expression with a group capturing the percentage; write one like '(\\d+)%'.", entries["pattern"].Value.Range);
            }
            else if (scale is not null)
            {
                Error(SchemaDiagnosticIds.InvalidValue, "A progress 'pattern' reads a percentage from text, so 'scale' does not apply; remove 'scale'.", entries["scale"].Key.Range);
            }
        }

        return shape with { ProgressPath = path, ProgressFraction = scale == "fraction", ProgressPattern = pattern };
    }

    private JobShapeSpec ReadResult(YamlNode node, JobShapeSpec shape)
    {
        if (node is YamlScalar)
        {
            return shape with { ResultPath = Path(node, "'jobs.result'") };
        }

        if (Mapping(node, "'jobs.result'") is not { } mapping)
        {
            return shape;
        }

        var entries = Entries(mapping, SchemaKeys.JobResult, "'jobs.result'");
        var get = OptionalJobRoute(entries, "get", "The result route", "GET /v1/requests/{id}");
        var path = entries.TryGetValue("path", out var pathEntry) ? Path(pathEntry.Value, "'jobs.result.path'") : null;
        var decode = OneOf(entries, "decode", Decodings, "'jobs.result.decode'");

        // A result endpoint's answer is the result unless a path says where in it.
        return shape with { ResultGet = get, ResultPath = path ?? (get is not null ? "$" : null), ResultIsJsonText = decode == "json" };
    }

    private JobShapeSpec ReadJobError(YamlNode node, JobShapeSpec shape)
    {
        if (node is YamlScalar)
        {
            return shape with { ErrorPath = Path(node, "'jobs.error'") };
        }

        if (Mapping(node, "'jobs.error'") is not { } mapping)
        {
            return shape;
        }

        var entries = Entries(mapping, SchemaKeys.JobError, "'jobs.error'");
        return shape with
        {
            ErrorPath = entries.TryGetValue("path", out var pathEntry) ? Path(pathEntry.Value, "'jobs.error.path'") : null,
            ErrorCodePath = OptionalPath(entries, "codePath", "'jobs.error.codePath'"),
            ErrorFailsJob = OptionalBool(entries, "failsJob") ?? false,
        };
    }

    private JobShapeSpec ReadUrls(YamlNode node, JobShapeSpec shape)
    {
        if (Mapping(node, "'jobs.urls'") is not { } mapping)
        {
            return shape;
        }

        var entries = Entries(mapping, SchemaKeys.JobUrls, "'jobs.urls'");
        if (entries.Count == 0)
        {
            Error(SchemaDiagnosticIds.MissingKey, "'jobs.urls' names the submit answer's links: add 'get' (the URL to poll) and/or 'result' (the URL of the result), e.g. { get: status_url, result: response_url }.", mapping.Range);
        }

        return shape with
        {
            StatusUrlPath = OptionalPath(entries, "get", "'jobs.urls.get'"),
            ResultUrlPath = OptionalPath(entries, "result", "'jobs.urls.result'"),
        };
    }

    private JobShapeSpec ReadContent(YamlNode node, JobShapeSpec shape)
    {
        if (Mapping(node, "'jobs.content'") is not { } mapping)
        {
            return shape;
        }

        var entries = Entries(mapping, SchemaKeys.JobContent, "'jobs.content'");
        Required(entries, mapping, "get", "'jobs.content'");
        var get = OptionalJobRoute(entries, "get", "The content route", "GET /v1/videos/{id}/content");
        var query = OptionalString(entries, "variantQuery");
        var variants = new List<string>();
        if (entries.TryGetValue("variants", out var variantsEntry))
        {
            if (variantsEntry.Value is YamlSequence sequence && sequence.Items.Count > 0)
            {
                foreach (var item in sequence.Items)
                {
                    if (ScalarText(item, "an item of 'jobs.content.variants'") is { } variant)
                    {
                        variants.Add(variant);
                    }
                }
            }
            else
            {
                Error(SchemaDiagnosticIds.WrongValueKind, "'jobs.content.variants' must be a non-empty list of variant names, main output first, e.g. [video, thumbnail].", variantsEntry.Value.Range);
            }
        }

        if (query is null != (variants.Count == 0) && entries.TryGetValue(query is null ? "variants" : "variantQuery", out var lonely))
        {
            Error(SchemaDiagnosticIds.InvalidValue, "'variantQuery' (the query parameter that picks a variant) and 'variants' (its values) go together; add the other one or remove this one.", lonely.Key.Range);
        }

        return shape with { ContentGet = get, ContentVariantQuery = query, ContentVariants = EquatableArray.From(variants) };
    }

    private EnvelopeSpec? ReadEnvelope(YamlNode node)
    {
        if (Mapping(node, "'api.envelope'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Envelope, "'api.envelope'");
        var code = Required(entries, mapping, "codePath", "'api.envelope'") is { } codeNode ? Path(codeNode, "'envelope.codePath'") : null;
        var success = new List<string>();
        if (Required(entries, mapping, "success", "'api.envelope'") is { } successNode)
        {
            if (successNode is YamlSequence sequence && sequence.Items.Count > 0)
            {
                foreach (var item in sequence.Items)
                {
                    if (ScalarText(item, "an item of 'envelope.success'") is { } value)
                    {
                        success.Add(value);
                    }
                }
            }
            else
            {
                Error(SchemaDiagnosticIds.WrongValueKind, "'envelope.success' must be a non-empty list of the codes that mean success, e.g. [200].", successNode.Range);
            }
        }

        var messages = entries.TryGetValue("messagePath", out var messageEntry) ? PathList(messageEntry.Value, "'envelope.messagePath'") : EquatableArray<string>.Empty;
        return code is null || success.Count == 0 ? null : new EnvelopeSpec(code, EquatableArray.From(success), messages);
    }

    private ErrorsSpec? ReadErrors(YamlNode node)
    {
        if (Mapping(node, "'api.errors'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Errors, "'api.errors'");
        var messages = Required(entries, mapping, "messagePath", "'api.errors'") is { } messageNode ? PathList(messageNode, "'errors.messagePath'") : EquatableArray<string>.Empty;
        return messages.Count == 0 ? null : new ErrorsSpec(messages, OptionalPath(entries, "codePath", "'errors.codePath'"));
    }

    private EquatableArray<string> StatusList(Dictionary<string, Entry> entries, string key, string[] fallback, bool httpCodes)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return EquatableArray.From(fallback);
        }

        if (entry.Value is not YamlSequence sequence)
        {
            Error(SchemaDiagnosticIds.WrongValueKind, $"'jobs.{key}' must be a list of status strings, e.g. [QUEUED, PROCESSING], but this is {entry.Value.KindName}.", entry.Value.Range);
            return EquatableArray<string>.Empty;
        }

        var statuses = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (ScalarText(item, $"an item of 'jobs.{key}'") is not { } status)
            {
                continue;
            }

            if (httpCodes && !(int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 200 and <= 299))
            {
                // Any other status is an error answer, typed by the runtime (404 not found, 5xx server error), never a job status.
                Error(SchemaDiagnosticIds.InvalidValue, $"With 'statusFrom: httpStatus' a status is the poll's HTTP status code, from 200 to 299; '{status}' is not one.", item.Range);
                continue;
            }

            statuses.Add(status);
        }

        return EquatableArray.From(statuses);
    }

    private Route? OptionalJobRoute(Dictionary<string, Entry> entries, string key, string what, string example)
    {
        return entries.TryGetValue(key, out var entry) && ReadGetRoute(entry, what, example) is { } route && CheckJobRoute(route, entry.Value.Range, what, example)
            ? route
            : null;
    }

    /// <summary>A route that is read (<c>GET …</c>), written as one value; a malformed route or another method is PG0013 where it is written.</summary>
    private Route? ReadGetRoute(Entry entry, string what, string example)
    {
        if (ScalarText(entry.Value, $"'{entry.Key.Value}'") is not { } text)
        {
            return null;
        }

        if (RouteParser.TryParse(text) is not { } route)
        {
            Error(SchemaDiagnosticIds.MalformedRoute, $"'{text}' is not a route; write the HTTP method, one space and the path, e.g. '{example}'.", entry.Value.Range);
            return null;
        }

        if (route.Method != "GET")
        {
            Error(SchemaDiagnosticIds.MalformedRoute, $"{what} is read, so its method is GET (was {route.Method}); write it like '{example}'.", entry.Value.Range);
            return null;
        }

        return route;
    }

    /// <summary>Checks that a job route names the job by <c>{id}</c> or <c>{+id}</c> and by nothing else the runtime cannot fill.</summary>
    private bool CheckJobRoute(Route route, SourceRange range, string what, string example)
    {
        var ok = true;
        var hasId = false;
        foreach (Match placeholder in Regex.Matches(route.Path, @"\{([^{}]*)\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            var name = placeholder.Groups[1].Value;
            if (name is "id" or "+id")
            {
                hasId = true;
                continue;
            }

            Error(SchemaDiagnosticIds.MalformedRoute, $"{what} '{route}' holds '{{{name}}}', but a job route is filled with the job's id only: '{{id}}' (escaped) or '{{+id}}' (an id that holds '/').", range);
            ok = false;
        }

        if (!hasId)
        {
            Error(SchemaDiagnosticIds.MalformedRoute, $"{what} '{route}' has no '{{id}}' placeholder; write it like '{example}'.", range);
            ok = false;
        }

        var query = route.Path.IndexOf('?');
        if (query >= 0 && route.Path.IndexOf("{+id}", query, StringComparison.Ordinal) >= 0)
        {
            Error(SchemaDiagnosticIds.MalformedRoute, $"{what} '{route}' puts '{{+id}}' in its query string, where the id is always escaped; write '{{id}}' there.", range);
            ok = false;
        }

        return ok;
    }

    private string? OptionalPath(Dictionary<string, Entry> entries, string key, string what)
        => entries.TryGetValue(key, out var entry) ? Path(entry.Value, what) : null;

    private string? Path(YamlNode node, string what)
    {
        if (ScalarText(node, what) is not { } text)
        {
            return null;
        }

        if (!ResponsePathSyntax.IsValid(text))
        {
            Error(SchemaDiagnosticIds.MalformedResponsePath, $"'{Truncate(text)}' is not a path into the answer; {ResponsePathSyntax.Hint}.", node.Range);
            return null;
        }

        return text;
    }

    private EquatableArray<string> PathList(YamlNode node, string what)
    {
        var paths = new List<string>();
        if (node is YamlSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (Path(item, $"an item of {what}") is { } path)
                {
                    paths.Add(path);
                }
            }
        }
        else if (Path(node, what) is { } path)
        {
            paths.Add(path);
        }

        return EquatableArray.From(paths);
    }

    private string? OneOf(Dictionary<string, Entry> entries, string key, string[] values, string what)
    {
        if (OptionalString(entries, key) is not { } text)
        {
            return null;
        }

        if (Array.IndexOf(values, text) >= 0)
        {
            return text;
        }

        var guess = DidYouMean.Suggest(text, values) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;
        Error(SchemaDiagnosticIds.InvalidValue, $"{Capitalise(what)} is '{Truncate(text)}', which is not one of {string.Join(", ", values)}.{guess}", entries[key].Value.Range);
        return null;
    }

    private static bool IsValidProgressPattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).GetGroupNumbers().Length > 1;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
    /// <summary>An endpoint's own job routes, for APIs whose job routes differ per endpoint or model (fal's <c>/{+app}/requests/{id}/status</c>).</summary>
    private (Route? Get, Route? Result) ReadEndpointJobs(YamlNode node, string endpoint)
    {
        if (Mapping(node, $"the jobs of endpoint '{endpoint}'") is not { } mapping)
        {
            return (null, null);
        }

        var entries = Entries(mapping, SchemaKeys.EndpointJobs, $"the jobs of endpoint '{endpoint}'");
        if (entries.Count == 0)
        {
            Error(SchemaDiagnosticIds.MissingKey, $"The jobs of endpoint '{endpoint}' name its own job routes: add 'get' (and/or 'result'), e.g. {{ get: \"GET /{{+app}}/requests/{{id}}/status\" }}.", mapping.Range);
        }

        return (EndpointJobRoute(entries, "get", endpoint), EndpointJobRoute(entries, "result", endpoint));
    }

    private Route? EndpointJobRoute(Dictionary<string, Entry> entries, string key, string endpoint)
    {
        if (!entries.TryGetValue(key, out var entry) || ReadGetRoute(entry, $"A job route of endpoint '{endpoint}'", "GET /{+app}/requests/{id}/status") is not { } route)
        {
            return null;
        }

        var range = entry.Value.Range;

        if (RouteTemplate.TryParse(route.Path, out var problem) is not { } placeholders)
        {
            Error(SchemaDiagnosticIds.MalformedRoute, $"The job route '{route}' of endpoint '{endpoint}' cannot be expanded: {problem}.", range);
            return null;
        }

        if (!placeholders.Exists(p => p.Name == "id"))
        {
            Error(SchemaDiagnosticIds.MalformedRoute, $"The job route '{route}' of endpoint '{endpoint}' has no '{{id}}' placeholder for the job's id; the others ('{{model}}', route params) are filled from each model.", range);
            return null;
        }

        return route;
    }

    /// <summary>The model's own job paths: its endpoint's job routes with the model's values put in, the job's <c>{id}</c> (or <c>{+id}</c>) kept for the runtime.</summary>
    private (string? Get, string? Result) ExpandJobRoutes(Dictionary<string, Entry> entries, string id, EndpointSpec endpoint)
    {
        if (endpoint.JobGet is null && endpoint.JobResult is null)
        {
            return (null, null);
        }

        // The values were checked against every route of the endpoint by ReadRouteParams; here they are only read.
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [RouteTemplate.ModelPlaceholder] = id, ["id"] = IdSentinel };
        if (entries.TryGetValue("routeParams", out var routeEntry) && routeEntry.Value is YamlMapping mapping)
        {
            foreach (var pair in mapping.Entries)
            {
                if (pair.Value is YamlScalar scalar)
                {
                    values[pair.Key.Value] = scalar.Value;
                }
            }
        }

        return (Expand(endpoint.JobGet), Expand(endpoint.JobResult));

        string? Expand(Route? route)
        {
            if (route is null || RouteTemplate.TryParse(route.Path, out _) is not { } placeholders || placeholders.Exists(p => !values.ContainsKey(p.Name)))
            {
                return null;
            }

            var reservedId = placeholders.Exists(p => p.Name == "id" && p.Reserved);
            return RouteTemplate.Expand(route.Path, values).Replace(IdSentinel, reservedId ? "{+id}" : "{id}");
        }
    }

    // Letters only, so neither escaping changes it; it stands for the job id while the model's values go in.
    private const string IdSentinel = "ProducerGenJobIdPlaceholder";
}
