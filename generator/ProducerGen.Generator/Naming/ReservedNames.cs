using System;
using System.Collections.Generic;

namespace ProducerGen.Generator.Naming;

/// <summary>
/// The one table of names the generated code uses for itself, per declaration space. A schema name that maps onto
/// one of them gets a fixed suffix (<see cref="MemberSuffix"/>, <see cref="ModelSuffix"/>); the tables never depend on
/// the schema, so the rule is stable. Names that clash with other schema names are PG0011 instead.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Appended to a member whose C# name is reserved in its type (<c>params</c> → <c>ParamsValue</c>).</summary>
    public const string MemberSuffix = "Value";

    /// <summary>Appended to a model whose C# name is reserved in the client (<c>jobs</c> → <c>JobsModel</c>).</summary>
    public const string ModelSuffix = "Model";

    /// <summary>Appended to an enum or object type named like one of its owner's own types (<c>ProducerRequest</c>).</summary>
    public const string TypeSuffix = "Value";

    /// <summary>
    /// Members of every generated record and result class: what C# synthesizes for records (<c>EqualityContract</c>,
    /// <c>PrintMembers</c>, <c>Clone</c> is disallowed), what <see cref="object"/> declares, what the generator adds
    /// (<c>Validate</c>, <c>ValidateInto</c>, <c>WriteJson</c>, a multipart request's <c>WriteMultipart</c>, a request's <c>Params</c>) and what the runtime's
    /// result base declares (<c>Job</c>, <c>OutputUrls</c>, <c>Expired</c>). <c>Model</c> and <c>Deconstruct</c> have
    /// been reserved since the first release and stay so names never change.
    /// </summary>
    public static readonly IReadOnlyCollection<string> TypeMembers = Set(
        "Validate", "ValidateInto", "WriteJson", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone",
        "Finalize", "EqualityContract", "PrintMembers", "Deconstruct", "Clone", "Params", "Model", "Job", "OutputUrls", "Expired",
        "WriteMultipart");

    /// <summary>
    /// Members of an answer type (<c>types:</c>) and its objects: a plain class, so only what <see cref="object"/> declares
    /// and the reader it declares (<c>Read</c>). A member named <c>model</c> or <c>job</c> keeps its name there.
    /// </summary>
    public static readonly IReadOnlyCollection<string> AnswerTypeMembers = Set(
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Read");

    /// <summary>
    /// Members of an operation's request record: what C# synthesizes for records, what <see cref="object"/> declares and what
    /// the generator adds. It has no params block, model or job, so a field named <c>model</c> keeps its name.
    /// </summary>
    public static readonly IReadOnlyCollection<string> OperationRequestMembers = Set(
        "Validate", "ValidateInto", "WriteJson", "WriteMultipart", "WriteQuery", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "EqualityContract", "PrintMembers", "Deconstruct", "Clone");

    /// <summary>Members of a result's object types besides <see cref="TypeMembers"/>: the reader they declare.</summary>
    public static readonly IReadOnlyCollection<string> ResultObjectMembers = Set("Read");

    /// <summary>Members of the generated client (and a few kept from the first release: <c>Options</c>, <c>Api</c>).</summary>
    public static readonly IReadOnlyCollection<string> ClientMembers = Set(
        "Jobs", "Runtime", "Dispose", "Description", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone",
        "Finalize", "Options", "Api");

    /// <summary>Locals of a model factory's result method, so no parameter named after a result member takes them.</summary>
    public const string FactoryJobLocal = "completed";

    /// <summary>The model factory's local holding what the job's result JSON says.</summary>
    public const string FactoryReadLocal = "read";

    /// <summary>Constructor parameters the generator adds itself: a request's params block.</summary>
    public const string ParamsParameter = "@params";

    /// <summary>Private fields a request declares for itself.</summary>
    public static readonly IReadOnlyCollection<string> RequestFields = Set("s_model", "s_modelId", "s_params");

    /// <summary>
    /// Namespaces whose types the generated code names: generating into one of them would declare types beside (and
    /// in conflict with) theirs.
    /// </summary>
    public static readonly IReadOnlyCollection<string> Namespaces = Set(
        "ProducerGen", "ProducerGen.Internal", "System", "System.CodeDom.Compiler", "System.Collections.Generic",
        "System.Globalization", "System.Net.Http", "System.Text.Json", "System.Threading", "System.Threading.Tasks",
        "Microsoft.Extensions.DependencyInjection");

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
