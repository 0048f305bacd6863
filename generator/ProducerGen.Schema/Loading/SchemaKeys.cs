using System.Collections.Generic;

namespace ProducerGen.Schema.Loading;

/// <summary>
/// Every key of format version 1, by section. The loader rejects anything else; a test checks
/// that schemas/producergen.schema.json declares exactly these keys.
/// </summary>
public static class SchemaKeys
{
    /// <summary>The current (and only) format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>Top-level keys.</summary>
    public static IReadOnlyList<string> Root { get; } = new[] { "producergen", "api", "endpoints", "models", "types", "resources", "operations" };

    /// <summary>Keys of <c>api:</c>.</summary>
    public static IReadOnlyList<string> Api { get; } = new[] { "name", "namespace", "baseUrl", "auth", "idempotency", "headers", "envelope", "errors", "jobs", "webhooks" };

    /// <summary>Keys of <c>api.auth:</c>.</summary>
    public static IReadOnlyList<string> Auth { get; } = new[] { "header", "prefix", "env" };

    /// <summary>Keys of <c>api.idempotency:</c>.</summary>
    public static IReadOnlyList<string> Idempotency { get; } = new[] { "header", "maxLength" };

    /// <summary>Keys of <c>api.jobs:</c>.</summary>
    public static IReadOnlyList<string> Jobs { get; } = new[]
    {
        "get", "idField", "idPath", "statusPath", "statusFrom", "pending", "succeeded", "failed",
        "progress", "result", "error", "urls", "content", "modelPath", "createdAtPath", "completedAtPath", "hold",
    };

    /// <summary>Keys of <c>api.jobs.hold:</c>.</summary>
    public static IReadOnlyList<string> JobHold { get; } = new[] { "header", "value", "max" };

    /// <summary>Keys of <c>api.jobs.progress:</c> written as a mapping.</summary>
    public static IReadOnlyList<string> JobProgress { get; } = new[] { "path", "scale", "pattern" };

    /// <summary>Keys of <c>api.jobs.result:</c> written as a mapping.</summary>
    public static IReadOnlyList<string> JobResult { get; } = new[] { "path", "decode", "get" };

    /// <summary>Keys of <c>api.jobs.error:</c> written as a mapping.</summary>
    public static IReadOnlyList<string> JobError { get; } = new[] { "path", "codePath", "failsJob" };

    /// <summary>Keys of <c>api.jobs.urls:</c>.</summary>
    public static IReadOnlyList<string> JobUrls { get; } = new[] { "get", "result" };

    /// <summary>Keys of <c>api.jobs.content:</c>.</summary>
    public static IReadOnlyList<string> JobContent { get; } = new[] { "get", "variantQuery", "variants" };

    /// <summary>Keys of <c>api.envelope:</c>.</summary>
    public static IReadOnlyList<string> Envelope { get; } = new[] { "codePath", "success", "messagePath" };

    /// <summary>Keys of <c>api.errors:</c>.</summary>
    public static IReadOnlyList<string> Errors { get; } = new[] { "messagePath", "codePath" };

    /// <summary>Keys of <c>api.webhooks:</c>.</summary>
    public static IReadOnlyList<string> Webhooks { get; } = new[] { "scheme", "signatureHeader", "eventHeader", "secretEnv", "tolerance", "timestampKey", "signatureKey", "urlMember" };

    /// <summary>Keys of an endpoint.</summary>
    public static IReadOnlyList<string> Endpoint { get; } = new[] { "request", "bodyLayout", "paramsKey", "modelMember", "encoding", "jobs", "fields", "result", "description" };

    /// <summary>Keys of an endpoint's own <c>jobs:</c> (routes that differ from the API's).</summary>
    public static IReadOnlyList<string> EndpointJobs { get; } = new[] { "get", "result" };

    /// <summary>Keys of a model.</summary>
    public static IReadOnlyList<string> Model { get; } = new[] { "endpoint", "paramsKey", "routeParams", "summary", "description", "averageCompletion", "deprecated", "paramsRequired", "fields", "params" };

