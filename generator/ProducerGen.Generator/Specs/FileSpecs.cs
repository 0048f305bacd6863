using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Specs;

/// <summary>The client file of one schema.</summary>
/// <param name="FileName">The file's name within the schema's outputs (unique, case-insensitively too).</param>
/// <param name="Client">What it declares.</param>
internal sealed record ClientFileSpec(string FileName, ClientSpec Client);

/// <summary>One endpoint's file: its result view, the result's object types and the types of its shared fields.</summary>
/// <param name="FileName">The file's name within the schema's outputs.</param>
/// <param name="Result">The result view.</param>
/// <param name="ResultObjects">Object types inside the result, in emit order.</param>
/// <param name="FieldTypes">Enums and objects of the endpoint's fields, in emit order.</param>
internal sealed record EndpointFileSpec(string FileName, ResultBaseSpec Result, EquatableArray<ResultObjectSpec> ResultObjects, EquatableArray<TypeDeclaration> FieldTypes);

/// <summary>One model's file: request, params, their nested types, result and operations.</summary>
/// <param name="ModelId">The model's id.</param>
/// <param name="FileName">The file's name within the schema's outputs.</param>
/// <param name="Request">The request record.</param>
/// <param name="Params">The params record, or null when the endpoint's body is flat (the request holds the params).</param>
/// <param name="ParamTypes">Enums and objects of the params, in emit order.</param>
/// <param name="Result">The typed result.</param>
/// <param name="Operations">The operations class.</param>
internal sealed record ModelFileSpec(
    string ModelId,
    string FileName,
    RecordSpec Request,
    RecordSpec? Params,
    EquatableArray<TypeDeclaration> ParamTypes,
    ModelResultSpec Result,
    OperationsSpec Operations);

/// <summary>Everything one schema generates, split into files so each caches on its own.</summary>
/// <param name="Namespace">The namespace every file declares.</param>
/// <param name="Client">The client file.</param>
/// <param name="Endpoints">One file per endpoint that has models.</param>
/// <param name="Models">One file per model.</param>
/// <param name="DeclaredTypes">Every top-level type name the files declare, for the project's cross-file check.</param>
/// <param name="AnswerTypes">One file per answer type of the operations.</param>
/// <param name="Groups">One file per operation group.</param>
/// <param name="ModelFactory">The model factory file.</param>
internal sealed record SchemaSpec(
    string Namespace,
    ClientFileSpec Client,
    EquatableArray<EndpointFileSpec> Endpoints,
    EquatableArray<ModelFileSpec> Models,
    EquatableArray<string> DeclaredTypes,
    EquatableArray<AnswerTypeFileSpec> AnswerTypes = default,
    EquatableArray<OperationGroupFileSpec> Groups = default,
    ModelFactoryFileSpec? ModelFactory = null);
