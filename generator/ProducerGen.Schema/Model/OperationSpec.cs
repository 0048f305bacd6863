using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Schema.Model;

/// <summary>
/// A call that is not a generate endpoint (<c>operations.&lt;key&gt;</c>): the account, a catalog, a listing, an upload, a
/// long-running resource, a follow-up action. Its C# place is <c>client.&lt;Group&gt;.&lt;Name&gt;Async</c>.
/// </summary>
/// <param name="Key">The key under <c>operations:</c>; it only locates diagnostics.</param>
/// <param name="Group">The sub-client (<c>Loras</c>, <c>Jobs</c>, or a model's property to add a method to it).</param>
/// <param name="Name">The method name without <c>Async</c> (<c>Get</c>, <c>List</c>, <c>Create</c>).</param>
/// <param name="Request">Method and route; <c>{name}</c> placeholders are path parameters, in order.</param>
/// <param name="PathParams">The path parameters, in route order (typed by <c>params:</c>, else strings).</param>
/// <param name="Fields">Body members and <c>in: query</c> members.</param>
/// <param name="Description">Doc text, or null.</param>
/// <param name="Authenticated">False for <c>auth: none</c>: the key is not sent.</param>
/// <param name="Idempotency">Whether the call sends the API's idempotency key.</param>
/// <param name="Retry">How the call may be retried.</param>
/// <param name="Encoding">How the body is sent.</param>
/// <param name="Success">The 2xx codes the call answers; empty for any 2xx.</param>
/// <param name="Response">What the answer is read as.</param>
/// <param name="Paginate">Cursor pagination, or null.</param>
/// <param name="Resource">The <c>resources:</c> key of the long-running resource this call creates, or null.</param>
/// <param name="JobModel">The model whose job this call creates (a follow-up action), or null.</param>
/// <param name="Discriminator">The body member that names the variant, or null.</param>
/// <param name="Variants">The body shapes, each with its own members (after <see cref="Fields"/>).</param>
/// <param name="Emulate">How the emulator serves the call.</param>
/// <param name="KeyRange">Where the key is written.</param>
public sealed record OperationSpec(
    string Key,
    string Group,
    string Name,
    Route Request,
    EquatableArray<MemberSpec> PathParams,
    EquatableArray<MemberSpec> Fields,
    string? Description,
    bool Authenticated,
    bool Idempotency,
    OperationRetry Retry,
    BodyEncoding Encoding,
    EquatableArray<int> Success,
    ResponseSpec Response,
    PaginationSpec? Paginate,
    string? Resource,
    string? JobModel,
    string? Discriminator,
    EquatableArray<VariantSpec> Variants,
    EmulationSpec Emulate,
    SourceRange KeyRange = default);

/// <summary>How an operation may be retried (<c>retry:</c>).</summary>
public enum OperationRetry
{
    /// <summary>GET, HEAD, PUT, DELETE and OPTIONS are retried; other methods only with an idempotency key.</summary>
    Default,

    /// <summary>Always safe to replay.</summary>
    Idempotent,

    /// <summary>Replayed only where the server cannot have acted.</summary>
    SafeOnly,
}

/// <summary>What an operation's answer is read as (<c>response:</c>).</summary>
/// <param name="Kind">A named type, opaque JSON, or nothing.</param>
/// <param name="TypeName">The <c>types:</c> key for <see cref="ResponseKind.Type"/>, else null.</param>
/// <param name="Path">Where in the body the value is (<c>$</c> for the whole body).</param>
/// <param name="IsList">Whether the value at <see cref="Path"/> is a list of <see cref="TypeName"/>.</param>
public sealed record ResponseSpec(ResponseKind Kind, string? TypeName = null, string Path = "$", bool IsList = false)
{
    /// <summary>An answer with no body (204).</summary>
    public static ResponseSpec None { get; } = new(ResponseKind.None);
}

/// <summary>The kinds of <see cref="ResponseSpec"/>.</summary>
public enum ResponseKind
{
    /// <summary>No body: the method returns a plain task.</summary>
    None,

    /// <summary>A named type of <c>types:</c>.</summary>
    Type,

    /// <summary>Opaque JSON, returned as a JSON element.</summary>
    Json,
}

/// <summary>Cursor pagination of a listing (<c>paginate:</c>).</summary>
/// <param name="ItemsPath">The path of the page's items.</param>
/// <param name="CursorParam">The query parameter that carries the cursor in.</param>
/// <param name="NextCursorPath">The path of the next page's cursor.</param>
/// <param name="HasMorePath">The path of a "more pages" flag, or null.</param>
/// <param name="LimitParam">The query parameter of the page size, or null.</param>
/// <param name="MinLimit">The smallest page size, or null.</param>
/// <param name="MaxLimit">The largest page size, or null.</param>
/// <param name="DefaultLimit">The page size the server uses when none is sent, or null.</param>
public sealed record PaginationSpec(
    string ItemsPath,
    string CursorParam,
    string NextCursorPath,
    string? HasMorePath,
    string? LimitParam,
    int? MinLimit,
    int? MaxLimit,
    int? DefaultLimit);

/// <summary>One body shape of an operation with a discriminator (a follow-up action kind).</summary>
/// <param name="Value">The discriminator's wire value.</param>
/// <param name="CSharpName">The C# name of the value.</param>
/// <param name="Members">The variant's own members.</param>
/// <param name="Range">Where the value is written.</param>
public sealed record VariantSpec(string Value, string CSharpName, EquatableArray<MemberSpec> Members, SourceRange Range = default);

/// <summary>How the emulator serves an operation (<c>emulate:</c>).</summary>
/// <param name="Role">What the call does, for the emulator.</param>
/// <param name="Filter">For a catalog: the query field that filters it, or null.</param>
/// <param name="Groups">For a catalog: the filter value of each endpoint's models.</param>
public sealed record EmulationSpec(EmulationRole Role, string? Filter = null, EquatableArray<KeyValue> Groups = default)
{
    /// <summary>Answers built from the response type.</summary>
    public static EmulationSpec Default { get; } = new(EmulationRole.Default);
}

/// <summary>A key and its value, kept in schema order.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
public sealed record KeyValue(string Key, string Value);

/// <summary>The behaviours the emulator knows (<c>emulate:</c> values, in order).</summary>
public enum EmulationRole
{
    /// <summary>Inferred: a resource create/get, a follow-up action, or an answer built from the response type.</summary>
    Default,

    /// <summary>The caller's account, with the emulated credit balance.</summary>
    Account,

    /// <summary>The catalog of the schema's models.</summary>
    Catalog,

    /// <summary>The caller's jobs, newest first, with filters and cursors.</summary>
    JobList,

    /// <summary>Stores the uploaded file and serves it back at its URL.</summary>
    Upload,

    /// <summary>Stores the body and answers a new id.</summary>
    Store,

    /// <summary>Answers what <see cref="Store"/> stored, by id.</summary>
    Fetch,

    /// <summary>Lists a resource's items.</summary>
    ResourceList,

    /// <summary>Archives a resource item.</summary>
    ResourceDelete,
}
