using System;

namespace ProducerGen;

/// <summary>
/// The numeric constraints of a schema member, readable from metadata by analyzers and tools.
/// An unset value (<see cref="double.NaN"/>) means "no constraint".
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class SchemaRangeAttribute : Attribute
{
    /// <summary>The inclusive minimum, or <see cref="double.NaN"/>.</summary>
    public double Minimum { get; set; } = double.NaN;

    /// <summary>The inclusive maximum, or <see cref="double.NaN"/>.</summary>
    public double Maximum { get; set; } = double.NaN;

    /// <summary>The grid step (value = minimum + k * step), or <see cref="double.NaN"/>.</summary>
    public double Step { get; set; } = double.NaN;
}
