using System;

namespace ProducerGen;

/// <summary>The length constraints of a string schema member. An unset value (-1) means "no constraint".</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class SchemaLengthAttribute : Attribute
{
    /// <summary>The minimum length in UTF-16 code units, or -1.</summary>
    public int MinLength { get; set; } = -1;

    /// <summary>The maximum length in UTF-16 code units, or -1.</summary>
    public int MaxLength { get; set; } = -1;
}
