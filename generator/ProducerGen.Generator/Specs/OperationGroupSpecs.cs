using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Specs;

/// <summary>One file of an operation group: the group's class (or its part of a model's class) and its request types.</summary>
/// <param name="FileName">The file name, without extension.</param>
/// <param name="Group">The class and its methods.</param>
/// <param name="Types">The request records, variant bases and their enums and objects.</param>
/// <param name="VariantBases">Abstract bases of variant requests.</param>
internal sealed record OperationGroupFileSpec(string FileName, OperationGroupSpec Group, EquatableArray<TypeDeclaration> Types, EquatableArray<VariantBaseSpec> VariantBases);

/// <summary>Where a group's methods live.</summary>
internal enum GroupKind
{
    /// <summary>A class of its own, a client property.</summary>
    Own,

    /// <summary>A part of a model's operations class (the group is named like the model's property).</summary>
    Model,

    /// <summary>A class deriving from the runtime's JobsClient, the client's <c>Jobs</c>.</summary>
    Jobs,
}

/// <summary>A group's class.</summary>
/// <param name="ClassName">The class.</param>
/// <param name="PropertyName">The client property.</param>
/// <param name="Kind">Where the methods live.</param>
/// <param name="Methods">Its operations, in file order.</param>
/// <param name="Resources">The resources its operations create (descriptions and resume methods).</param>
internal sealed record OperationGroupSpec(string ClassName, string PropertyName, GroupKind Kind, EquatableArray<OperationMethodSpec> Methods, EquatableArray<ResourceMethodSpec> Resources);

/// <summary>What an operation method returns.</summary>
internal enum MethodReturn
{
    /// <summary>A plain task (204).</summary>
    None,

    /// <summary>A JSON element.</summary>
    Json,

    /// <summary>One answer type.</summary>
    Value,

    /// <summary>A list of an answer type.</summary>
    List,

    /// <summary>An async pageable of an answer type.</summary>
    Pageable,

    /// <summary>A resource operation.</summary>
    Resource,

    /// <summary>A job handle.</summary>
    Job,
}

/// <summary>One operation method.</summary>
/// <param name="Key">The operation's key.</param>
/// <param name="MethodName">The method, with <c>Async</c>.</param>
/// <param name="DescriptionName">The static property holding its description.</param>
/// <param name="Summary">Its doc text.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The route path.</param>
/// <param name="Authenticated">Whether the key is sent.</param>
/// <param name="Idempotency">Whether an idempotency key is sent.</param>
/// <param name="Retry">How it may be retried.</param>
/// <param name="Success">Its 2xx codes; empty for any.</param>
/// <param name="PathParams">Its path parameters.</param>
/// <param name="RequestType">The request record (or variant base), or null when it has no fields.</param>
/// <param name="RequestOptional">Whether the request may be omitted (no required member).</param>
/// <param name="Return">What it returns.</param>
/// <param name="ValueType">The answer type (item type of lists and pages), or null.</param>
/// <param name="ResponsePath">Where the value is in the answer.</param>
/// <param name="Paginate">Its pagination, or null.</param>
/// <param name="ResourceName">The resource description property, or null.</param>
/// <param name="JobModelId">The model whose job it creates, or null.</param>
/// <param name="Shortcut">The request's constructor parameters, for an overload taking them directly (every member is required), or empty.</param>
internal sealed record OperationMethodSpec(
    string Key,
    string MethodName,
    string DescriptionName,
    string Summary,
    string Method,
    string Path,
    bool Authenticated,
    bool Idempotency,
    OperationRetry Retry,
    EquatableArray<int> Success,
    EquatableArray<PathParameterSpec> PathParams,
    string? RequestType,
    bool RequestOptional,
    MethodReturn Return,
    string? ValueType,
    string ResponsePath,
    PaginationSpec? Paginate,
    string? ResourceName,
    string? JobModelId,
    EquatableArray<ShortcutParameterSpec> Shortcut = default);

/// <summary>A parameter of the overload that builds the request itself (<c>client.Uploads.CreateAsync(file)</c>).</summary>
/// <param name="Type">Its C# type.</param>
/// <param name="Name">The C# parameter, as the request's constructor names it.</param>
/// <param name="Summary">Its doc text.</param>
internal sealed record ShortcutParameterSpec(string Type, string Name, string Summary);

/// <summary>A path parameter of a method.</summary>
/// <param name="WireName">The placeholder's name.</param>
/// <param name="ParameterName">The C# parameter.</param>
/// <param name="Integer">Whether it is an integer (else a string).</param>
internal sealed record PathParameterSpec(string WireName, string ParameterName, bool Integer);

/// <summary>A resource a group's operation creates: its description and the method that resumes waiting for one by id.</summary>
/// <param name="Key">The resource's key.</param>
/// <param name="PropertyName">The static description property.</param>
/// <param name="ValueType">The answer type it is read as.</param>
/// <param name="Resource">The resource.</param>
internal sealed record ResourceMethodSpec(string Key, string PropertyName, string ValueType, ResourceSpec Resource);

/// <summary>The abstract base of an operation's variant requests.</summary>
/// <param name="Name">The base record.</param>
/// <param name="Summary">Its doc text.</param>
/// <param name="Variants">The variant records, in order.</param>
internal sealed record VariantBaseSpec(string Name, string Summary, EquatableArray<string> Variants);

/// <summary>One answer type's file: the type and the classes of its object members.</summary>
/// <param name="FileName">The file name, without extension.</param>
/// <param name="Root">The type.</param>
/// <param name="Objects">Its nested object types.</param>
internal sealed record AnswerTypeFileSpec(string FileName, ResultObjectSpec Root, EquatableArray<ResultObjectSpec> Objects);

/// <summary>A group as the client sees it: a property (or the client's Jobs) of the group's class.</summary>
/// <param name="PropertyName">The property.</param>
/// <param name="ClassName">The class.</param>
/// <param name="Kind">Own class or Jobs (model groups add no property).</param>
internal sealed record ClientGroupSpec(string PropertyName, string ClassName, GroupKind Kind);
