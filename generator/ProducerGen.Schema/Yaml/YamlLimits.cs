namespace ProducerGen.Schema.Yaml;

/// <summary>
/// Bounds that keep a hostile or broken schema from hanging or exhausting the build
/// (billion-laughs alias bombs, megabytes of nesting). Real schemas stay far below them.
/// </summary>
public sealed record YamlLimits(int MaxCharacters, int MaxDepth, long MaxExpandedNodes)
{
    /// <summary>8 M characters, 64 levels, 1 M nodes after alias expansion.</summary>
    public static YamlLimits Default { get; } = new(8 * 1024 * 1024, 64, 1_000_000);
}
