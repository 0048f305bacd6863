using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Schema.Model;

/// <summary>
/// A long-running resource that is not a job (<c>resources.&lt;key&gt;</c>, a LoRA training): created by an operation with
/// <c>resource:</c>, waited on by polling <see cref="Get"/> until its status is succeeded or failed.
/// </summary>
/// <param name="Key">The key under <c>resources:</c>.</param>
/// <param name="Get">The status route, with one <c>{id}</c> placeholder.</param>
/// <param name="IdPath">The path of the id in the create answer and the status answers.</param>
/// <param name="StatusPath">The path of the status.</param>
/// <param name="Pending">Statuses that mean "not finished".</param>
/// <param name="Succeeded">Statuses that mean "ready".</param>
/// <param name="Failed">Statuses that mean "failed".</param>
/// <param name="ErrorPath">The path of the failure message, or null.</param>
/// <param name="TypeName">The <c>types:</c> key the status answer is read as.</param>
/// <param name="KeyRange">Where the key is written.</param>
public sealed record ResourceSpec(
    string Key,
    Route Get,
    string IdPath,
    string StatusPath,
    EquatableArray<string> Pending,
    EquatableArray<string> Succeeded,
    EquatableArray<string> Failed,
    string? ErrorPath,
    string TypeName,
    SourceRange KeyRange = default);

/// <summary>A named object type of answers (<c>types.&lt;Name&gt;</c>), shared by operations, pages and resources.</summary>
/// <param name="Name">The key, which is also its C# name (after the naming pass).</param>
/// <param name="Properties">Its members (the grammar of a result member, plus <c>type: json</c>).</param>
/// <param name="Description">Doc text, or null.</param>
/// <param name="KeyRange">Where the key is written.</param>
public sealed record ResponseTypeSpec(string Name, EquatableArray<MemberSpec> Properties, string? Description, SourceRange KeyRange = default);
