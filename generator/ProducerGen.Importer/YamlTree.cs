using System.Collections.Generic;
using System.Linq;

namespace ProducerGen.Importer;

/// <summary>The kind of a scalar, which decides how <see cref="SchemaYamlWriter"/> writes it.</summary>
public enum ScalarKind
{
    /// <summary>Text: written plain when that reads back as the same string, quoted otherwise.</summary>
    String,

    /// <summary>A number, written as is (<c>0.05</c>, <c>300000</c>).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>~</c>: in an overlay, removes the key.</summary>
    Null,
}

/// <summary>A node of the ordered YAML tree the importer builds and the writer prints.</summary>
public abstract class YNode
{
    /// <summary>Written inline (<c>{ a: 1 }</c>, <c>[a, b]</c>) rather than as a block.</summary>
    public bool Flow { get; set; }

    /// <summary>A deep copy.</summary>
    public abstract YNode Clone();
}

/// <summary>A scalar value.</summary>
public sealed class YScalar : YNode
{
    public YScalar(string value, ScalarKind kind = ScalarKind.String)
    {
        Value = value;
        Kind = kind;
    }

    public string Value { get; }

    public ScalarKind Kind { get; }

    public override YNode Clone() => new YScalar(Value, Kind);

    public override bool Equals(object? obj) => obj is YScalar other && other.Value == Value && other.Kind == Kind;

    public override int GetHashCode() => Value.GetHashCode(System.StringComparison.Ordinal);
}

/// <summary>A sequence.</summary>
public sealed class YSeq : YNode
{
    public YSeq(IEnumerable<YNode> items, bool flow = true)
    {
        Items = items.ToList();
        Flow = flow;
    }

    public List<YNode> Items { get; }

    public override YNode Clone() => new YSeq(Items.Select(i => i.Clone()), Flow);
}

/// <summary>A mapping that keeps its keys in insertion order.</summary>
public sealed class YMap : YNode
{
    public YMap(bool flow = false) => Flow = flow;

    public List<KeyValuePair<string, YNode>> Entries { get; } = new();

    public int Count => Entries.Count;

    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    public bool ContainsKey(string key) => Entries.Any(e => e.Key == key);

    public YMap Add(string key, YNode value)
    {
        Entries.Add(new(key, value));
        return this;
    }

    public YMap Add(string key, string value) => Add(key, new YScalar(value));

    /// <summary>Replaces the value of <paramref name="key"/> in place, or inserts it at <paramref name="index"/> (the end by default).</summary>
    public void Set(string key, YNode value, int? index = null)
    {
        var at = Entries.FindIndex(e => e.Key == key);
        if (at >= 0)
        {
            Entries[at] = new(key, value);
        }
        else
        {
            Entries.Insert(index ?? Entries.Count, new(key, value));
        }
    }

    public void Remove(string key) => Entries.RemoveAll(e => e.Key == key);

    public override YNode Clone()
    {
        var copy = new YMap(Flow);
        foreach (var entry in Entries)
        {
            copy.Add(entry.Key, entry.Value.Clone());
        }

        return copy;
    }
}
