using System;
using System.IO;

namespace ProducerGen.Benchmarks;

/// <summary>Finds the repository root (the folder holding ProducerGen.sln) from the running binary, also from BenchmarkDotNet's child processes.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ProducerGen.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("ProducerGen.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;
}
