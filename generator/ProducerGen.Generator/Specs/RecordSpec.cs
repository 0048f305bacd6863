using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Specs;

/// <summary>A writable request-side record: a model's request, its params, or a nested object.</summary>
/// <param name="Name">The record's C# name.</param>
/// <param name="Summary">Its XML doc summary (plain text).</param>
/// <param name="Properties">Its properties in schema order.</param>
/// <param name="PathPrefix">The literal JSON-path prefix of its members (<c>producerParams.</c>), or null when the path is passed in at run time.</param>
/// <param name="Request">The parts only a model's request has, or null.</param>
/// <param name="BaseType">The abstract base a variant request derives from, or null.</param>
internal sealed record RecordSpec(
    string Name,
    string Summary,
    EquatableArray<PropertySpec> Properties,
    string? PathPrefix,
    RequestPartSpec? Request,
    string? BaseType = null);

/// <summary>What a model's request adds to a record: the model id it sends and its params block.</summary>
/// <param name="ModelId">The model's id.</param>
/// <param name="ParamsKey">The body member holding the params, or null when the body is flat (the params are the record's own properties).</param>
/// <param name="ParamsTypeName">The params record's C# name, or null when the body is flat.</param>
/// <param name="ParamsRequired">Whether the params block is a constructor parameter (some param is required).</param>
/// <param name="ParamsParameterName">The constructor parameter for the params block.</param>
/// <param name="ModelMember">The body member that carries the model id, or null when the body names no model.</param>
/// <param name="Multipart">Whether the body is sent as multipart/form-data.</param>
internal sealed record RequestPartSpec(
    string ModelId,
    string? ParamsKey,
    string? ParamsTypeName,
    bool ParamsRequired,
    string ParamsParameterName,
    string? ModelMember = "model",
    bool Multipart = false);
