using System.Collections.Generic;
using System.Linq;
using ProducerGen.Schema.Loading;

namespace ProducerGen.Importer;

/// <summary><c>producergen check</c>: the loader's diagnostics, formatted like the compiler's.</summary>
public static class SchemaChecker
{
    /// <summary>Loads <paramref name="yaml"/> and returns one compiler-style line per diagnostic, and whether any is an error.</summary>
    public static (IReadOnlyList<string> Lines, bool HasErrors) Check(string yaml, string displayPath)
    {
        var result = SchemaLoader.Load(yaml);
        return (result.Diagnostics.Select(d => d.Format(displayPath)).ToList(), result.HasErrors);
    }
}