    /// <summary>Keys of a model's override of one of its endpoint's fields (<c>models.&lt;m&gt;.fields.&lt;field&gt;</c>): everything but the type.</summary>
    public static IReadOnlyList<string> FieldOverride { get; } = new[]
    {
        "required", "default", "description", "deprecated",
        "minLength", "maxLength", "pattern",
        "min", "max", "step",
        "minItems", "maxItems",
    };

    /// <summary>Keys of a member (field, param, property, array items).</summary>
    public static IReadOnlyList<string> Member { get; } = new[]
    {
        "type", "required", "nullable", "default", "description", "deprecated", "in",
        "minLength", "maxLength", "pattern", "format", "enum",
        "min", "max", "step",
        "items", "minItems", "maxItems",
        "properties", "maxBytes", "accept", "maxTotalBytes", "style",
    };

    /// <summary>The <c>type:</c> values.</summary>
    public static IReadOnlyList<string> Types { get; } = new[] { "string", "integer", "number", "boolean", "url", "array", "object", "file", "json" };

    /// <summary>The <c>format:</c> values of a string, in <see cref="Model.MemberFormat"/> order (after <c>None</c>).</summary>
    public static IReadOnlyList<string> Formats { get; } = new[] { "uuid", "date-time", "uri", "email" };

    /// <summary>The <c>bodyLayout:</c> values, in <see cref="Model.BodyLayout"/> order.</summary>
    public static IReadOnlyList<string> BodyLayouts { get; } = new[] { "nested", "flat" };

    /// <summary>The <c>encoding:</c> values, in <see cref="Model.BodyEncoding"/> order.</summary>
    public static IReadOnlyList<string> Encodings { get; } = new[] { "json", "multipart" };

    /// <summary>Keys of an operation (<c>operations.&lt;key&gt;</c>).</summary>
    public static IReadOnlyList<string> Operation { get; } = new[]
    {
        "group", "name", "request", "description", "auth", "idempotency", "retry", "encoding", "params", "fields", "success",
        "response", "paginate", "resource", "job", "discriminator", "variants", "emulate",
    };

    /// <summary>Keys of an operation's <c>response:</c> written as a mapping.</summary>
    public static IReadOnlyList<string> Response { get; } = new[] { "type", "path", "list" };

    /// <summary>Keys of an operation's <c>paginate:</c>.</summary>
    public static IReadOnlyList<string> Paginate { get; } = new[] { "items", "cursorParam", "nextCursor", "hasMore", "limitParam", "minLimit", "maxLimit", "defaultLimit" };

    /// <summary>Keys of an operation's <c>emulate:</c> written as a mapping.</summary>
    public static IReadOnlyList<string> Emulate { get; } = new[] { "role", "filter", "groups" };

    /// <summary>Keys of a resource (<c>resources.&lt;key&gt;</c>).</summary>
    public static IReadOnlyList<string> Resource { get; } = new[] { "get", "idPath", "statusPath", "pending", "succeeded", "failed", "error", "type" };

    /// <summary>Keys of a named answer type (<c>types.&lt;Name&gt;</c>).</summary>
    public static IReadOnlyList<string> TypeDeclaration { get; } = new[] { "description", "properties" };

    /// <summary>The <c>auth:</c> values of an operation.</summary>
    public static IReadOnlyList<string> OperationAuth { get; } = new[] { "key", "none" };

    /// <summary>The <c>retry:</c> values, in <see cref="Model.OperationRetry"/> order.</summary>
    public static IReadOnlyList<string> Retries { get; } = new[] { "default", "idempotent", "safe-only" };

    /// <summary>The <c>emulate:</c> roles, in <see cref="Model.EmulationRole"/> order.</summary>
    public static IReadOnlyList<string> EmulationRoles { get; } = new[] { "default", "account", "catalog", "job-list", "upload", "store", "fetch", "resource-list", "resource-delete" };

    /// <summary>The <c>style:</c> values of an array.</summary>
    public static IReadOnlyList<string> ArrayStyles { get; } = new[] { "repeat", "csv" };

    /// <summary>The <c>modelMember:</c> value that means "the body names no model".</summary>
    public const string NoModelMember = "none";
}
