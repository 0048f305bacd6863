namespace ProducerGen.Generator.Specs;

/// <summary>A model's operations class (<c>client.Producer</c>): submit, generate, wait.</summary>
/// <param name="Name">The class's C# name (<c>ProducerOperations</c>).</param>
/// <param name="ModelId">The model's id.</param>
/// <param name="RequestName">The request record's C# name.</param>
/// <param name="ResultName">The model result's C# name.</param>
/// <param name="Method">The submit route's HTTP method.</param>
/// <param name="Path">The submit route's path.</param>
/// <param name="AverageCompletionMilliseconds">The typical completion time, a polling hint.</param>
internal sealed record OperationsSpec(string Name, string ModelId, string RequestName, string ResultName, string Method, string Path, long? AverageCompletionMilliseconds);
