using ProducerGen.Schema.Loading;

namespace ProducerGen.Generator.Planning;

/// <summary>A schema file after loading: equatable, so unchanged files stop the pipeline here.</summary>
internal sealed record LoadedSchema(string Path, string FileName, string HintPrefix, SchemaLoadResult Result);
