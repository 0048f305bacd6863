// Linked into every test and benchmark project that compiles generated code in memory.
using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProducerGen.Tests.Shared;

/// <summary>
/// The metadata references an in-memory compilation of generated code needs: the framework, plus the runtime and its
/// dependencies copied next to the calling assembly. The calling assembly itself is left out: a project that also consumes
/// the generator holds generated types of its own, which would clash (CS0436) with the ones under test.
/// </summary>
internal static class GeneratedCodeReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Create);

    public static ImmutableArray<MetadataReference> Value => All.Value;

    private static ImmutableArray<MetadataReference> Create()
    {
        var self = typeof(GeneratedCodeReferences).Assembly.Location;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => !string.Equals(path, self, StringComparison.Ordinal));
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("ProducerGen.Runtime", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name.StartsWith("Polly", StringComparison.Ordinal)));
        return trusted.Concat(local)
            .GroupBy(Path.GetFileName)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.Last()))
            .ToImmutableArray();
    }
}
