using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Specs;

/// <summary>The generated model factory file (<c>ApiframeModelFactory</c>): builds jobs, handles and typed results for tests.</summary>
/// <param name="FileName">The file's name within the schema's outputs.</param>
/// <param name="Name">The static class's C# name.</param>
/// <param name="ClientName">The client whose <c>Description</c> gives the jobs their statuses.</param>
/// <param name="Results">One factory method per model result.</param>
internal sealed record ModelFactoryFileSpec(string FileName, string Name, string ClientName, EquatableArray<ModelFactoryResultSpec> Results);

/// <summary>A factory method building one model's typed result.</summary>
/// <param name="ResultName">The result's C# name, also the method's (<c>ProducerResult</c>).</param>
/// <param name="ModelId">The model's id, for docs.</param>
/// <param name="JobParameter">The job parameter's name (<c>job</c>, unless a result member took it).</param>
/// <param name="Members">The result's typed members, one optional parameter each.</param>
internal sealed record ModelFactoryResultSpec(string ResultName, string ModelId, string JobParameter, EquatableArray<ModelFactoryMemberSpec> Members);

/// <summary>A result member as a factory parameter.</summary>
/// <param name="PropertyName">The result property it sets.</param>
/// <param name="ParameterName">The parameter (escaped when a keyword).</param>
/// <param name="ParameterType">The parameter's C# type, nullable so it can default to null.</param>
/// <param name="Summary">Its XML doc summary (plain text).</param>
internal sealed record ModelFactoryMemberSpec(string PropertyName, string ParameterName, string ParameterType, string Summary);
