using System.Collections.Generic;
using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Schema.Yaml;

/// <summary>
/// A node of the small YAML tree the loader walks. Own types (rather than YamlDotNet's representation
/// model) give the loader duplicate-key detection, exact ranges and alias-expansion limits.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(SourceRange range) => Range = range;

    public SourceRange Range { get; set; }

    /// <summary>How many nodes this subtree stands for once aliases are expanded (saturating).</summary>
    public long ExpandedSize { get; set; } = 1;

    public abstract string KindName { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, SourceRange range)
        : base(range)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted; only plain scalars are read as numbers, booleans or null.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string KindName => IsNull ? "null" : "a scalar";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourceRange range)
        : base(range)
    {
    }

    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new();

    public override string KindName => "a mapping";
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceRange range)
        : base(range)
    {
    }

    public List<YamlNode> Items { get; } = new();

    public override string KindName => "a list";
}
