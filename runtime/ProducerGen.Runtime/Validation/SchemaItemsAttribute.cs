using System;

namespace ProducerGen;

/// <summary>The item-count constraints of an array schema member. An unset value (-1) means "no constraint".</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class SchemaItemsAttribute : Attribute
{
    /// <summary>The minimum number of items, or -1.</summary>
    public int MinItems { get; set; } = -1;

    /// <summary>The maximum number of items, or -1.</summary>
    public int MaxItems { get; set; } = -1;
}
