namespace ProducerGen.Generator.Specs;

/// <summary>A model's operations class (<c>client.Producer</c>): submit, generate, wait.</summary>
/// <param name="Name">The class's C# name (<c>ProducerOperations</c>).</param>
/// <param name="ModelId">The model's id.</param>
/// <param name="RequestName">The request record's C# name.</param>
/// <param name="ResultName">The model result's C# name.</param>
/// <param name="Method">The submit route's HTTP method.</param>
/// <param name="Path">The submit route's path.</param>
/// <param name="AverageCompletionMilliseconds">The typical completion time, a polling hint.</param>
/// <param name="JobPath">The model's own job path (<c>{id}</c> kept), or null for the API's.</param>
/// <param name="ResultPath">The model's own result path, or null.</param>
internal sealed record OperationsSpec(string Name, string ModelId, string RequestName, string ResultName, string Method, string Path, long? AverageCompletionMilliseconds, string? JobPath = null, string? ResultPath = null);
